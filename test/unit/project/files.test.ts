// datapackage.json and .opendata/project.json: round trips that keep unknown fields,
// ajv validation of good and broken files with positions, and the publish helpers on disk.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDataset,
  datasetOfPath,
  datasetsOf,
  parseDataPackage,
  serializeDataPackage,
  setDatasetMeta,
} from '../../../src/core/project/datapackage';
import {
  isChecked,
  targetPortalOf,
  parseProject,
  readProjectFile,
  recordPublication,
  serializeProject,
  setChecked,
  setNotes,
  updateProjectFile,
} from '../../../src/core/project/project';

const pub = {
  datasetId: '65a1b2c3',
  url: 'https://demo.data.gouv.fr/fr/datasets/subventions-2024/',
  publishedAt: '2024-03-01T10:00:00Z',
  portal: 'https://demo.data.gouv.fr',
};

test('addDataset groups several files into one dataset, names them, keeps unknown fields', () => {
  const start = { name: 'ville', 'x-custom': { keep: true }, resources: [{ name: 'old', path: 'old.csv', mine: 1 }] };
  const { dp, name } = addDataset(start, [
    { path: 'data/Subventions 2024.csv', schema: 'scdl/subventions' },
    { path: 'data/subventions-2024.xlsx' },
  ]);
  assert.equal(name, 'subventions-2024');
  assert.deepEqual(dp['x-custom'], { keep: true });
  assert.equal(dp.resources![0].mine, 1);
  assert.deepEqual(
    dp.resources!.slice(1).map((r) => [r.name, r.path, r.format, r.schema, r.dataset]),
    [
      ['subventions-2024', 'data/Subventions 2024.csv', 'csv', 'scdl/subventions', 'subventions-2024'],
      ['subventions-2024-2', 'data/subventions-2024.xlsx', 'xlsx', undefined, 'subventions-2024'],
    ],
  );
  const views = datasetsOf(dp);
  assert.deepEqual(
    views.map((v) => [v.meta.name, v.resources.length]),
    [
      ['subventions-2024', 2],
      ['old', 1],
    ],
  );
  assert.equal(datasetOfPath(dp, 'data/subventions-2024.xlsx')?.meta.name, 'subventions-2024');
  // The input is never mutated; adding the same file again changes nothing.
  assert.equal(start.resources.length, 1);
  const again = addDataset(dp, [{ path: 'data/Subventions 2024.csv' }], name);
  assert.equal(again.dp.resources!.length, 3);
});

test('setDatasetMeta replaces known fields, removes emptied ones, keeps the others', () => {
  const dp = { datasets: [{ name: 'a', title: 'A', 'x-note': 'kept', keywords: ['old'] }] };
  const next = setDatasetMeta(dp, { name: 'a', title: 'Budget', keywords: [], frequency: 'annual' });
  assert.deepEqual(next.datasets, [{ name: 'a', title: 'Budget', 'x-note': 'kept', frequency: 'annual' }]);
});

test('a serialised datapackage parses back identically and validates', () => {
  const { dp } = addDataset(null, [{ path: 'subventions.csv', schema: 'scdl/subventions' }]);
  const withMeta = setDatasetMeta(dp, {
    name: 'subventions',
    description: 'x'.repeat(120),
    licenses: [{ name: 'etalab-2.0', title: 'Licence Ouverte 2.0' }],
    temporalCoverage: { start: '2024-01-01', end: '2024-12-31' },
    frequency: 'annual',
  });
  const parsed = parseDataPackage(serializeDataPackage(withMeta));
  assert.deepEqual(parsed.issues, []);
  assert.deepEqual(parsed.value, withMeta);
});

test('broken datapackage.json: syntax error and schema errors come back as issues at the faulty value', () => {
  const syntax = parseDataPackage('{ "resources": [ }');
  assert.equal(syntax.value, null);
  assert.equal(syntax.issues.length, 1);
  assert.match(syntax.issues[0].message.en, /Invalid JSON/);
  assert.match(syntax.issues[0].message.fr, /JSON invalide/);

  const text = '{\n  "resources": [{ "name": "Bad Name", "path": "a.csv" }],\n  "datasets": [{ "name": "a", "frequency": "sometimes" }]\n}';
  const bad = parseDataPackage(text);
  assert.ok(bad.value, 'a valid JSON object is kept even when the schema fails');
  const byText = bad.issues.map((i) => [text.slice(i.start, i.end), i.message.en]);
  assert.ok(
    byText.some(([t, m]) => t === '"Bad Name"' && /\/resources\/0\/name/.test(m)),
    JSON.stringify(byText),
  );
  assert.ok(
    byText.some(([t, m]) => t === '"sometimes"' && /not an allowed value/.test(m)),
    JSON.stringify(byText),
  );
  assert.deepEqual(parseDataPackage('[1]').value, null);
});

