// The worker's standardise jobs as the panel uses them: the proposal (detected schema, table
// operations applied first), the preview with its counts, the write; user errors come back as
// a bilingual problem, not an exception.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers';
import { previewTask, proposeTask, writeTask } from '../../../src/core/standardise/task';
import { sourcesOf } from '../../../src/core/standardise/run';

const dir = mkdtempSync(join(tmpdir(), 'odw-stdtask-'));
const somme = { path: join(FIXTURES, 'corpus', 'dsub_DEP_Somme_TB_20180302_DONNEES_CONVENTIONS.csv') };

test('the proposal detects the schema from the header and lists the catalog', async () => {
  const r = await proposeTask({ source: somme });
  assert.ok(r.ok);
  assert.equal(r.result.schema.name, 'scdl/subventions');
  assert.ok(r.result.schemas.some((s) => s.name === 'scdl/budget'));
  assert.deepEqual(r.result.unmapped, ['type']);
  assert.ok(r.result.columnValues.nature?.length, 'few distinct values: offered to value maps');
});

test('any catalog schema and any version at hand can be the target; the version is kept in the recipe', async () => {
  const r = await proposeTask({ source: somme, schema: 'scdl/subventions@2.0.2' });
  assert.ok(r.ok);
  assert.deepEqual(r.result.schema, { name: 'scdl/subventions', version: '2.0.2' });
  assert.equal(r.result.spec.schema.version, '2.0.2');
  const sub = r.result.schemas.find((s) => s.name === 'scdl/subventions')!;
  assert.equal(sub.versions[0], sub.version, 'newest first');
  assert.ok(sub.versions.includes('2.0.2') && sub.versions.length > 3);
  assert.equal(r.result.schemas[0].name, 'scdl/subventions', 'the detected schema first');
  assert.ok(r.result.schemas.length > 50, 'the whole national catalog, not only the bundled nine');
  const other = await proposeTask({ source: somme, schema: 'etalab/schema-lieux-covoiturage@0.3.0' });
  assert.ok(other.ok);
  assert.deepEqual(other.result.schema, { name: 'etalab/schema-lieux-covoiturage', version: '0.3.0' });
  assert.ok(other.result.fields.some((f) => f.name === 'id_local'));
  const bad = await proposeTask({ source: somme, schema: 'scdl/subventions@9.9.9' });
  assert.ok(!bad.ok);
  assert.match(bad.problem.en, /no version 9\.9\.9 .*2\.0\.2/);
});

test('table operations are applied before the proposal', async () => {
  const src = join(dir, 'wide.csv');
  writeFileSync(src, 'Aides 2024;;\nBénéficiaire;Sport;Culture\nClub A;100;\nClub B;50;20\n');
  const r = await proposeTask({
    source: { path: src },
    schema: 'scdl/subventions',
    table: { headerRow: 2, unpivot: { columns: ['Sport', 'Culture'], name: 'Objet', value: 'Montant' } },
  });
  assert.ok(r.ok);
  assert.deepEqual(r.result.columns, ['Bénéficiaire', 'Objet', 'Montant']);
  assert.deepEqual(r.result.rawColumns, ['Bénéficiaire', 'Sport', 'Culture']);
  const by = Object.fromEntries(r.result.proposal.map((f) => [f.field, f.source]));
  assert.deepEqual([by.nomBeneficiaire, by.objet, by.montant], ['Bénéficiaire', 'Objet', 'Montant']);
  const p = await previewTask({ source: { path: src }, spec: r.result.spec, lang: 'en' });
  assert.ok(p.ok);
  assert.equal(p.result.checked, 3);
  assert.ok(p.result.counts.errors > 0, 'the granting body and the other required fields are missing');
  assert.ok(p.result.counts.byField.nomAttribuant >= 3);
});

test('a preview counts the schema problems of the mapped rows; a bad mapping is a problem, not a crash', async () => {
  const r = await proposeTask({ source: somme });
  assert.ok(r.ok);
  const p = await previewTask({ source: somme, spec: r.result.spec, rows: 5000, lang: 'fr' });
  assert.ok(p.ok);
  assert.equal(p.result.checked, 41);
  assert.equal(p.result.rows.length, 41);
  const bad = await previewTask({
    source: somme,
    spec: { schema: { name: 'scdl/subventions' }, fields: { montant: { column: 'Montant voté' } } },
    lang: 'fr',
  });
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.problem.fr : '', /pas de colonne « Montant voté »/);
  const out = join(dir, 'somme.csv');
  const w = await writeTask({ source: somme, spec: r.result.spec, out, lang: 'en' });
  assert.ok(w.ok && w.result.rows === 41 && existsSync(out));
  const again = await writeTask({ source: somme, spec: r.result.spec, out: somme.path, lang: 'en' });
  assert.equal(again.ok, false, 'never over the source');
});

