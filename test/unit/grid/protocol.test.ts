// The grid's page protocol: the host acts only on well-formed row requests (a page's worth of
// rows each, a few pages at most), the webview draws only well-formed pages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { GRID_MAX_REQUEST_PAGES, GRID_PAGE_ROWS, isGridPage } from '../../../src/core/sheet/grid-page';
import { parseGridMessage } from '../../../src/vscode/grid/messages';

test('a row request is taken as sent, and refused when malformed or too large', () => {
  assert.deepEqual(parseGridMessage({ type: 'rows', version: 2, first: 257, last: 512 }), {
    type: 'rows',
    version: 2,
    first: 257,
    last: 512,
  });
  assert.deepEqual(parseGridMessage({ type: 'rows', version: 0, first: 1, last: 1, extra: '<img>' }), {
    type: 'rows',
    version: 0,
    first: 1,
    last: 1,
  });
  const bad: unknown[] = [
    { type: 'rows', version: 1, first: 0, last: 10 },
    { type: 'rows', version: 1, first: 10, last: 9 },
    { type: 'rows', version: 1, first: 1.5, last: 9 },
    { type: 'rows', version: '1', first: 1, last: 9 },
    { type: 'rows', version: -1, first: 1, last: 9 },
    { type: 'rows', version: 1, first: 1 },
    { type: 'rows', version: 1, first: 1, last: Infinity },
    { type: 'rows', version: 1, first: 1, last: GRID_MAX_REQUEST_PAGES * GRID_PAGE_ROWS + 1 },
    { type: 'rows', version: 1, first: '1', last: '9' },
    [{ type: 'rows', version: 1, first: 1, last: 9 }],
  ];
  for (const m of bad) assert.equal(parseGridMessage(m), null, JSON.stringify(m));
});

test('a revealed row’s cells are texts, a screen’s worth', () => {
  assert.deepEqual(parseGridMessage({ type: 'revealed', row: 194_423, cells: ['a', ''] }), {
    type: 'revealed',
    row: 194_423,
    cells: ['a', ''],
  });
  for (const m of [
    { type: 'revealed', row: 0, cells: [] },
    { type: 'revealed', row: 3, cells: [1] },
    { type: 'revealed', row: 3, cells: 'a' },
    { type: 'revealed', row: 3, cells: Array.from({ length: 1001 }, () => '') },
  ])
    assert.equal(parseGridMessage(m), null, JSON.stringify(m).slice(0, 80));
});

test('the webview draws a page only when its rows are texts and it is a page at most', () => {
  const ok = { index: 3, rows: [['a', '<img src=x onerror=alert(1)>'], null], kinds: ['ss', null], hidden: [769] };
  assert.equal(isGridPage(ok), true);
  const bad: unknown[] = [
    null,
    { ...ok, index: -1 },
    { ...ok, index: 1.5 },
    { ...ok, rows: [[{ toString: 'x' }], null] },
    { ...ok, rows: [['a', 1], null] },
    { ...ok, kinds: ['ss'] },
    { ...ok, kinds: [1, null] },
    { ...ok, hidden: ['769'] },
    { ...ok, rows: 'a' },
    {
      index: 0,
      rows: Array.from({ length: GRID_PAGE_ROWS + 1 }, () => null),
      kinds: Array.from({ length: GRID_PAGE_ROWS + 1 }, () => null),
      hidden: [],
    },
  ];
  for (const p of bad) assert.equal(isGridPage(p), false, JSON.stringify(p)?.slice(0, 80));
});

test('what the grid shows is taken only well-formed, without anything more', () => {
  const seen = {
    sheet: 'Beta',
    status: 'Beta!C600B600:3',
    notice: '',
    selected: { row: 600, column: 3, text: 'B600:3', cells: ['B600:1', 'B600:2', 'B600:3'] },
    rows: { first: 580, last: 601, cells: ['B580:1'] },
    waiting: 0,
    focused: true,
  };
  assert.deepEqual(parseGridMessage({ type: 'seen', seen: { ...seen, extra: '<img>' } }), { type: 'seen', seen });
  assert.deepEqual(parseGridMessage({ type: 'seen', seen: { ...seen, selected: null } }), {
    type: 'seen',
    seen: { ...seen, selected: null },
  });
  for (const s of [
    { ...seen, selected: { ...seen.selected, row: 0 } },
    { ...seen, selected: { ...seen.selected, cells: [1] } },
    { ...seen, rows: { ...seen.rows, first: 0 } },
    { ...seen, waiting: -1 },
    { ...seen, focused: 'yes' },
    { ...seen, status: 'x'.repeat(40_000) },
    { ...seen, sheet: 7 },
    null,
  ])
    assert.equal(parseGridMessage({ type: 'seen', seen: s }), null, JSON.stringify(s)?.slice(0, 80));
});
