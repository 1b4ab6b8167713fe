// The grid's keys (webview-ui/grid/keys.ts): where each one moves, and a move past the rows
// of a large sheet's first page waiting for its whole shape instead of stopping at that page.
import test from 'node:test';
import assert from 'node:assert/strict';
import { GRID_PAGE_ROWS } from '../../../src/core/sheet/grid-page';
import { PAGE_KEY_ROWS, keyTarget, resolveMove } from '../../../webview-ui/grid/keys';

const at = { row: 10, column: 3 };
const whole = { rows: 3001, columns: 16, partial: false };
/** A large sheet's first page: its rows so far, its widest row so far. */
const firstPage = { rows: GRID_PAGE_ROWS, columns: 12, partial: true };

test('each key aims where a spreadsheet program goes; other keys do not move', () => {
  assert.deepEqual(keyTarget('ArrowDown', false, at), { row: 11, column: 3 });
  assert.deepEqual(keyTarget('ArrowUp', false, at), { row: 9, column: 3 });
  assert.deepEqual(keyTarget('ArrowLeft', false, at), { row: 10, column: 2 });
  assert.deepEqual(keyTarget('ArrowRight', false, at), { row: 10, column: 4 });
  assert.deepEqual(keyTarget('PageDown', false, at), { row: 10 + PAGE_KEY_ROWS, column: 3 });
  assert.deepEqual(keyTarget('PageUp', false, at), { row: 1, column: 3 }, 'not above the first row');
  assert.deepEqual(keyTarget('ArrowLeft', false, { row: 1, column: 1 }), { row: 1, column: 1 });
  assert.deepEqual(keyTarget('Home', false, at), { row: 10, column: 1 });
  assert.deepEqual(keyTarget('End', false, at), { row: 10, column: 'last' });
  assert.deepEqual(keyTarget('Home', true, at), { row: 1, column: 1 });
  assert.deepEqual(keyTarget('End', true, at), { row: 'last', column: 'last' });
  for (const key of ['a', 'Enter', 'Tab', 'F2']) assert.equal(keyTarget(key, false, at), null, key);
});

test('in a sheet known whole, a move stops at its edges', () => {
  assert.deepEqual(resolveMove({ row: 'last', column: 'last' }, whole), { now: { row: 3001, column: 16 }, later: null });
  assert.deepEqual(resolveMove({ row: 3020, column: 17 }, whole), { now: { row: 3001, column: 16 }, later: null });
  assert.deepEqual(resolveMove({ row: 1, column: 1 }, whole), { now: { row: 1, column: 1 }, later: null });
  assert.deepEqual(resolveMove({ row: 'last', column: 'last' }, { rows: 0, columns: 0, partial: false }), {
    now: { row: 1, column: 1 },
    later: null,
  });
});

test('Ctrl+End before the whole shape waits for it, then reaches the real last row', () => {
  const target = keyTarget('End', true, at)!;
  const early = resolveMove(target, firstPage);
  assert.equal(early.now, null, 'not the first page’s last row');
  assert.deepEqual(early.later, target);
  assert.deepEqual(resolveMove(early.later!, whole).now, { row: 3001, column: 16 });
});

test('a move past the first page’s rows waits; within them it is made at once', () => {
  assert.deepEqual(resolveMove({ row: GRID_PAGE_ROWS + 1, column: 3 }, firstPage), {
    now: null,
    later: { row: GRID_PAGE_ROWS + 1, column: 3 },
  });
  assert.deepEqual(resolveMove({ row: 200, column: 3 }, firstPage), { now: { row: 200, column: 3 }, later: null });
  assert.deepEqual(resolveMove({ row: 1, column: 1 }, firstPage), { now: { row: 1, column: 1 }, later: null }, 'Ctrl+Home');
});

test('End before the whole shape goes to the last column known, and further once a wider row is known', () => {
  const end = keyTarget('End', false, at)!;
  const early = resolveMove(end, firstPage);
  assert.deepEqual(early.now, { row: 10, column: 12 });
  assert.deepEqual(early.later, end);
  assert.deepEqual(resolveMove(early.later!, whole).now, { row: 10, column: 16 });
});
