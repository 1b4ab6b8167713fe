// The real spreadsheets of test/fixtures/corpus lint without exception, and the defects
// their MANIFEST.json notes are found; frictionless's issue-312.xlsx matches its expected result.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile } from '../../../src/core/lint-file';
import type { FileReport } from '../../../src/core/model';
import { FIXTURES } from '../helpers';
import { readAll } from './read-helpers';
import { rule, where } from './read-helpers';

const corpus = (f: string) => join(FIXTURES, 'corpus', f);
const lintOf = (f: string): Promise<FileReport> => lintFile(corpus(f), { maxProblems: 100000, schema: null });

test('every corpus spreadsheet lints without exception', async () => {
  const manifest = JSON.parse(readFileSync(corpus('MANIFEST.json'), 'utf8')) as {
    files: { file: string; format: string; data_rows: number }[];
  };
  const sheets = manifest.files.filter((f) => f.format === 'xlsx' || f.format === 'ods');
  assert.equal(sheets.length, 4);
  for (const f of sheets) {
    const r = await lintOf(f.file);
    assert.equal(r.fatal, undefined, f.file);
    assert.ok(r.rows >= f.data_rows, `${f.file}: ${r.rows} rows`);
    for (const d of r.diagnostics) assert.ok(d.sheet && d.cell, `${f.file}: ${d.rule} has a Sheet!cell location`);
  }
});

test('Aube: merged banner above the header, header found on row 2, serial dates read as ISO, empty sheets', async () => {
  const f = 'dsub_DEP_Aube_Donnees_essentielles_conventions_subvention.xlsx';
  const r = await lintOf(f);
  assert.deepEqual(r.sheets, ['Feuil1', 'Feuil2', 'Feuil3']);
  assert.deepEqual(rule(r.diagnostics, 'sheet-header-row').map(where), ['Feuil1!A1']);
  assert.deepEqual(rule(r.diagnostics, 'sheet-merged-cells').map(where), ['Feuil1!A1', 'Feuil1!E1', 'Feuil1!G1']);
  assert.deepEqual(rule(r.diagnostics, 'sheet-empty').map(where), ['Feuil2!A1', 'Feuil3!A1']);
  assert.equal(rule(r.diagnostics, 'blank-label').length, 0, 'linted relative to the real header');
  // The MANIFEST's “43055” serials carry a date format: they are real dates, read as ISO.
  const [s] = await readAll(corpus(f));
  assert.deepEqual(
    s.rows.slice(2, 5).map((row) => row.values[2]),
    ['2017-11-16', '2017-11-16', '2017-11-03'],
  );
  assert.equal(rule(r.diagnostics, 'date-format').filter((d) => d.column === 3).length, 0);
});

test('Mayenne: dateConvention mixes real dates and ISO text (MANIFEST: 103 vs 52)', async () => {
  const r = await lintOf('hack_DEP53_Mayenne_subventions_2018.xlsx');
  const d = rule(r.diagnostics, 'sheet-date-storage').find((x) => x.field === 'dateConvention');
  assert.ok(d);
  assert.match(d.message, /mixes 103 real dates, 52 dates typed as text/);
  assert.ok(rule(r.diagnostics, 'cell-whitespace').length >= 100, 'MANIFEST: 104 padded cells');
});

test('Montpellier 2014 ODS: 14 merged ranges, 26 blank rows, mixed date formats, stacked tables, 4 sheets', async () => {
  const r = await lintOf('mtp_COM_Montpellier_AttribSub_2014.ods');
  const main = (id: string) => rule(r.diagnostics, id).filter((d) => d.sheet === 'Subventions');
  assert.equal(main('sheet-merged-cells').length, 14);
  assert.equal(main('blank-row').length, 26);
  assert.ok(main('sheet-several-tables').length > 0);
  assert.ok(main('sheet-subtotal-row').length > 0);
  const dates = main('sheet-date-storage').filter((d) => d.field === 'Date de réalisation du projet');
  assert.equal(dates.length, 1);
  assert.match(dates[0].message, /105 DD\/MM\/YYYY, 55 year only, 2 DD\/MM\/YY/);
  assert.match(rule(r.diagnostics, 'sheet-several-sheets')[0].message, /4 tables/);
});

test('asso fixture: two sheets, blank rows 5 and 6 of Sheet1, three empty columns', async () => {
  const r = await lintOf('asso_SCDL_WITH_EXERCICE_ALT_fixture.xlsx');
  const s1 = (id: string) => rule(r.diagnostics, id).filter((d) => d.sheet === 'Sheet1');
  assert.deepEqual(
    s1('blank-row').map((d) => d.row),
    [5, 6],
  );
  const empty = s1('empty-column').map((d) => d.field);
  for (const f of ['Financeur principal', 'Date de début du projet', 'Date de fin du projet']) assert.ok(empty.includes(f), f);
});

test('frictionless issue-312.xlsx: blank labels 3 and 5, duplicate label 4, blank row 5', async () => {
  const r = await lintFile(join(FIXTURES, 'frictionless', 'data', 'issue-312.xlsx'), { schema: null });
  const errors = r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.rule}@${d.rule === 'blank-row' ? d.row : '-'}:${d.rule === 'blank-row' ? '-' : d.column}`);
  assert.deepEqual(errors.sort(), ['blank-label@-:3', 'blank-label@-:5', 'blank-row@5:-', 'duplicate-label@-:4']);
});