test('the schema a real export is meant for is detected from the proposal and listed first', async () => {
  const aube = { path: join(FIXTURES, 'corpus', 'dsub_DEP_Aube_Donnees_essentielles_conventions_subvention.xlsx') };
  const r = await proposeTask({ source: aube });
  assert.ok(r.ok);
  assert.equal(r.result.detected, 'scdl/subventions');
  assert.equal(r.result.schemas[0].name, 'scdl/subventions');
  const g = await proposeTask({ source: { path: join(FIXTURES, 'corpus', 'gir_DEP33_Gironde_CA_2016_cedi.csv') } });
  assert.ok(g.ok);
  assert.deepEqual([g.result.detected, g.result.schemas[0].name, g.result.schema.name], ['scdl/budget', 'scdl/budget', 'scdl/budget']);
  assert.ok(
    g.result.schemas.every((s) => /^\d+\.\d+\.\d+$/.test(s.version)),
    'each schema with its version',
  );
});

test('stacking sheets of one workbook: each row says which sheet it came from', async () => {
  const book = join(FIXTURES, 'workspace', 'sheet-aube.xlsx');
  const table = { stack: { files: [{ path: 'sheet-aube.xlsx', sheet: 'Feuil1' }], column: 'Onglet' } };
  assert.deepEqual(
    sourcesOf(table, { path: book, sheet: 'Feuil1' }).map((s) => s.label),
    ['Feuil1', 'Feuil1'],
  );
  assert.deepEqual(
    sourcesOf({ stack: { files: [{ path: 'other.csv' }], column: 'Source' } }, { path: book, sheet: 'Feuil1' }).map((s) => s.label),
    ['sheet-aube.xlsx', 'other.csv'],
  );
  // The same sheet twice: twice the rows, the stack column in the proposal's columns.
  const r = await proposeTask({ source: { path: book, sheet: 'Feuil1' }, table });
  assert.ok(r.ok);
  assert.equal(r.result.columns.at(-1), 'Onglet');
  const p = await previewTask({
    source: { path: book, sheet: 'Feuil1' },
    spec: { ...r.result.spec, fields: { objet: { column: 'Onglet' } } },
    lang: 'en',
  });
  assert.ok(p.ok);
  assert.equal(p.result.checked, 14);
});

test('the granting body’s name and SIRET are prefilled from the project, the settings winning', async () => {
  const proj = mkdtempSync(join(tmpdir(), 'odw-stdorg-'));
  mkdirSync(join(proj, '.opendata'));
  writeFileSync(
    join(proj, '.opendata', 'project.json'),
    JSON.stringify({ version: 1, organisation: { name: 'Ville de Montpellier', siret: '213 401 722 01787' } }),
  );
  const src = join(proj, 'mtp-2013.csv');
  copyFileSync(join(FIXTURES, 'corpus', 'mtp_COM_Montpellier_AttribSub_2013.csv'), src);
  const r = await proposeTask({ source: { path: src }, schema: 'scdl/subventions' });
  assert.ok(r.ok);
  assert.deepEqual(r.result.spec.fields.nomAttribuant, { constant: 'Ville de Montpellier' });
  assert.deepEqual(r.result.spec.fields.idAttribuant, { constant: '21340172201787' });
  const by = Object.fromEntries(r.result.proposal.map((f) => [f.field, f]));
  assert.deepEqual([by.nomAttribuant.kind, by.nomAttribuant.reason], ['constant', 'project organisation']);
  // The VS Code settings (openData.organisation.*) come on top of the project file.
  const s = await proposeTask({
    source: { path: src },
    schema: 'scdl/subventions',
    organisation: { name: 'Montpellier Méditerranée Métropole' },
  });
  assert.ok(s.ok);
  assert.deepEqual(s.result.spec.fields.nomAttribuant, { constant: 'Montpellier Méditerranée Métropole' });
  assert.deepEqual(s.result.spec.fields.idAttribuant, { constant: '21340172201787' });
});
