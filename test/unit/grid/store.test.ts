// The grid's sheet in pages (core/sheet/grid-store.ts): the pages hold exactly the rows the
// whole read holds, the first screen stops after one page, and the worker keeps a bounded
// number of sheets, a page at a time.
import test from 'node:test';
import assert from 'node:assert/strict';
import { sheet, xlsx } from '../sheet/build';
import { readGrid } from '../../../src/core/sheet/grid-data';
import { GRID_PAGE_ROWS, pageCount, pageOf, pageStart, pagesFor } from '../../../src/core/sheet/grid-page';
import {
  GRID_STORE_SHEETS,
  closeGridSheet,
  gridSheetPages,
  openGridSheet,
  pageFrom,
  readGridFirst,
  readGridPages,
} from '../../../src/core/sheet/grid-store';

const ROWS = 1000;
/** A title, a header, rows with a blank one every 300th, row 700 hidden. */
async function book(): Promise<string> {
  return xlsx((wb) => {
    const rows: unknown[][] = [['Subventions'], ['nom', 'montant']];
    for (let i = 1; i <= ROWS; i++) rows.push(i % 300 === 0 ? [] : [`Association ${i}`, i]);
    const ws = sheet(wb, 'Données', rows);
    ws.getRow(700).hidden = true;
    sheet(wb, 'Autre', [['a'], ['b']]);
  });
}

test('page arithmetic: rows 1–256 are page 0, a range spans the pages it touches, within the sheet', () => {
  assert.deepEqual([pageOf(1), pageOf(GRID_PAGE_ROWS), pageOf(GRID_PAGE_ROWS + 1)], [0, 0, 1]);
  assert.deepEqual([pageStart(0), pageStart(2)], [1, 2 * GRID_PAGE_ROWS + 1]);
  assert.deepEqual([pageCount(0), pageCount(1), pageCount(GRID_PAGE_ROWS), pageCount(GRID_PAGE_ROWS + 1)], [0, 1, 1, 2]);
  assert.deepEqual(pagesFor(250, 520, 1000), [0, 1, 2]);
  assert.deepEqual(pagesFor(900, 5000, 1000), [3]);
  assert.deepEqual(pagesFor(1200, 1300, 1000), [], 'beyond the sheet');
  assert.deepEqual(pagesFor(10, 5, 1000), [], 'an empty range');
});

test('the pages of a sheet hold the rows of the whole read, blank and hidden rows included', async () => {
  const path = await book();
  const whole = await readGrid(path);
  const paged = await readGridPages(path);
  assert.equal(paged.meta.rowCount, whole.rows.length);
  assert.equal(paged.meta.rowCount, ROWS + 2);
  const rows: unknown[] = [];
  const kinds: unknown[] = [];
  for (let p = 0; p < pageCount(paged.meta.rowCount); p++) {
    const page = pageFrom(paged, p);
    assert.equal(page.index, p);
    // Every page but the last is full: row pageStart(p) + i is rows[i].
    if (p < pageCount(paged.meta.rowCount) - 1) assert.equal(page.rows.length, GRID_PAGE_ROWS);
    rows.push(...page.rows);
    kinds.push(...page.kinds);
    assert.deepEqual(page.hidden, p === pageOf(700) ? [700] : []);
  }
  assert.deepEqual(rows, whole.rows);
  assert.deepEqual(kinds, whole.kinds);
  assert.deepEqual(paged.meta.header, ['nom', 'montant'], 'the header row’s labels, for the frozen header');
  assert.deepEqual([paged.meta.headerRows, paged.meta.above, paged.meta.width], [whole.headerRows, whole.above, whole.width]);
});

test('the first screen is one page, marked partial, and says nothing of a truncation', async () => {
  const path = await book();
  const { shape, first } = await readGridFirst(path);
  assert.equal(shape.partial, true);
  assert.equal(shape.truncated, false, 'the sheet is not cut: only its first page is read yet');
  assert.equal(shape.rowCount, GRID_PAGE_ROWS);
  assert.equal(first.rows.length, GRID_PAGE_ROWS);
  assert.deepEqual(first.rows[2], ['Association 1', '1']);
  assert.deepEqual(shape.header, ['nom', 'montant']);
  assert.deepEqual(
    shape.sheets.map((s) => s.name),
    ['Données'],
    'the read stopped in the first sheet',
  );
  const small = await xlsx((wb) =>
    sheet(wb, 'S', [
      ['a', 'b'],
      ['1', '2'],
    ]),
  );
  const whole = await readGridFirst(small);
  assert.equal(whole.shape.partial, undefined, 'a sheet within one page is whole at once');
  assert.equal(whole.shape.rowCount, 2);
});

test('the worker keeps a sheet per view, serves its pages, and forgets the least recently used past its bound', async () => {
  const path = await book();
  const opened = await openGridSheet('v1', path);
  assert.equal(opened.shape.rowCount, ROWS + 2);
  assert.equal(opened.shape.partial, undefined);
  assert.deepEqual(
    opened.shape.sheets.map((s) => s.name),
    ['Données', 'Autre'],
  );
  const [p3] = (await gridSheetPages('v1', [3]))!;
  assert.deepEqual(p3.rows[1000 - pageStart(3)], ['Association 998', '998']);
  assert.equal(await gridSheetPages('nobody', [0]), null, 'an unknown view: read its sheet again');
  // More views than kept: the first one opened (and not used since) is dropped.
  for (let i = 2; i <= GRID_STORE_SHEETS + 1; i++) await openGridSheet(`v${i}`, path, { sheet: 'Autre' });
  assert.equal(await gridSheetPages('v1', [0]), null);
  assert.equal((await gridSheetPages('v2', [0]))![0].rows.length, 2);
  closeGridSheet('v2');
  assert.equal(await gridSheetPages('v2', [0]), null, 'a closed view’s sheet is released');
  for (let i = 3; i <= GRID_STORE_SHEETS + 1; i++) closeGridSheet(`v${i}`);
});
