// What the commands write and where they refuse to: the input is never modified (links at --out
// included), a missing output folder or schema is a usage error before any work, binary junk is
// not "cleaned", and the report formats say where a problem ends.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runOdw } from '../helpers';

const run = runOdw;

const dir = mkdtempSync(join(tmpdir(), 'odw-cli-out-'));
const input = join(dir, 'in.csv');
const text = 'nom,montant\n Asso A ,1\nB,2\n';
writeFileSync(input, text);
const ACT = join(FIXTURES, 'budget', 'cases', 'mohon-cfu-2023-m57a', 'totem.xml');

test('clean and standardise refuse an --out that is a link to the input, which stays as it was', async () => {
  symlinkSync(input, join(dir, 'sym.csv'));
  linkSync(input, join(dir, 'hard.csv'));
  for (const out of ['sym.csv', 'hard.csv']) {
    const r = await run('clean', input, '--out', join(dir, out));
    assert.equal(r.code, 2, out);
    assert.match(r.err, /refusing to overwrite the input/);
    const s = await run('standardise', input, '--schema', 'scdl/subventions', '--out', join(dir, out));
    assert.equal(s.code, 2, out);
  }
  assert.equal(readFileSync(input, 'utf8'), text);
});

test('a link at --out to another file is replaced by the output, not written through', async () => {
  const other = join(dir, 'other.csv');
  writeFileSync(other, 'keep me\n');
  symlinkSync(other, join(dir, 'to-other.csv'));
  const r = await run('clean', input, '--out', join(dir, 'to-other.csv'));
  assert.equal(r.code, 0, r.err);
  assert.equal(readFileSync(other, 'utf8'), 'keep me\n');
  assert.equal(readFileSync(join(dir, 'to-other.csv'), 'utf8'), 'nom,montant\nAsso A,1\nB,2\n');
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.part')),
    [],
    'no temporary file left',
  );
});

test('an --out in a folder that does not exist is a usage error, said in the command line’s language', async () => {
  const missing = join(dir, 'no-such-folder', 'out.csv');
  const convert = await run('convert', ACT, '--out', missing);
  assert.equal(convert.code, 2);
  assert.match(convert.err, /cannot write .*out\.csv: the folder .*no-such-folder does not exist/);
  const clean = await run('clean', input, '--out', missing, '--lang', 'fr');
  assert.equal(clean.code, 2);
  assert.match(clean.err, /impossible d’écrire .* le dossier .*no-such-folder n’existe pas/);
  const std = await run('standardise', input, '--schema', 'scdl/subventions', '--out', missing);
  assert.equal(std.code, 2);
  assert.equal(existsSync(join(dir, 'no-such-folder')), false);
});

test('clean refuses binary junk, a missing file, recipe or schema before writing anything', async () => {
  const junk = join(dir, 'junk.csv');
  writeFileSync(junk, Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(64), Buffer.from([1, 2, 3, 250, 251])]));
  const out = join(dir, 'junk.clean.csv');
  const r = await run('clean', junk, '--out', out);
  assert.equal(r.code, 2);
  assert.match(r.err, /NUL bytes/);
  for (const argv of [
    ['clean', join(dir, 'nope.csv'), '--out', out, '--lang', 'fr'],
    ['clean', input, '--out', out, '--recipe', join(dir, 'nope.json')],
    ['clean', input, '--out', out, '--schema', 'nope/nope'],
    ['clean', input, '--out', out, '--schema', 'scdl/subventions@9.9'],
  ]) {
    const x = await run(...argv);
    assert.equal(x.code, 2, argv.join(' '));
    assert.doesNotMatch(x.err, /ENOENT|at .*\.js/, 'a sentence, not a stack');
  }
  assert.match((await run('clean', join(dir, 'nope.csv'), '--out', out, '--lang', 'fr')).err, /fichier introuvable/);
  assert.match((await run('clean', input, '--out', out, '--schema', 'scdl/subventions@9.9')).err, /no version 9\.9/);
  assert.equal(existsSync(out), false);
});

