// The CLI's --schema wiring: catalog names and paths, auto-detection, the report's schema field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli';
import { fixture } from './fixtures';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const example = fixture('standards', 'scdl-subventions', 'exemples', 'exemple_invalide_erreurs_cellules.csv');

test('--schema with a catalog name fills the report’s schema field', async () => {
  const r = await run('lint', example, '--schema', 'scdl/subventions', '--format', 'json');
  assert.equal(r.code, 1);
  const rep = JSON.parse(r.out).files[0];
  assert.deepEqual(rep.schema, { name: 'scdl/subventions', version: '2.1.1' });
  assert.ok(rep.diagnostics.some((d: { rule: string }) => d.rule === 'french-siret-value'));
});

test('without --schema the schema is detected from the header', async () => {
  const r = await run('lint', example, '--format', 'json');
  assert.deepEqual(JSON.parse(r.out).files[0].schema, { name: 'scdl/subventions', version: '2.1.1' });
});

test('--schema with a path; a broken schema file is reported at its JSON position, exit 2', async () => {
  const ok = await run('lint', example, '--schema', fixture('standards', 'scdl-subventions', 'schema.json'), '--format', 'json');
  assert.deepEqual(JSON.parse(ok.out).files[0].schema, { name: 'subventions', version: '2.1.1' });
  const dir = mkdtempSync(join(tmpdir(), 'odw-cli-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{\n  "fields": [\n    {"name": "a", "type": "texte"}\n  ]\n}\n');
  const r = await run('lint', example, '--schema', bad);
  assert.equal(r.code, 2);
  assert.match(r.err, new RegExp(`${bad.replace(/[/\\.]/g, '\\$&')}:3:19: error: Invalid schema, /fields/0/type`));
  const unknown = await run('lint', example, '--schema', 'scdl/nope');
  assert.equal(unknown.code, 2);
});

test('a faulty part of a schema is switched off, said in the user’s language, never a false error on the data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-faulty-'));
  const schema = join(dir, 'schema.json');
  writeFileSync(
    schema,
    JSON.stringify({
      fields: [
        { name: 'jour', type: 'date', format: '%Q' },
        { name: 'code', type: 'string', constraints: { pattern: '([0-9' } },
      ],
    }),
  );
  const data = join(dir, 'data.csv');
  writeFileSync(data, 'jour,code\n2024-01-31,A1\n31/01/2024,B2\n');
  const r = await run('lint', data, '--schema', schema, '--format', 'json', '--lang', 'fr');
  // The data holds no error; the run fails on the schema's own errors, listed with the report.
  assert.equal(r.code, 1, r.err);
  assert.deepEqual(JSON.parse(r.out).files[0].counts.error, 0);
  assert.equal(JSON.parse(r.out).schemaProblems.diagnostics.length, 2);
  assert.match(r.err, /motif de date inconnu « %Q » : lu comme le format « any »/);
  assert.match(r.err, /la contrainte « pattern » n’est pas une expression régulière valide .* elle n’est pas vérifiée/);
  // A value no date form reads is still a type error.
  writeFileSync(data, 'jour,code\npas une date,A1\n');
  const bad = JSON.parse((await run('lint', data, '--schema', schema, '--format', 'json')).out).files[0];
  assert.equal(bad.byRule['type-error'], 1);
});
