import test from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers';
import { writeFileSync } from 'node:fs';
import { ods, odsRow, odsTable, sheet, tmpPath, xlsx } from './build';
import { rawXlsx } from './hostile-build';
import { lintSheet, rule, where } from './read-helpers';

const table = (n: number, make: (i: number) => unknown[]) => Array.from({ length: n }, (_, i) => make(i + 1));

test('CSV rules apply to sheets, located as Sheet!C12', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'Data', [
      ['nom', 'ville', 'ville'],
      ['ASSIANA ', 'Paris', 'x'],
      [null, null, null],
      ['B', 'Lyon', 'y'],
    ]),
  );
  const ds = await lintSheet(path);
  assert.deepEqual(rule(ds, 'cell-whitespace').map(where), ['Data!A2']);
  assert.deepEqual(rule(ds, 'duplicate-label').map(where), ['Data!C1']);
  // Row 3 is not stored in the file at all: the gap is a blank row all the same.
  assert.deepEqual(rule(ds, 'blank-row').map(where), ['Data!A3']);
  assert.equal(rule(ds, 'missing-cell').length, 0, 'trailing empty cells are not missing cells');
});

test('sheet rules stay silent on CSV', () => {
  const ds = lint('Titre;;\nnom;montant;date\nA;1;2017-01-01\n\nnom;montant;date\n');
  assert.deepEqual(
    ds.filter((d) => d.rule.startsWith('sheet-')),
    [],
  );
});

test('sheet-header-row: a merged title block above the header; the table is linted from the header', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'S', [['Subventions 2017'], ['nom', 'montant', 'date'], ['A', 10, '2017-01-01'], ['B', 20, '2017-02-01']]);
    ws.mergeCells('A1:C1');
  });
  const ds = await lintSheet(path);
  const h = rule(ds, 'sheet-header-row');
  assert.deepEqual(h.map(where), ['S!A1']);
  assert.match(h[0].message, /table is read from row 2/);
  assert.deepEqual(
    rule(ds, 'sheet-merged-cells').map((d) => d.message),
    ['Merged cells A1:C1 in the title block above the header: delete the title rows.'],
  );
  assert.equal(rule(ds, 'header-not-first-row').length + rule(ds, 'blank-label').length, 0);
});

test('sheet-header-row: a header stacked over two rows, labels joined', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'S', [
      ['nom', 'montant', null],
      [null, '2013', '2014'],
      ['A', 10, 11],
      ['B', 20, 21],
    ]),
  );
  const ds = await lintSheet(path);
  const h = rule(ds, 'sheet-header-row');
  assert.equal(h.length, 1);
  assert.match(h[0].message, /spans rows 1–2.*“montant 2013”/);
  assert.equal(rule(ds, 'blank-label').length, 0, 'column C is named “montant 2014”');
});

test('sheet-header-row: no header row (the first row is data)', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'S', [
      [5400, 'AK SPORT', 11500],
      [2055, 'AIKIDO', 500],
    ]),
  );
  const h = rule(await lintSheet(path), 'sheet-header-row');
  assert.deepEqual(h.map(where), ['S!A1']);
  assert.match(h[0].message, /Row 1 holds data \(“5400, AK SPORT, 11500”\)/);
});

test('sheet-merged-cells: a category merged down the rows (ODS), one report at its first cell', async () => {
  const rows =
    odsRow(['nom', 'theme']) +
    odsRow([
      'A',
      '<table:table-cell office:value-type="string" table:number-rows-spanned="3"><text:p>CULTURE</text:p></table:table-cell>',
    ]) +
    odsRow(['B', '<table:covered-table-cell/>']) +
    odsRow(['C', '<table:covered-table-cell/>']);
  const ds = rule(await lintSheet(await ods(odsTable('S', rows))), 'sheet-merged-cells');
  assert.deepEqual(ds.map(where), ['S!B2']);
  assert.match(ds[0].message, /B2:B4: only B2 holds the value; the other 2 cells/);
});

test('sheet-formula: one info per computed column, a warning per formula without a saved result', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'F', [
      ['a', 'b', 'total', 'late'],
      [1, 2, null, null],
      [3, 4, null, null],
    ]);
    ws.getCell('C2').value = { formula: 'A2+B2', result: 3 } as never;
    ws.getCell('C3').value = { formula: 'A3+B3', result: 7 } as never;
    ws.getCell('D3').value = { formula: 'A3*2' } as never;
  });
  const ds = rule(await lintSheet(path), 'sheet-formula');
  assert.deepEqual(
    ds.map((d) => [where(d), d.severity]),
    [
      ['F!C2', 'info'],
      ['F!D3', 'warning'],
    ],
  );
  assert.match(ds[0].message, /“total” is computed by 2 formula\(s\) \(e\.g\. =A2\+B2\)/);
  assert.match(ds[1].message, /=A3\*2 has no saved result/);
});

