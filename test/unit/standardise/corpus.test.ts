// The proposal on real exports whose headers are not the schema's names (test/fixtures/corpus):
// precision and recall against what a person maps (test/fixtures/standardise/expected-mappings.json).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers';
import { measureFile, totals, type Expected } from '../../../src/core/standardise/measure';
import { proposeMapping } from '../../../src/core/standardise/propose';
import { sampleSource } from '../../../src/core/standardise/sample';
import { resolveTarget } from '../../../src/core/standardise/target';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'standardise', 'expected-mappings.json'), 'utf8')).files as Expected[];

test('the proposal finds what a person maps on the corpus, and little else', async () => {
  const scores = await Promise.all(expected.map((e) => measureFile(join(FIXTURES, 'corpus'), e)));
  const t = totals(scores);
  assert.ok(t.precision >= 0.95, `precision ${t.precision}: ${JSON.stringify(scores.map((s) => s.wrong))}`);
  assert.ok(t.recall >= 0.97, `recall ${t.recall}: ${JSON.stringify(scores.map((s) => s.missed))}`);
  // The Aube export uses the arrêté's French labels, "attributaire" for the granting body: all 14 found.
  const aube = scores.find((s) => s.file.startsWith('dsub_DEP_Aube'))!;
  assert.deepEqual([aube.correct, aube.wrong, aube.missed], [14, [], []]);
});

test('Gironde’s compte administratif: the realised amount, and the OR/OI/OE codes mapped to réel/ordre', async () => {
  const budget = resolveTarget('scdl/budget');
  const sample = await sampleSource({ path: join(FIXTURES, 'corpus', 'gir_DEP33_Gironde_CA_2016_cedi.csv') });
  const p = proposeMapping(budget, sample);
  const by = (f: string) => p.fields.find((x) => x.field === f)!;
  // "Type fichier" says CA on every row: a bare "Montant" is what was realised, not what was voted.
  assert.equal(by('BGT_MTREAL').source, 'Montant');
  assert.equal(by('BGT_MTPREV').kind, 'none');
  assert.deepEqual(p.spec.fields.BGT_OPBUDG, { map: 'Réel/Ordre id/Ordre diff', values: { or: 'réel', oe: 'ordre', oi: 'ordre' } });
  // "D" is a French stop word for labels, not for codes.
  assert.deepEqual(p.spec.fields.BGT_CODRD, { map: 'Dépense/Recette', values: { r: 'recette', d: 'dépense' } });
  // The same file without the document kind: "Montant" is the voted amount again.
  const i = sample.header.indexOf('Type fichier');
  const noKind = proposeMapping(budget, {
    header: sample.header.filter((_, k) => k !== i),
    rows: sample.rows.map((r) => r.filter((_, k) => k !== i)),
  });
  assert.equal(noKind.fields.find((x) => x.field === 'BGT_MTPREV')!.source, 'Montant');
});
