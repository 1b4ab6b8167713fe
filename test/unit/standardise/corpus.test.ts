// The proposal on real exports whose headers are not the schema's names (test/fixtures/corpus):
// precision and recall against what a person maps (test/fixtures/standardise/expected-mappings.json).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers';
import { measureFile, totals, type Expected } from '../../../src/core/standardise/measure';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'standardise', 'expected-mappings.json'), 'utf8')).files as Expected[];

test('the proposal finds what a person maps on the corpus, and little else', async () => {
  const scores = await Promise.all(expected.map((e) => measureFile(join(FIXTURES, 'corpus'), e)));
  const t = totals(scores);
  assert.ok(t.precision >= 0.93, `precision ${t.precision}: ${JSON.stringify(scores.map((s) => s.wrong))}`);
  assert.ok(t.recall >= 0.9, `recall ${t.recall}: ${JSON.stringify(scores.map((s) => s.missed))}`);
  // The Aube export uses the arrêté's French labels, "attributaire" for the granting body: all 14 found.
  const aube = scores.find((s) => s.file.startsWith('dsub_DEP_Aube'))!;
  assert.deepEqual([aube.correct, aube.wrong, aube.missed], [14, [], []]);
});