test('JSON diagnostics: a cell over two lines has endLine, a workbook problem its cell', async () => {
  const ml = join(dir, 'multiline.csv');
  writeFileSync(ml, 'nom,note\nA,"ligne un\nligne deux"\nB,x\n');
  const d = JSON.parse((await run('lint', ml, '--format', 'json')).out).files[0].diagnostics.find(
    (x: { rule: string }) => x.rule === 'multiline-cell',
  );
  assert.deepEqual([d.line, d.start, d.endLine, d.end], [2, 2, 3, 11]);
  const one = JSON.parse((await run('lint', input, '--format', 'json')).out).files[0].diagnostics[0];
  assert.equal('endLine' in one, false, 'only when the range ends on another line');
  const sheet = JSON.parse((await run('lint', join(FIXTURES, 'workspace', 'sheet-aube.xlsx'), '--format', 'json')).out).files[0];
  assert.ok(sheet.diagnostics.length > 0);
  for (const x of sheet.diagnostics) assert.match(`${x.sheet}!${x.cell}`, /^Feuil\d![A-Z]+\d+$/);
});

test('SARIF: artifact URIs are encoded, and every ruleId of the results is described', async () => {
  const spaced = join(dir, 'sub dir #1');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(spaced);
  const f = join(spaced, 'b.csv');
  writeFileSync(f, 'nom,montant\nA,x\n');
  const sarif = JSON.parse((await run('lint', f, '--schema', 'scdl/subventions', '--format', 'sarif')).out);
  const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.match(uri, /^file:\/\/\/.*\/sub%20dir%20%231\/b\.csv$/);
  const ids = new Set(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
  const used = new Set<string>(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId));
  assert.ok([...used].some((id) => !id.startsWith('sheet-') && id.includes('-')));
  for (const id of used) assert.ok(ids.has(id), id);
});

test('schemas, diagnose and publish: option mistakes in French with --lang fr, a non-HTTPS portal is exit 2', async () => {
  const s = await run('schemas', '--bogus', '--lang', 'fr');
  assert.equal(s.code, 2);
  assert.match(s.err, /option inconnue --bogus/);
  assert.match((await run('schemas', '--format', 'xml', '--lang', 'fr')).err, /--format vaut text ou json, pas « xml »/);
  const d = await run('diagnose', '--portal', 'http://example.org', '--organization', 'x');
  assert.equal(d.code, 2);
  assert.match(d.err, /must use HTTPS/);
  const prev = process.env.ODW_API_KEY;
  process.env.ODW_API_KEY = 'k-secret';
  try {
    const p = await run('publish', input, '--portal', 'not a url', '--lang', 'fr');
    assert.equal(p.code, 2);
    assert.match(p.err, /--portal : |--portal: /);
    assert.doesNotMatch(p.err, /k-secret/);
  } finally {
    if (prev === undefined) delete process.env.ODW_API_KEY;
    else process.env.ODW_API_KEY = prev;
  }
});

test('map and standardise say why a file is no table, in the lint’s words and the command line’s language', async () => {
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  const m = await run('map', empty, '--schema', 'scdl/subventions', '--lang', 'fr');
  assert.equal(m.code, 2);
  assert.match(m.err, /empty\.csv : Le fichier est vide : il n’a pas de ligne d’en-tête\./);
  const junk = join(dir, 'nul.csv');
  writeFileSync(junk, Buffer.from('a,b\n\0\0\0\n'));
  const s = await run('standardise', junk, '--schema', 'scdl/subventions', '--out', join(dir, 'nul.out.csv'));
  assert.equal(s.code, 2);
  assert.match(s.err, /NUL bytes/);
  assert.equal(existsSync(join(dir, 'nul.out.csv')), false);
});

