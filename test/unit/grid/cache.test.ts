// The webview's pages of rows (webview-ui/grid/page-cache.ts): bounded, least recently drawn
// dropped first, each missing page asked once, a request a few pages at most.
import test from 'node:test';
import assert from 'node:assert/strict';
import { GRID_MAX_REQUEST_PAGES, GRID_PAGE_ROWS, pageStart, type GridPage } from '../../../src/core/sheet/grid-page';
import { PageCache } from '../../../webview-ui/grid/page-cache';

const page = (index: number, hidden: number[] = []): GridPage => ({
  index,
  rows: Array.from({ length: GRID_PAGE_ROWS }, (_, i) => [`r${pageStart(index) + i}`]),
  kinds: Array.from({ length: GRID_PAGE_ROWS }, () => 's'),
  hidden,
});

test('a row is there once its page came, with its hidden flag; undefined before', () => {
  const c = new PageCache();
  assert.equal(c.row(300), undefined);
  c.put(page(1, [300]));
  assert.deepEqual(c.row(300), { values: ['r300'], kinds: 's', hidden: true });
  assert.deepEqual(c.row(301), { values: ['r301'], kinds: 's', hidden: false });
  assert.equal(c.row(1), undefined);
});

test('past its capacity the least recently used page goes, and a page drawn is used', () => {
  const c = new PageCache(3);
  c.put(page(0));
  c.put(page(1));
  c.put(page(2));
  c.row(1); // page 0 drawn again: page 1 is now the oldest
  c.put(page(3));
  assert.equal(c.size, 3);
  assert.deepEqual([c.has(0), c.has(1), c.has(2), c.has(3)], [true, false, true, true]);
  c.clear();
  assert.equal(c.size, 0);
});

test('the rows in view ask for their missing pages once, a few pages at most, within the sheet', () => {
  const c = new PageCache();
  c.put(page(0));
  assert.equal(c.request(1, 40, 100_000), null, 'all there');
  assert.deepEqual(c.request(200, 300, 100_000), { first: pageStart(1), last: pageStart(2) - 1 });
  assert.equal(c.request(200, 300, 100_000), null, 'asked already: not again while it is on its way');
  // A jump to the end of the sheet: the last page, cut at the last row.
  assert.deepEqual(c.request(99_980, 100_000, 100_000), { first: pageStart(390), last: 100_000 });
  // A huge range asks a request's worth of pages only.
  const big = c.request(10_000, 90_000, 100_000)!;
  assert.equal(big.last - big.first + 1, GRID_MAX_REQUEST_PAGES * GRID_PAGE_ROWS);
  // Once a page came it is not asked; after a new load (clear) everything is asked again.
  c.put(page(1));
  assert.equal(c.request(300, 310, 100_000), null);
  c.clear();
  assert.deepEqual(c.request(300, 310, 100_000), { first: pageStart(1), last: pageStart(2) - 1 });
});
