import test from 'node:test';
import assert from 'node:assert/strict';
import { TextMemo } from '../../../src/core/engine/text-memo';

test('text memo: what was remembered survives the memo growing for a far id', () => {
  const m = new TextMemo(2);
  assert.equal(m.has(3), false);
  let at = m.fill(3);
  m.slots[at] = 7;
  m.slots[at + 1] = -1;
  at = m.fill(100_000);
  m.slots[at + 1] = 42;
  assert.equal(m.has(3), true);
  assert.deepEqual([m.slots[6], m.slots[7]], [7, -1]);
  assert.equal(m.has(100_000), true);
  assert.equal(m.slots[200_001], 42);
  assert.equal(m.has(99_999), false);
  assert.equal(m.has(1 << 20), false, 'an id past the memo is not known');
});
