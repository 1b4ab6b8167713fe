// The severity of a problem in the text outputs: French words under --lang fr (erreur,
// avertissement, info) in the lint report, the schema's problems and odw convert's lines; the
// English lines, the JSON and the SARIF keep the ids.
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, runOdw } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-severity-'));
const sample = join(ROOT, 'samples', 'budget-primitif-2024.csv');

test('the lint text report names severities in French, padded to one column', async () => {
  const fr = await runOdw('lint', sample, '--lang', 'fr');
  assert.match(fr.out, /^ {2}1:35 {7}avertissement Le nom de colonne/m);
  assert.match(fr.out, /^ {2}8:33 {7}erreur {8}7 cellules pour 6 colonnes/m);
  assert.doesNotMatch(fr.out, /^ {2}\S+ +(warning|error|info) /m);
  const en = await runOdw('lint', sample, '--lang', 'en');
  assert.match(en.out, /^ {2}1:35 {7}warning Column name/m);
  assert.match(en.out, /^ {2}8:33 {7}error {3}7 cells for 6 columns/m);
  const json = JSON.parse((await runOdw('lint', sample, '--lang', 'fr', '--format', 'json')).out);
  assert.deepEqual([...new Set(json.files[0].diagnostics.map((d: { severity: string }) => d.severity))].sort(), ['error', 'warning']);
  const sarif = JSON.parse((await runOdw('lint', sample, '--lang', 'fr', '--format', 'sarif')).out);
  assert.ok(sarif.runs[0].results.every((r: { level: string }) => ['error', 'warning', 'note'].includes(r.level)));
});

test('a schema’s problem and odw convert’s lines say their severity in French', async () => {
  const schema = join(dir, 'bad.json');
  writeFileSync(schema, '{"fields":[{"name":"a","type":"strin"}]}');
  const fr = await runOdw('lint', sample, '--schema', schema, '--lang', 'fr');
  assert.equal(fr.code, 2);
  assert.match(fr.err, /bad\.json:1:24: erreur : Schéma invalide, \/fields\/0\/type : /);
  const en = await runOdw('lint', sample, '--schema', schema, '--lang', 'en');
  assert.match(en.err, /bad\.json:1:24: error: Invalid schema, \/fields\/0\/type: /);

  const notXml = join(dir, 'x.xml');
  copyFileSync(join(ROOT, 'package.json'), notXml);
  const out = join(dir, 'b.csv');
  const bad = await runOdw('convert', notXml, '--out', out, '--lang', 'fr');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /x\.xml : erreur : Ce n’est pas un fichier XML/);
  assert.match((await runOdw('convert', notXml, '--out', out, '--lang', 'en')).err, /x\.xml: error: This is not an XML file/);
  process.env.ODW_OFFLINE = '1';
  try {
    const act = join(FIXTURES, 'budget', 'cases', 'gironde-dep-ca-2013-m52-excerpt', 'totem.xml');
    const one = await runOdw('convert', act, '--out', out, '--lang', 'fr');
    assert.equal(one.code, 0, one.err);
    assert.match(one.err, /totem\.xml : info : Plan de comptes M52-M52 2013 : fourni avec le produit/);
    assert.match(one.out, /b\.csv : 1 ligne \(/);
    const en = await runOdw('convert', act, '--out', out, '--lang', 'en');
    assert.match(en.err, /totem\.xml: info: /);
    assert.match(en.out, /b\.csv: 1 rows \(/);
  } finally {
    delete process.env.ODW_OFFLINE;
  }
});
