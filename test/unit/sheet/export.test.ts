import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { lintCsvText } from '../../../src/core/lint-csv';
import { exportSheetCsv, freeCsvPath } from '../../../src/core/sheet/export-csv';
import { listSheets, peekHeader } from '../../../src/core/sheet/peek';
import { ods, odsRow, odsTable, sheet, tmpPath, xlsx } from './build';

async function messyWorkbook(): Promise<string> {
  return xlsx((wb) => {
    const ws = sheet(wb, 'Subventions', [
      ['Subventions 2017 — Département'],
      ['nom', 'thème', 'montant', 'date', 'total TTC', 'note'],
      ['Asso, "A"', 'CULTURE', 1234.5, new Date(Date.UTC(2017, 0, 30)), null, 'ligne 1\nligne 2'],
      ['Asso B', null, 0.1 + 0.2, new Date(Date.UTC(2017, 1, 1)), null, null],
      ['Asso C', 'SPORT', 1000, new Date(Date.UTC(2017, 11, 31)), null, null],
    ]);
    ws.mergeCells('A1:F1');
    ws.mergeCells('B3:B4');
    for (const r of [3, 4, 5]) {
      ws.getCell(`D${r}`).numFmt = 'dd/mm/yyyy';
      ws.getCell(`E${r}`).value = { formula: `C${r}*1.2`, result: [1481.4, 0.36, 1200][r - 3] } as never;
    }
    ws.getCell('E5').value = { formula: 'C5/0', result: { error: '#DIV/0!' } } as never;
    sheet(wb, 'Vide', []);
  });
}

test('export: ISO dates, decimal points, formula values, merged title dropped, merged cells filled', async () => {
  const src = await messyWorkbook();
  const dest = freeCsvPath(src, 'Subventions');
  assert.match(dest, /-Subventions\.csv$/);
  const r = await exportSheetCsv(src, dest, { sheet: 'Subventions' });
  assert.deepEqual([r.headerRows, r.dropped, r.rows, r.filledMerges, r.errors], [[2], [1], 3, 1, 1]);
  assert.equal(
    readFileSync(dest, 'utf8'),
    'nom,thème,montant,date,total TTC,note\n' +
      '"Asso, ""A""",CULTURE,1234.5,2017-01-30,1481.4,"ligne 1\nligne 2"\n' +
      'Asso B,CULTURE,0.3,2017-02-01,0.36,\n' +
      'Asso C,SPORT,1000,2017-12-31,,\n',
  );
});

test('export round trip: the CSV lints clean of every spreadsheet artefact', async () => {
  const src = await messyWorkbook();
  const dest = freeCsvPath(src, null);
  await exportSheetCsv(src, dest, { sheet: 'Subventions' });
  const res = lintCsvText(readFileSync(dest, 'utf8'));
  const rules = new Set(res.diagnostics.map((d) => d.rule));
  for (const r of [
    'header-not-first-row',
    'blank-label',
    'date-format',
    'number-format',
    'missing-cell',
    'extra-cell',
    'encoding',
    'line-endings',
  ])
    assert.ok(
      !rules.has(r),
      `${r}: ${res.diagnostics
        .filter((d) => d.rule === r)
        .map((d) => d.message)
        .join('; ')}`,
    );
  assert.equal(res.info.delimiter, ',');
  assert.deepEqual(res.info.header, ['nom', 'thème', 'montant', 'date', 'total TTC', 'note']);
});

test('export never overwrites: the free name moves on, and an existing file is refused', async () => {
  const src = await messyWorkbook();
  const first = freeCsvPath(src, null);
  writeFileSync(first, 'keep me');
  const second = freeCsvPath(src, null);
  assert.match(second, /-2\.csv$/);
  await assert.rejects(exportSheetCsv(src, first, { sheet: 'Subventions' }), /EEXIST/);
  assert.equal(readFileSync(first, 'utf8'), 'keep me');
});

test('export with a header row picked by the user, and a stacked header joined', async () => {
  const src = await xlsx((wb) => sheet(wb, 'S', [['Notes'], ['nom', 'montant', null], [null, '2013', '2014'], ['A', 10, 11]]));
  const guess = await peekHeader(src, 'S');
  assert.equal(guess.ambiguous, true);
  assert.deepEqual(guess.rows, [2, 3]);
  assert.deepEqual(
    guess.candidates.map((c) => c.row),
    [1, 2, 3, 4],
  );
  const auto = tmpPath('.csv');
  await exportSheetCsv(src, auto, { sheet: 'S' });
  assert.equal(readFileSync(auto, 'utf8'), 'nom,montant 2013,montant 2014\nA,10,11\n');
  const picked = tmpPath('.csv');
  await exportSheetCsv(src, picked, { sheet: 'S', headerRow: 3 });
  assert.equal(readFileSync(picked, 'utf8'), ',2013,2014\nA,10,11\n');
});

test('export an ODS sheet; list sheets', async () => {
  const src = await ods(
    odsTable('Données', odsRow(['commune', 'population']) + odsRow(['Laval', 49728])) + odsTable('Autre', odsRow(['x'])),
  );
  assert.deepEqual(
    (await listSheets(src)).map((s) => s.name),
    ['Données', 'Autre'],
  );
  const dest = tmpPath('.csv');
  const r = await exportSheetCsv(src, dest, { sheet: 'Données' });
  assert.equal(r.rows, 1);
  assert.equal(readFileSync(dest, 'utf8'), 'commune,population\nLaval,49728\n');
});
