import test from 'node:test';
import assert from 'node:assert/strict';
import { ods, odsRow, odsTable, sheet, xlsx } from './build';
import { readAll } from './read-helpers';
import { lintFile } from '../../../src/core/lint-file';

test('xlsx: typed values become display text (ISO dates, plain numbers, true/false, errors)', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'Data', [
      ['text', 'int', 'float', 'noise', 'date', 'datetime', 'bool', 'error'],
      ['a', 42, 1234.5, 0.1 + 0.2, new Date(Date.UTC(2017, 10, 16)), new Date(Date.UTC(2017, 10, 16, 13, 30)), true, { error: '#REF!' }],
    ]);
    ws.getCell('E2').numFmt = 'dd/mm/yyyy';
    ws.getCell('F2').numFmt = 'dd/mm/yyyy hh:mm';
  });
  const [s] = await readAll(path);
  assert.deepEqual(s.rows[1].values, ['a', '42', '1234.5', '0.3', '2017-11-16', '2017-11-16T13:30:00', 'true', '#REF!']);
  assert.deepEqual(
    s.rows[1].cells.map((c) => c?.type),
    ['string', 'number', 'number', 'number', 'date', 'date', 'boolean', 'error'],
  );
  assert.equal(s.rows[1].cells[4]?.numFmt, 'dd/mm/yyyy');
});

test('xlsx: formulas keep their result, shared and missing results are told apart', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'F', [
      ['a', 'b', 'sum', 'ratio', 'late'],
      [1, 2, null, null, null],
    ]);
    ws.getCell('C2').value = { formula: 'A2+B2', result: 3 } as never;
    ws.getCell('D2').value = { formula: 'A2/0', result: { error: '#DIV/0!' } } as never;
    ws.getCell('E2').value = { formula: 'A2*2' } as never;
  });
  const [s] = await readAll(path);
  const [, , sum, ratio, late] = s.rows[1].cells;
  assert.deepEqual([sum?.type, sum?.formula, s.rows[1].values[2]], ['formula', 'A2+B2', '3']);
  assert.deepEqual([ratio?.type, ratio?.formula, s.rows[1].values[3]], ['error', 'A2/0', '#DIV/0!']);
  assert.deepEqual([late?.type, late?.formula, s.rows[1].values[4]], ['empty', 'A2*2', '']);
});

test('xlsx: merges, hidden rows, hidden columns, sheet state and fills are reported', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'Visible', [['Title'], ['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]]);
    ws.mergeCells('A1:C1');
    ws.getRow(3).hidden = true;
    ws.getColumn(2).hidden = true;
    ws.getCell('A4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    sheet(wb, 'Secret', [['x']], { state: 'hidden' });
  });
  const [v, h] = await readAll(path);
  assert.deepEqual(v.end!.merges, [{ top: 1, left: 1, bottom: 1, right: 3 }]);
  assert.deepEqual(v.end!.hiddenColumns, [2]);
  assert.deepEqual(
    v.rows.map((r) => r.hidden),
    [false, false, true, false],
  );
  assert.equal(v.rows[3].cells[0]?.fill, 'FFFFFF00');
  assert.equal(h.meta.state, 'hidden');
});

test('xlsx: rich text and control-character escapes are plain text', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'R', [['h'], [null]]);
    ws.getCell('A2').value = { richText: [{ text: 'Bon' }, { font: { bold: true }, text: 'jour' }] };
  });
  const [s] = await readAll(path);
  assert.equal(s.rows[1].values[0], 'Bonjour');
});

test('ods: value types, spaces, line breaks and comments', async () => {
  const cells = [
    '<table:table-cell office:value-type="date" office:date-value="2014-01-31"><text:p>31/01/2014</text:p></table:table-cell>',
    '<table:table-cell office:value-type="percentage" office:value="0.15"><text:p>15 %</text:p></table:table-cell>',
    '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>',
    '<table:table-cell office:value-type="time" office:time-value="PT13H30M00S"><text:p>13:30</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b</text:p><text:p>c<text:line-break/>d</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>',
    '<table:table-cell office:value-type="currency" office:value="1000.5"><text:p>1 000,50 €</text:p></table:table-cell>',
  ];
  const path = await ods(odsTable('S', odsRow(['d', 'p', 'b', 't', 's', 'c']) + odsRow(cells)));
  const [s] = await readAll(path);
  assert.deepEqual(s.rows[1].values, ['2014-01-31', '0.15', 'true', '13:30:00', 'a  b\nc\nd', '1000.5']);
  assert.deepEqual(
    s.rows[1].cells.map((c) => c?.type),
    ['date', 'number', 'boolean', 'date', 'string', 'number'],
  );
});

