// The lint command line: how a schema is named, what a schema's own problems do to the result,
// a workbook's sheet chosen by name, and the summary line's counts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runOdw } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-cli-lint-'));
const clean = join(dir, 'clean.csv');
writeFileSync(clean, 'nom,montant\nA,1\nB,2\n');
const ASSO = join(FIXTURES, 'corpus', 'asso_SCDL_WITH_EXERCICE_ALT_fixture.xlsx');

const json = (out: string) =>
  JSON.parse(out) as {
    schemaProblems?: { path: string; diagnostics: { severity: string; message: string; line: number }[] };
    files: {
      schema: { name: string; version: string | null } | null;
      rows: number;
      byRule: Record<string, number>;
      counts: Record<string, number>;
    }[];
  };

test('--schema name@latest is the newest version, as name/latest is', async () => {
  const at = await runOdw('lint', clean, '--schema', 'scdl/subventions@latest', '--format', 'json');
  const slash = await runOdw('lint', clean, '--schema', 'scdl/subventions/latest', '--format', 'json');
  assert.equal(at.err, '');
  assert.deepEqual(json(at.out).files[0].schema, json(slash.out).files[0].schema);
  assert.equal(json(at.out).files[0].schema?.name, 'scdl/subventions');
});

test('an option where a value is due is a usage error, not a schema named “--lang”', async () => {
  const r = await runOdw('lint', clean, '--schema', '--lang', 'fr');
  assert.equal(r.code, 2);
  assert.match(r.err, /^--schema attend une valeur/);
  const c = await runOdw('clean', clean, '--out', '--lang', 'en');
  assert.equal(c.code, 2);
  assert.match(c.err, /--out needs a value/);
});

test('a schema that only partly compiles: its problems are in the JSON and SARIF, and the run fails', async () => {
  const schema = join(dir, 'partial.json');
  writeFileSync(
    schema,
    JSON.stringify({
      fields: [
        { name: 'nom', type: 'string', constraints: { pattern: '[a-' } },
        { name: 'montant', type: 'number' },
      ],
    }),
  );
  const r = await runOdw('lint', clean, '--schema', schema, '--format', 'json');
  const j = json(r.out);
  assert.equal(j.files[0].counts.error, 0, 'the data itself is clean');
  assert.equal(j.schemaProblems?.path, schema);
  assert.equal(j.schemaProblems?.diagnostics.length, 1);
  assert.match(j.schemaProblems!.diagnostics[0].message, /pattern.*not a valid regular expression/);
  assert.equal(j.schemaProblems!.diagnostics[0].line, 1);
  assert.equal(r.code, 1, 'a constraint left unchecked is an error of the run');
  const s = await runOdw('lint', clean, '--schema', schema, '--format', 'sarif');
  const results = (
    JSON.parse(s.out) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    }
  ).runs[0].results;
  const own = results.filter((x) => x.ruleId === 'schema-error');
  assert.equal(own.length, 1);
  assert.match(own[0].locations[0].physicalLocation.artifactLocation.uri, /partial\.json$/);
  assert.equal(s.code, 1);
  const ok = await runOdw('lint', clean, '--schema', 'scdl/subventions', '--format', 'json');
  assert.deepEqual(json(ok.out).schemaProblems?.diagnostics, []);
});

test('a schema a datapackage.json names: its problems come with the file, said once on stderr', async () => {
  const project = mkdtempSync(join(tmpdir(), 'odw-dp-'));
  writeFileSync(join(project, 'a.csv'), 'nom,montant\nA,1\n');
  writeFileSync(join(project, 'b.csv'), 'nom,montant\nB,2\n');
  writeFileSync(
    join(project, 'schema.json'),
    JSON.stringify({
      fields: [
        { name: 'nom', type: 'string', constraints: { pattern: '(x' } },
        { name: 'montant', type: 'number' },
      ],
    }),
  );
  const resources = ['a', 'b'].map((n) => ({ name: n, path: `${n}.csv`, schema: 'schema.json' }));
  writeFileSync(join(project, 'datapackage.json'), JSON.stringify({ name: 'p', resources }));
  const r = await runOdw('lint', project, '--format', 'json');
  const files = (JSON.parse(r.out) as { files: { schemaProblems?: { path: string; diagnostics: unknown[] } }[] }).files;
  assert.equal(files.length, 2);
  for (const f of files) assert.equal(f.schemaProblems?.diagnostics.length, 1);
  assert.equal(r.err.match(/not a valid regular expression/g)?.length, 1, r.err);
  assert.equal(r.code, 1);
});

test('--sheet lints the sheet asked for, and names the sheets when it is not there', async () => {
  const all = json((await runOdw('lint', ASSO, '--format', 'json')).out).files[0];
  const one = json((await runOdw('lint', ASSO, '--sheet', 'Sheet1', '--format', 'json')).out).files[0];
  assert.equal(one.rows, 5);
  assert.ok(one.rows < all.rows, 'the other sheet is not read');
  assert.equal(one.byRule['french-siret-value'], 3);
  const missing = await runOdw('lint', ASSO, '--sheet', 'Budget', '--lang', 'fr');
  assert.equal(missing.code, 2);
  assert.match(missing.out, /pas de feuille « Budget » \(feuilles : Feuil1, Sheet1\)/);
});

test('the summary line counts the notes too', async () => {
  const semi = join(dir, 'semi.csv');
  writeFileSync(semi, 'nom;montant\nA;1\nB;2\n');
  const r = await runOdw('lint', semi);
  assert.match(r.out, /0 error\(s\), 0 warning\(s\), 1 info\(s\)$/m);
  assert.match((await runOdw('lint', clean)).out, /0 error\(s\), 0 warning\(s\)$/m);
});

test('a schema that cannot be read is named as typed, with no made-up line in a file', async () => {
  const unknown = await runOdw('lint', clean, '--schema', 'scdl/nope');
  assert.equal(unknown.code, 2);
  assert.equal(unknown.err, 'scdl/nope: error: Unknown schema “scdl/nope”: neither a catalog name nor a file. [schema-error]\n');
  const missing = await runOdw('lint', clean, '--schema', './nothing.json', '--lang', 'fr');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /^\.\/nothing\.json : erreur : Schéma illisible : /);
  // A schema read but broken still points at its line.
  const broken = join(dir, 'broken-schema.json');
  writeFileSync(broken, '{"fields": [\n');
  const bad = await runOdw('lint', clean, '--schema', broken);
  assert.match(bad.err, new RegExp(`^${broken.replace(/[/.]/g, '\\$&')}:2:1: error: Invalid JSON`));
});
