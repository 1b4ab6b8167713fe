// The Standardise webview's messages: the host acts only on well-formed ones, and a mapping is
// accepted exactly when it is a valid recipe step (the hand-written guard agrees with
// schemas/recipe.schema.json, which the webview bundle cannot carry).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseFromWebview, isToWebview } from '../../../src/protocol/standardise';
import { parseSpec } from '../../../src/core/standardise/spec-guard';
import { parseRecipe } from '../../../src/core/clean/recipe';
import { emptyReport } from '../../../src/core/standardise/table-ops';

const asRecipe = (spec: unknown) =>
  parseRecipe(JSON.stringify({ version: 1, steps: [{ rule: 'standardise', standardise: spec }] })).recipe !== null;

const good: unknown[] = [
  { schema: { name: 'scdl/subventions' }, fields: {} },
  {
    schema: { name: 'scdl/subventions', version: '2.1.1' },
    extra: 'keep',
    fields: { montant: { column: 'Montant' }, nomAttribuant: { constant: '' } },
  },
  {
    schema: { name: 's' },
    fields: {
      a: { join: ['x', 'y'], sep: ' ' },
      b: { split: 'x', sep: '-', part: -1 },
      c: { date: { day: 'j', month: 'm', year: 'a' } },
      d: { period: { start: 'x' }, sep: '_' },
      e: { map: 'x', values: { a: 'b' } },
      f: { lookup: 'x', file: 'r.csv', key: 'k', value: 'v' },
    },
  },
  {
    schema: { name: 's' },
    table: {
      headerRow: 2,
      drop: { blank: true, totals: true, where: [{ column: 'c', equals: ['x'] }] },
      unpivot: { columns: ['a'], name: 'n', value: 'v' },
      stack: { files: [{ path: 'b.csv', label: '2025' }], column: 'src' },
    },
    fields: {},
  },
];
const bad: unknown[] = [
  null,
  [],
  { fields: {} },
  { schema: { name: '' }, fields: {} },
  { schema: { name: 's' }, fields: { a: { column: '' } } },
  { schema: { name: 's' }, fields: { a: { column: 'x', constant: 'y' } } },
  { schema: { name: 's' }, fields: { a: { split: 'x', sep: '-', part: 0 } } },
  { schema: { name: 's' }, fields: { a: { period: { start: 'x' }, sep: '-' } } },
  { schema: { name: 's' }, fields: { a: { script: 'rm -rf /' } } },
  { schema: { name: 's' }, table: { headerRow: 0 }, fields: {} },
  { schema: { name: 's' }, table: { unpivot: { columns: [], name: 'n', value: 'v' } }, fields: {} },
  { schema: { name: 's' }, fields: {}, extra: 'all' },
  { schema: { name: 's' }, fields: {}, other: 1 },
];

test('the webview guard and the recipe schema accept and refuse the same mappings', () => {
  for (const s of good) assert.deepEqual([parseSpec(s) !== null, asRecipe(s)], [true, true], JSON.stringify(s));
  for (const s of bad) assert.deepEqual([parseSpec(s) !== null, asRecipe(s)], [false, false], JSON.stringify(s));
});

test('the host acts only on well-formed messages', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.equal(parseFromWebview({ type: 'spec', generation: 1, spec: bad[8] }), null);
  assert.equal(parseFromWebview({ type: 'spec', generation: 'x', spec: good[0] }), null);
  assert.deepEqual(parseFromWebview({ type: 'write', spec: good[0] }), { type: 'write', spec: good[0] });
  assert.equal(parseFromWebview({ type: 'eval', code: 'x' }), null);
  assert.equal(parseFromWebview('ready'), null);
  const report = emptyReport();
  const read = { line: 12, whole: true };
  assert.equal(isToWebview({ type: 'preview', generation: 1, preview: { header: [], rows: [], counts: {}, report, read } }), true);
  assert.equal(isToWebview({ type: 'preview', generation: 1, preview: { header: [], rows: [], counts: {}, read } }), false);
  // How far the preview read says what its counts cover: without it, no heading can say it truthfully.
  assert.equal(isToWebview({ type: 'preview', generation: 1, preview: { header: [], rows: [], counts: {}, report } }), false);
  assert.equal(
    isToWebview({
      type: 'preview',
      generation: 1,
      preview: { header: [], rows: [], counts: {}, report, read: { line: '12', whole: true } },
    }),
    false,
  );
  assert.equal(isToWebview({ type: 'init', view: { title: 't' } }), false);
});