test('ods: repeated rows and cells are expanded only when they hold something', async () => {
  const rows =
    odsRow(['a', 'b']) +
    odsRow(
      [
        '<table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="2"><text:p>7</text:p></table:table-cell>',
      ],
      'table:number-rows-repeated="2"',
    ) +
    odsRow(['<table:table-cell table:number-columns-repeated="1024"/>'], 'table:number-rows-repeated="1048570"');
  const path = await ods(odsTable('S', rows));
  const [s] = await readAll(path);
  assert.deepEqual(
    s.rows.map((r) => [r.number, r.values]),
    [
      [1, ['a', 'b']],
      [2, ['7', '7']],
      [3, ['7', '7']],
    ],
  );
});

test('ods: merged ranges, covered cells, hidden sheet, row, column, errors and formulas', async () => {
  const styles =
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>' +
    '<style:style style:name="ce1" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffff00"/></style:style>';
  const rows =
    '<table:table-column/><table:table-column table:visibility="collapse"/>' +
    odsRow([
      '<table:table-cell office:value-type="string" table:number-columns-spanned="2" table:number-rows-spanned="1"><text:p>Titre</text:p></table:table-cell>',
      '<table:covered-table-cell/>',
    ]) +
    odsRow(
      ['<table:table-cell table:style-name="ce1" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>', 2],
      'table:visibility="collapse"',
    ) +
    odsRow([
      '<table:table-cell table:formula="of:=[.A2]/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
      '<table:table-cell table:formula="of:=SUM([.A2:.B2])" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>',
    ]);
  const path = await ods(odsTable('Shown', rows) + odsTable('Hidden', odsRow(['x']), 'table:style-name="ta2"'), styles);
  const [s, h] = await readAll(path);
  assert.deepEqual(s.end!.merges, [{ top: 1, left: 1, bottom: 1, right: 2 }]);
  assert.equal(s.rows[0].cells[1]?.mergedInto, 'A1');
  assert.deepEqual(s.end!.hiddenColumns, [2]);
  assert.deepEqual(
    s.rows.map((r) => r.hidden),
    [false, true, false],
  );
  assert.equal(s.rows[1].cells[0]?.fill, '#FFFF00');
  assert.deepEqual([s.rows[2].values[0], s.rows[2].cells[0]?.type, s.rows[2].cells[0]?.formula], ['#DIV/0!', 'error', 'A2/0']);
  assert.deepEqual([s.rows[2].values[1], s.rows[2].cells[1]?.type, s.rows[2].cells[1]?.formula], ['3', 'formula', 'SUM(A2:B2)']);
  assert.equal(h.meta.state, 'hidden');
});

test('grid data: one sheet read whole, rows by physical number, type codes, header and merges', async () => {
  const { readGrid } = await import('../../../src/core/sheet/grid-data');
  const path = await xlsx((wb) => {
    sheet(wb, 'Hidden', [['x']], { state: 'hidden' });
    const ws = sheet(wb, 'Data', [['Titre'], ['nom', 'montant'], ['A', 1.5], [null, null], ['B', { formula: '1+1', result: 2 }]]);
    ws.mergeCells('A1:B1');
  });
  const g = await readGrid(path);
  assert.equal(g.sheet, 'Data');
  assert.deepEqual(g.sheets, [
    { name: 'Hidden', state: 'hidden' },
    { name: 'Data', state: 'visible' },
  ]);
  assert.deepEqual(g.rows, [['Titre'], ['nom', 'montant'], ['A', '1.5'], null, ['B', '2']]);
  assert.deepEqual(g.kinds, ['s', 'ss', 'sn', null, 'sf']);
  assert.deepEqual([g.headerRows, g.above, g.merges.length, g.width], [[2], [1], 1, 2]);
  assert.equal((await readGrid(path, { sheet: 'Hidden' })).rows[0]![0], 'x');
});

test('a long workbook read reports its progress (inflated bytes of the declared total)', async () => {
  const rows = Array.from({ length: 40000 }, (_, i) => [`Bénéficiaire numéro ${i}`, i * 3, `Objet de la subvention ${i}`, '2024-01-01']);
  const path = await xlsx((wb) => sheet(wb, 'Feuil1', [['nom', 'montant', 'objet', 'date'], ...rows]));
  const seen: [number, number][] = [];
  const report = await lintFile(path, { onProgress: (done, total) => seen.push([done, total]) });
  assert.equal(report.rows, 40000);
  assert.ok(seen.length >= 2, `progress reported ${seen.length} times`);
  assert.ok(
    seen.every(([d, t], i) => d <= t && (i === 0 || d > seen[i - 1][0])),
    'increasing, within the total',
  );
});
