// The first look at a large workbook (#24): the head lint stops after the rows asked and gives
// the whole lint's verdicts on them; the grid's first screen is the whole read's first rows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ods, odsRow, odsTable, sheet, xlsx } from './build';
import { lintFile } from '../../../src/core/lint-file';
import { readGrid } from '../../../src/core/sheet/grid-data';
import { sheetHeadDiagnostics } from '../../../src/core/sheet/head-lint';
import type { SheetLintOptions } from '../../../src/core/sheet/lint-sheet';
import type { Diagnostic } from '../../../src/core/model';

const ROWS = 30000;
/** A title row, a header, then rows where every 1000th town has a trailing space and the last row repeats the first. */
const table = () => {
  const rows: (string | number)[][] = [['Subventions 2024'], ['nom', 'montant', 'commune']];
  for (let i = 1; i <= ROWS; i++) rows.push([`Association ${i}`, i * 10, i % 1000 === 0 ? 'Laval ' : 'Laval']);
  rows.push(rows[2]);
  return rows;
};
const key = (d: Diagnostic) => `${d.rule} ${d.sheet}!${d.cell} ${d.message}`;

for (const format of ['xlsx', 'ods'] as const) {
  test(`${format}: the head lint reads the rows asked and gives the whole lint's problems on them`, async () => {
    const rows = table();
    const path =
      format === 'xlsx'
        ? await xlsx(
            (wb) => (
              sheet(wb, 'Données', rows),
              sheet(wb, 'Autre', [
                ['a', 'b'],
                [1, 2],
                [3, 4],
              ])
            ),
          )
        : await ods(odsTable('Données', rows.map((r) => odsRow(r)).join('')) + odsTable('Autre', odsRow(['a', 'b']) + odsRow([1, 2])));
    const whole = await lintFile(path, { maxProblems: 10000 });
    const options: SheetLintOptions = { maxProblems: 10000, headRows: 5000 };
    const head = await lintFile(path, options);
    assert.equal(head.rows, 5000);
    assert.equal(whole.rows, ROWS + 1 + (format === 'xlsx' ? 2 : 1)); // and the other sheet's rows
    const shown = sheetHeadDiagnostics(head);
    const spaces = shown.filter((d) => d.rule === 'cell-whitespace').map((d) => d.row);
    assert.deepEqual(spaces, [1002, 2002, 3002, 4002, 5002]);
    // What the head shows, the whole lint says too (the head's rows are physical rows 3–5002).
    const all = new Set(whole.diagnostics.map(key));
    for (const d of shown) assert.ok(all.has(key(d)), key(d));
    assert.ok(!shown.some((d) => d.rule === 'sheet-several-sheets' || d.rule === 'duplicate-row'));
    assert.ok(whole.diagnostics.some((d) => d.rule === 'duplicate-row'));
    assert.ok(whole.diagnostics.some((d) => d.rule === 'cell-whitespace' && d.row === 30002));
  });
}

test('the grid first screen is the whole sheet read up to its first rows, and stops there', async () => {
  const rows = table();
  const path = await xlsx((wb) => sheet(wb, 'Données', rows));
  const whole = await readGrid(path);
  const first = await readGrid(path, { maxRows: 2000 });
  assert.equal(first.truncated, true);
  assert.equal(first.rows.length, 2000);
  assert.deepEqual(first.rows, whole.rows.slice(0, 2000));
  assert.deepEqual(first.kinds, whole.kinds.slice(0, 2000));
  assert.deepEqual([first.headerRows, first.sheet], [whole.headerRows, whole.sheet]);
  assert.equal(whole.truncated, false);
  assert.equal(whole.rows.length, ROWS + 3);
});

test('a cancelled head lint is a cancellation, not a short report', async () => {
  const path = await xlsx((wb) => sheet(wb, 'Données', table()));
  const ac = new AbortController();
  ac.abort();
  const options: SheetLintOptions = { headRows: 100, signal: ac.signal };
  await assert.rejects(lintFile(path, options));
});
