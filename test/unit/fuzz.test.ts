// A small fuzzing budget on every CI run; `node out-test/test/fuzz/cli.js 10000` for a large one
// (docs/hostile.md). Half the CSV inputs get the hostile mutators of test/fuzz/mutate-csv.ts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fuzz } from '../fuzz/run';
import { FIXTURES } from './helpers';

test('fuzz: 400 mutated corpus inputs (half the CSVs with hostile mutators), no exception, each under 5 s or 10 s per MB', async () => {
  const r = await fuzz([join(FIXTURES, 'corpus'), join(FIXTURES, 'frictionless', 'data')], 400, 1, 5000);
  console.log(`fuzz: ${r.inputs} inputs, ${r.failures.length} failures, slowest ${r.slowest.toFixed(0)} ms`);
  assert.deepEqual(r.failures.slice(0, 3), []);
});