test('project.json: checklist and notes round trip, unknown fields kept, bad publication flagged', () => {
  let p = setChecked({ 'x-team': ['Ana'] } as never, 'diagnostic', 'referent', true);
  p = setNotes(p, 'diagnostic', 'Rencontre le 12/03');
  const back = parseProject(serializeProject(p));
  assert.deepEqual(back.issues, []);
  assert.equal(isChecked(back.value, 'diagnostic', 'referent'), true);
  assert.equal(isChecked(back.value, 'diagnostic', 'maturity'), false);
  assert.deepEqual(back.value!['x-team'], ['Ana']);
  assert.equal(back.value!.stages!.diagnostic.notes, 'Rencontre le 12/03');

  const broken = parseProject('{"stages": {"dessert": {}}, "datasets": {"a": {"publication": {"datasetId": "1", "url": "not a url"}}}}');
  const messages = broken.issues.map((i) => i.message.en).join('\n');
  assert.match(messages, /publishedAt/);
  assert.match(messages, /portal/);
  assert.match(messages, /uri/);
  assert.match(messages, /\/stages/);
});

test('recordPublication writes .opendata/project.json on disk and keeps what was there', async () => {
  const root = mkdtempSync(join(tmpdir(), 'odw-project-'));
  try {
    assert.deepEqual(await readProjectFile(root), { value: {}, issues: [] });
    await updateProjectFile(root, (p) => setChecked(p, 'publication', 'contacts', true));
    await recordPublication(root, 'subventions-2024', pub);
    const read = await readProjectFile(root);
    assert.deepEqual(read.issues, []);
    assert.deepEqual(read.value!.datasets!['subventions-2024'].publication, pub);
    assert.equal(isChecked(read.value, 'publication', 'contacts'), true);

    // A file the person broke by hand is never overwritten.
    writeFileSync(join(root, '.opendata', 'project.json'), '{ oops');
    await assert.rejects(recordPublication(root, 'x', pub), /Invalid JSON/);
    assert.equal(readFileSync(join(root, '.opendata', 'project.json'), 'utf8'), '{ oops');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the publish flow’s extra fields (resources, marker, publishing checkpoint) validate', () => {
  const text = JSON.stringify({
    version: 1,
    datasets: {
      a: {
        publication: { ...pub, marker: 'odw-1', resources: { 'a.csv': 'r1' } },
        publishing: { portal: pub.portal, datasetId: '65a1b2c3', resources: {} },
      },
    },
  });
  assert.deepEqual(parseProject(text).issues, []);
  assert.match(
    parseProject(JSON.stringify({ datasets: { a: { publishing: { resources: { 'a.csv': 1 } } } } }))
      .issues.map((i) => i.message.en)
      .join(' '),
    /portal.*required|must be of type string/s,
  );
});

test('a publication record ticks "Published" and names the target portal, unless the user set them', () => {
  const pub = (at: string, portal: string) => ({ datasetId: 'x', url: `${portal}/datasets/x/`, publishedAt: at, portal });
  const p = {
    datasets: {
      a: { publication: pub('2026-01-02T00:00:00Z', 'https://demo.data.gouv.fr') },
      b: { publication: pub('2026-03-01T00:00:00Z', 'http://127.0.0.1:9') },
    },
  };
  assert.equal(isChecked({}, 'publication', 'published'), false);
  assert.equal(isChecked(p, 'publication', 'published'), true);
  assert.equal(targetPortalOf(p), 'http://127.0.0.1:9', 'the portal of the latest publication');
  assert.equal(targetPortalOf({ ...p, targetPortal: 'https://www.data.gouv.fr' }), 'https://www.data.gouv.fr');
  assert.equal(isChecked(setChecked(p, 'publication', 'published', false), 'publication', 'published'), false, 'an explicit untick wins');
});
