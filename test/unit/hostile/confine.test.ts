// Paths from a repository's files, settings and webview messages stay inside the workspace
// folder (issue #16): absolute paths, `..` and symbolic links leading out are refused, at
// every place such a path is read.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confinedPath, confineRefusal } from '../../../src/core/project/confine';
import { resolveSource } from '../../../src/core/chart/saved';
import { lintFile } from '../../../src/core/lint-file';
import { schemaSetup } from '../../../src/core/schema/setup';
import { parseGridMessage } from '../../../src/vscode/grid/messages';
import { parseMetadataMessage } from '../../../src/vscode/metadata/messages';

const base = mkdtempSync(join(tmpdir(), 'odw-confine-'));
const root = join(base, 'project');
const secret = join(base, 'secret');
mkdirSync(join(root, 'schemas'), { recursive: true });
mkdirSync(secret);
const SCHEMA = JSON.stringify({
  name: 'private',
  fields: [
    { name: 'nom', type: 'string' },
    { name: 'montant', type: 'integer' },
  ],
});
writeFileSync(join(secret, 'schema.json'), SCHEMA);
writeFileSync(join(root, 'schemas', 'ok.json'), SCHEMA);
writeFileSync(join(root, 'data.csv'), 'nom,montant\nA,1\n');
symlinkSync(secret, join(root, 'link'));
test.after(() => rmSync(base, { recursive: true, force: true }));

test('confinedPath: relative paths inside; absolute, "..", NUL and links leading out refused', () => {
  assert.equal(confinedPath(root, 'schemas/ok.json'), join(root, 'schemas', 'ok.json'));
  assert.equal(confinedPath(root, './data.csv'), join(root, 'data.csv'));
  assert.equal(confinedPath(root, 'new/not-yet.csv'), join(root, 'new', 'not-yet.csv'));
  for (const [p, why] of [
    [join(secret, 'schema.json'), 'absolute'],
    ['/etc/passwd', 'absolute'],
    ['C:\\Windows\\win.ini', 'absolute'],
    ['\\\\server\\share\\x.csv', 'absolute'],
    ['~/.ssh/id_rsa', 'absolute'],
    ['../secret/schema.json', 'parent'],
    ['schemas/../../secret/schema.json', 'parent'],
    ['schemas\\..\\..\\x', 'parent'],
    ['link/schema.json', 'outside'],
    ['a\0b', 'invalid'],
    ['', 'invalid'],
  ] as const) {
    assert.equal(confinedPath(root, p), null, p);
    assert.equal(confineRefusal(root, p), why, p);
  }
});

test('a datapackage.json schema path outside the project is refused with a schema-error, inside it is used', async () => {
  const dp = (schema: string) =>
    writeFileSync(join(root, 'datapackage.json'), JSON.stringify({ resources: [{ name: 'data', path: 'data.csv', schema }] }));
  const file = join(root, 'data.csv');
  try {
    for (const bad of ['../secret/schema.json', join(secret, 'schema.json'), 'link/schema.json']) {
      dp(bad);
      const setup = schemaSetup({}, 'en', file);
      assert.match(setup.schemaDiagnostics[0]?.message ?? '', /Schema refused: .* inside the project folder/, bad);
      assert.equal(setup.checks.length, 0, 'no check built from the secret file');
      assert.notEqual((await lintFile(file)).schema?.name, 'private');
    }
    dp('schemas/ok.json');
    assert.equal((await lintFile(file)).schema?.name, 'private');
  } finally {
    rmSync(join(root, 'datapackage.json'), { force: true });
  }
});

test('openData.schema.globs: a schema path is relative to the workspace folder and confined to it', async () => {
  const file = join(root, 'data.csv');
  const inside = await lintFile(file, { schemaGlobs: { '**/*.csv': 'schemas/ok.json' }, schemaRoot: root });
  assert.equal(inside.schema?.name, 'private');
  for (const bad of ['../secret/schema.json', join(secret, 'schema.json')]) {
    const setup = schemaSetup({ schemaGlobs: { '**/*.csv': bad }, schemaRoot: root }, 'fr', file);
    assert.match(setup.schemaDiagnostics[0]?.message ?? '', /Schéma refusé/, bad);
    assert.notEqual((await lintFile(file, { schemaGlobs: { '**/*.csv': bad }, schemaRoot: root })).schema?.name, 'private');
  }
});

test('a saved chart cannot open a table outside the workspace folder', () => {
  assert.equal(resolveSource(root, 'data.csv'), join(root, 'data.csv'));
  for (const bad of ['../secret/schema.json', join(secret, 'x.csv'), 'link/schema.json']) assert.equal(resolveSource(root, bad), null, bad);
});

test('grid messages: only known shapes, and rule pages only for registered rules', () => {
  assert.deepEqual(parseGridMessage({ type: 'openRule', rule: 'formula-injection' }), { type: 'openRule', rule: 'formula-injection' });
  for (const bad of ['../../README', '../secret', 'formula-injection/../../x', '', 42])
    assert.equal(parseGridMessage({ type: 'openRule', rule: bad }), null, String(bad));
  assert.deepEqual(parseGridMessage({ type: 'selectSheet', sheet: 'Feuil1' }), { type: 'selectSheet', sheet: 'Feuil1' });
  assert.equal(parseGridMessage({ type: 'selectSheet', sheet: 'x'.repeat(5000) }), null);
  assert.equal(parseGridMessage({ type: 'export' }), null);
  assert.equal(parseGridMessage({ type: 'eval', code: '1' }), null);
  assert.deepEqual(parseGridMessage({ type: 'shown', rows: 2000, partial: true }), { type: 'shown', rows: 2000, partial: true });
  assert.equal(parseGridMessage({ type: 'shown', rows: '2000', partial: true }), null);
  assert.deepEqual(
    parseGridMessage({ type: 'shown', rows: 2, partial: false, received: 5, drawn: 'soon' }),
    { type: 'shown', rows: 2, partial: false, received: 5 },
    'a time that is not a number is dropped',
  );
  assert.equal(parseGridMessage(null), null);
});

test('metadata messages: the panel’s dataset only, known fields with their types', () => {
  const edit = {
    meta: { name: 'other-dataset', title: 'Budget', keywords: ['budget'], resources: [{ path: '/etc/passwd' }] },
    files: [{ path: 'data.csv', description: 'x' }],
  };
  const m = parseMetadataMessage({ type: 'save', edit }, 'budget');
  assert.ok(m && m.type === 'save');
  assert.deepEqual(m.edit.meta, { name: 'budget', title: 'Budget', keywords: ['budget'] }, 'name forced, unknown keys dropped');
  assert.equal(parseMetadataMessage({ type: 'save', edit: { meta: { title: 3 }, files: [] } }, 'budget'), null);
  assert.equal(parseMetadataMessage({ type: 'change', edit: { meta: {}, files: [{ path: 1 }] } }, 'budget'), null);
  assert.deepEqual(parseMetadataMessage({ type: 'ready' }, 'budget'), { type: 'ready' });
  assert.equal(parseMetadataMessage({ type: 'publish' }, 'budget'), null);
});