test('sheet-formula-error: error results and error values', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'E', [
      ['a', 'b'],
      [1, null],
      [{ error: '#N/A' }, 2],
    ]);
    ws.getCell('B2').value = { formula: 'A2/0', result: { error: '#DIV/0!' } } as never;
  });
  const ds = rule(await lintSheet(path), 'sheet-formula-error');
  assert.deepEqual(ds.map(where), ['E!B2', 'E!A3']);
  assert.match(ds[0].message, /#DIV\/0!.*formula =A2\/0/);
});

test('sheet-hidden-data: hidden sheet, hidden rows (one report per run) and hidden columns with data', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'V', [
      ['a', 'b', 'c'],
      [1, 'x', null],
      [2, 'y', null],
      [3, 'z', null],
      [4, 'w', null],
    ]);
    ws.getRow(3).hidden = true;
    ws.getRow(4).hidden = true;
    ws.getColumn(2).hidden = true;
    ws.getColumn(3).hidden = true;
    sheet(
      wb,
      'H',
      [
        ['k', 'v'],
        ['a', 1],
        ['b', 2],
      ],
      { state: 'hidden' },
    );
  });
  const ds = rule(await lintSheet(path), 'sheet-hidden-data');
  assert.deepEqual(ds.map(where), ['V!B1', 'V!A3', 'H!A1']);
  assert.match(ds[0].message, /Column B \(“b”\) is hidden/);
  assert.match(ds[1].message, /Row\(s\) 3–4 are hidden/);
  assert.match(ds[2].message, /Sheet “H” is hidden/);
});

test('sheet-number-as-text: text numbers among real numbers, not identifiers or leading zeros', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'N', [
      ['montant', 'idBeneficiaire', 'code'],
      [1500, 12345678901234, '01000'],
      ['2500', '22100005200011', '75001'],
      [300, 3, 69000],
    ]),
  );
  const ds = rule(await lintSheet(path), 'sheet-number-as-text');
  assert.deepEqual(ds.map(where), ['N!A3']);
  assert.match(ds[0].message, /“2500” is stored as text in column “montant”/);
});

test('sheet-date-storage: real dates mixed with text dates; dates stored as bare numbers', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'D', [
      ['dateConvention', 'dateVersement'],
      [new Date(Date.UTC(2017, 5, 27)), 43055],
      ['2017-04-18', 43042],
      [new Date(Date.UTC(2017, 0, 13)), 43100],
    ]);
    ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    ws.getCell('A4').numFmt = 'dd/mm/yyyy';
  });
  const ds = rule(await lintSheet(path), 'sheet-date-storage');
  assert.deepEqual(ds.map(where), ['D!B2', 'D!A3']);
  assert.match(ds[0].message, /3 date\(s\) as plain numbers \(e\.g\. 43055 = 2017-11-16\)/);
  assert.match(ds[1].message, /mixes 2 real dates, 1 dates typed as text/);
});

test('sheet-date-storage: text dates written several ways in a date column', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'D', [
      ['nom', 'date de réalisation'],
      ['A', '01/02/2014'],
      ['B', '2014'],
      ['C', 'MAI 2014'],
      ['D', '03/04/2014'],
    ]),
  );
  const ds = rule(await lintSheet(path), 'sheet-date-storage');
  assert.deepEqual(ds.map(where), ['D!B2']);
  assert.match(ds[0].message, /as text in 3 ways \(2 DD\/MM\/YYYY, 1 year only, 1 other text, e\.g\. “MAI 2014”\)/);
});

test('sheet-several-tables: a repeated header, or a text row over number columns, after blank rows', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'T', [
      ['nom', 'montant'],
      ['A', 1],
      ['B', 2],
      ['C', 3],
      [null, null],
      ['nom', 'montant'],
      ['D', 4],
      [null, null],
      ['Commune', 'Population'],
      ['Laval', 5],
    ]),
  );
  const ds = rule(await lintSheet(path), 'sheet-several-tables');
  assert.deepEqual(ds.map(where), ['T!A6', 'T!A9']);
  assert.match(ds[0].message, /header is repeated/);
  assert.match(ds[1].message, /looks like a header/);
});

test('sheet-colour-meaning: a few highlighted rows are reported, banding is not', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'C', [['nom', 'montant'], ...table(10, (i) => [`n${i}`, i])]);
    for (const r of [4, 8]) ws.getCell(`A${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    for (let r = 2; r <= 11; r += 2) ws.getCell(`B${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDDDDD' } };
  });
  const ds = rule(await lintSheet(path), 'sheet-colour-meaning');
  assert.deepEqual(ds.map(where), ['C!A4']);
  assert.match(ds[0].message, /2 cell\(s\) coloured #FFFF00 in rows 4, 8/);
});

test('sheet-subtotal-row: SUM rows inside the table; a last “Total” row is left to totals-row', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'S', [
      ['nom', 'montant'],
      ['A', 1],
      ['B', 2],
      ['Sous-total culture', null],
      ['C', 3],
      ['Total', null],
    ]);
    ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 3 } as never;
    ws.getCell('B6').value = { formula: 'SUM(B2:B5)', result: 9 } as never;
  });
  const ds = await lintSheet(path);
  assert.deepEqual(rule(ds, 'sheet-subtotal-row').map(where), ['S!A4']);
  assert.deepEqual(rule(ds, 'totals-row').map(where), ['S!A6']);
});