test('clean with a schema fills nothing in and deletes no column the schema names, even an empty one', async () => {
  const valid = join(FIXTURES, 'standards', 'scdl-subventions', 'exemples', 'exemple_valide.csv');
  const out = join(dir, 'valide.clean.csv');
  const r = await run('clean', valid, '--schema', 'scdl/subventions', '--out', out);
  assert.equal(r.code, 0, r.err);
  const header = (f: string) => readFileSync(f, 'utf8').split(/\r?\n/)[0];
  assert.equal(header(out), header(valid));
  const after = JSON.parse((await run('lint', out, '--schema', 'scdl/subventions', '--format', 'json')).out).files[0];
  assert.equal(after.counts.error, 0);
  assert.equal(after.byRule['empty-column'], 2, 'still said: idRAE and dispositifAide are empty');
  // Without a schema, an empty column is still deleted.
  const bare = join(dir, 'bare.csv');
  writeFileSync(bare, 'a,b,c\n1,,3\n4,,6\n');
  await run('clean', bare, '--out', join(dir, 'bare.clean.csv'));
  assert.equal(readFileSync(join(dir, 'bare.clean.csv'), 'utf8'), 'a,c\n1,3\n4,6\n');
});

test('with a schema, a text field is no date column and a typed field no “inconsistent” one: one problem, one report', async () => {
  const cells = join(FIXTURES, 'standards', 'scdl-subventions', 'exemples', 'exemple_invalide_erreurs_cellules.csv');
  const withSchema = JSON.parse((await run('lint', cells, '--schema', 'scdl/subventions', '--format', 'json', '--max-problems', '0')).out)
    .files[0];
  assert.equal(withSchema.byRule['date-format'], undefined, 'datesPeriodeVersement is a string whose pattern allows periods');
  assert.equal(withSchema.byRule['inconsistent-values'], undefined);
  assert.ok(withSchema.byRule['constraint-error'] > 0, 'the schema still says what is wrong');
  const capped = JSON.parse((await run('lint', cells, '--schema', 'scdl/subventions', '--format', 'json')).out).files[0];
  assert.deepEqual(capped.counts, withSchema.counts, 'the cap changes the list, not the counts');
});

test('a SIRET column is checked on every sheet, not only on the one a schema describes', async () => {
  const book = join(FIXTURES, 'corpus', 'asso_SCDL_WITH_EXERCICE_ALT_fixture.xlsx');
  const f = JSON.parse((await run('lint', book, '--format', 'json')).out).files[0];
  const ids = f.diagnostics.filter((d: { rule: string }) => d.rule === 'french-siret-value');
  // MANIFEST.json: the data sheet's three beneficiaries carry a SIRET whose checksum fails.
  assert.deepEqual(
    ids.map((d: { sheet: string; cell: string }) => `${d.sheet}!${d.cell}`),
    ['Sheet1!B2', 'Sheet1!B3', 'Sheet1!B4'],
  );
});

test('a mistyped primary key value is not called empty; one row is “1 row”', async () => {
  const schema = join(dir, 'pk.json');
  writeFileSync(schema, JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'nom' }], primaryKey: 'id' }));
  const data = join(dir, 'pk.csv');
  writeFileSync(data, 'id,nom\nabc,A\n');
  const r = await run('lint', data, '--schema', schema);
  assert.match(r.out, /Primary key \(id\) has no readable value: empty, or not of its field's type\./);
  assert.match(r.out, /, 1 row\)/);
  assert.match((await run('lint', data, '--schema', schema, '--lang', 'fr')).out, /, 1 ligne\)/);
});

test('standardise says which rows it repaired and which it left out', async () => {
  const vendee = join(FIXTURES, 'corpus', 'hack_DEP85_Vendee_2017_subventions.csv');
  const r = await run('standardise', vendee, '--schema', 'scdl/subventions', '--out', join(dir, 'vendee.csv'));
  assert.match(r.out, /21 rows written/);
  assert.match(r.out, /2 row\(s\) not written: more cells than the header and no certain repair \(lines 22, 24\)/);
  assert.match(r.out, /21 row\(s\) repaired/);
});
