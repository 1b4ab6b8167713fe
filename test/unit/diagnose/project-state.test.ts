// The questionnaire, the referents and the Wanted Data List in .opendata/project.json:
// transforms keep what they do not know, and the project schema accepts what they write.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isChecked, parseProject, serializeProject, setChecked } from '../../../src/core/project/project';
import { maturityResult, MATURITY_QUESTIONS } from '../../../src/core/diagnose/maturity';
import {
  addReferent,
  addWanted,
  maturityOf,
  referentsOf,
  setMaturity,
  setReferentStatus,
  updateWanted,
  wantedOf,
  wantedProgress,
} from '../../../src/core/diagnose/project-state';

const day = new Date('2026-12-02T10:00:00Z');

test('maturity: answers stored per axis, result = mean rounded down, weakest axes named', () => {
  assert.deepEqual(maturityResult(undefined), { answered: 0, weakest: [] });
  let p = setMaturity({ stages: { diagnostic: { notes: 'kept' } } }, 'governance', 2, day);
  p = setMaturity(p, 'inventory', 4, day);
  p = setMaturity(p, 'publication', 3, day);
  assert.equal(p.stages?.diagnostic?.notes, 'kept');
  assert.deepEqual(maturityOf(p), { answers: { governance: 2, inventory: 4, publication: 3 }, assessedAt: '2026-12-02' });
  assert.deepEqual(maturityResult(maturityOf(p)), { answered: 3, mean: 3, level: 3, weakest: ['governance'] });
  p = setMaturity(p, 'quality', 1, day);
  p = setMaturity(p, 'reuse', 1, day);
  assert.deepEqual(maturityResult(maturityOf(p)), { answered: 5, mean: 2.2, level: 2, weakest: ['quality', 'reuse'] });
  assert.equal(isChecked(p, 'diagnostic', 'maturity'), true, 'five answers tick the checklist item');
  assert.equal(isChecked(setChecked(p, 'diagnostic', 'maturity', false), 'diagnostic', 'maturity'), false, 'an explicit untick wins');
  assert.equal(isChecked(setMaturity(null, 'reuse', 3, day), 'diagnostic', 'maturity'), false);
  assert.throws(() => setMaturity(p, 'reuse', 6 as never));
  assert.equal(MATURITY_QUESTIONS.length, 5);
  assert.equal(parseProject(serializeProject(p)).issues.length, 0);
  const bad = parseProject(JSON.stringify({ maturity: { answers: { reuse: 7 } } }));
  assert.equal(bad.issues.length, 1);
});

test('referents: status with the date it was set; the schema checks the statuses', () => {
  const a = addReferent(null, { service: 'Finances', contact: 'M. Martin' }, day);
  const p = setReferentStatus(a.state, a.id, 'asked', new Date('2026-12-03T08:00:00Z'));
  const [r] = referentsOf(p);
  assert.equal(r.status, 'asked');
  assert.deepEqual(r.dates, { 'to-contact': '2026-12-02', asked: '2026-12-03' });
  assert.equal(parseProject(serializeProject(p)).issues.length, 0);
  assert.equal(parseProject(JSON.stringify({ referents: [{ id: 'x', service: 'S', status: 'lost' }] })).issues.length, 1);
});

test('wanted list: a Socle schema is wished once, statuses move on, progress counts them', () => {
  let { state: p, id } = addWanted(null, { title: 'Équipements', schema: 'scdl/equipements', origin: 'socle' }, day);
  const again = addWanted(p, { title: 'Équipements', schema: 'scdl/equipements', origin: 'socle' }, day);
  assert.equal(again.id, id);
  assert.equal(wantedOf(again.state).length, 1);
  p = addWanted(p, { title: 'Menus des cantines', service: 'Restauration' }, day).state;
  p = updateWanted(p, id, { status: 'received', file: 'recu/equipements.csv', service: 'Sports' }, day);
  const e = wantedOf(p).find((w) => w.id === id)!;
  assert.equal(e.status, 'received');
  assert.equal(e.file, 'recu/equipements.csv');
  assert.equal(e.service, 'Sports');
  assert.deepEqual(wantedProgress(wantedOf(p)), {
    total: 2,
    inHand: 1,
    published: 0,
    byStatus: { wished: 1, asked: 0, received: 1, prepared: 0, published: 0 },
  });
  assert.equal(parseProject(serializeProject(p)).issues.length, 0);
  assert.throws(() => updateWanted(p, 'nope', { status: 'asked' }));
});