test('sheet-empty and sheet-several-sheets: workbook-level findings', async () => {
  const path = await xlsx((wb) => {
    sheet(wb, 'Data', [
      ['a', 'b'],
      [1, 2],
      [3, 4],
    ]);
    sheet(wb, 'Feuil2', []);
    sheet(wb, 'Notes', [
      [null, null],
      [null, 'vérifier avec la DGFiP'],
    ]);
    sheet(wb, 'Synthese', [
      ['theme', 'total'],
      ['culture', 3],
    ]);
  });
  const ds = await lintSheet(path);
  assert.deepEqual(
    rule(ds, 'sheet-empty').map((d) => [where(d), d.message]),
    [
      ['Feuil2!A1', 'Sheet “Feuil2” is empty: delete it.'],
      ['Notes!A2', 'Sheet “Notes” holds only 1 scattered cell(s), not a table: a scratch sheet to delete?'],
    ],
  );
  const several = rule(ds, 'sheet-several-sheets');
  assert.equal(several.length, 1);
  assert.match(several[0].message, /2 tables \(Data, Synthese\)/);
});

test('lang fr and per-rule settings apply to sheet diagnostics', async () => {
  const path = await xlsx((wb) => {
    sheet(wb, 'Data', [
      ['a', 'b'],
      [1, 2],
      [3, 4],
    ]);
    sheet(wb, 'Vide', []);
  });
  const fr = rule(await lintSheet(path, { lang: 'fr' }), 'sheet-empty');
  assert.equal(fr[0].message, 'La feuille « Vide » est vide : supprimez-la.');
  assert.equal(rule(await lintSheet(path, { rules: { 'sheet-empty': 'off' } }), 'sheet-empty').length, 0);
  assert.equal(rule(await lintSheet(path, { rules: { 'sheet-empty': 'error' } }), 'sheet-empty')[0].severity, 'error');
});

test('multiline-cell: a line break in a text cell among number and boolean cells', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'S', [
      ['id', 'objet', 'montant', 'verse'],
      [1, 'Fête', 10.5, true],
      [2, 'Fête\ndu quartier', 20, false],
      [3, 'Bal', 30, true],
    ]),
  );
  assert.deepEqual(rule(await lintSheet(path), 'multiline-cell').map(where), ['S!B3']);
});

test('a sheet row is searched once for line breaks, CRs and @: each rule finds its cells', async () => {
  const path = await xlsx((wb) =>
    sheet(wb, 'S', [
      ['id', 'objet', 'contact', 'montant'],
      [1, 'Fête', 'accueil', 10.5],
      [2, 'Fête\rdu quartier', 'lea.bernard@example.fr', 20],
      [3, 'Bal', 'jean.dupont@example.fr', 30],
      [4, 'Repas\r\nannuel', 'marie.durand@example.fr', 40],
    ]),
  );
  const report = await lintSheet(path);
  assert.deepEqual(rule(report, 'multiline-cell').map(where), ['S!B3', 'S!B5']);
  assert.deepEqual(rule(report, 'personal-data').map(where), ['S!C3', 'S!C4', 'S!C5']);
});

test('a repeated shared string is judged once, yet every cell of it is found, as an inline string of the same text is', async () => {
  // Shared strings 0–3; rows 2–6 and 8 repeat them, row 7 writes the text of 1 and 2 inline.
  const sst = ['nom', 'Fête\ndu quartier', 'n/a', 'montant'].map((t) => `<si><t>${t}</t></si>`).join('');
  const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const inline = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
  const rows = [
    `<row r="1">${s('A1', 0)}${s('B1', 3)}</row>`,
    ...[2, 3, 4, 5, 6].map((r) => `<row r="${r}">${s(`A${r}`, 1)}${r === 6 ? s(`B${r}`, 2) : num(`B${r}`, r * 10)}</row>`),
    `<row r="7">${inline('A7', 'Fête\ndu quartier')}${inline('B7', 'n/a')}</row>`,
    `<row r="8">${s('A8', 1)}${s('B8', 2)}</row>`,
  ];
  const path = tmpPath('.xlsx');
  writeFileSync(path, await rawXlsx(`<sheetData>${rows.join('')}</sheetData>`, sst));
  const report = await lintSheet(path);
  assert.deepEqual(rule(report, 'multiline-cell').map(where), ['S!A2', 'S!A3', 'S!A4', 'S!A5', 'S!A6', 'S!A7', 'S!A8']);
  // Rows 6, 7 and 8 hold the same texts, through the shared strings or inline.
  assert.deepEqual(
    rule(report, 'duplicate-row').map((d) => [where(d), d.message]),
    [
      ['S!A7', 'Row is identical to row 6.'],
      ['S!A8', 'Row is identical to row 6.'],
    ],
  );
  // Amounts: 4 numbers and 3 texts ("n/a" shared, inline, shared again), each counted.
  const mixed = rule(report, 'inconsistent-values');
  assert.equal(mixed.length, 1);
  assert.match(mixed[0].message, /4 numbers .*3 texts/);
});
