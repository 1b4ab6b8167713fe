// The data.gouv.fr quality score (9 points, NOTES §4.2): each criterion met and missed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { qualityScore, type CriterionId } from '../../../src/core/project/quality';
import type { DatasetView } from '../../../src/core/project/datapackage';

const full: DatasetView = {
  meta: {
    name: 'subventions',
    title: 'Subventions 2024',
    description:
      'Subventions accordées par la ville en 2024 aux associations, au format SCDL, mises à jour chaque année après le vote du compte administratif.',
    licenses: [{ name: 'etalab-2.0' }],
    frequency: 'annual',
    temporalCoverage: { start: '2024-01-01', end: '2024-12-31' },
    spatial: { granularity: 'fr:commune' },
  },
  resources: [{ name: 's', path: 's.csv', format: 'csv', description: 'Une ligne par subvention.' }],
};
const now = new Date('2025-01-10T00:00:00Z');
const met = (ds: DatasetView, ctx = {}) =>
  Object.fromEntries(qualityScore(ds, { now, ...ctx }).criteria.map((c) => [c.id, c.met])) as Record<CriterionId, boolean>;
const without = (patch: Partial<DatasetView['meta']>): DatasetView => ({ ...full, meta: { ...full.meta, ...patch } });

test('a complete dataset scores 9/9 and lists no todo', () => {
  const s = qualityScore(full, { now, exists: () => true });
  assert.equal(s.points, 9);
  assert.equal(s.criteria.length, 9);
  assert.ok(s.criteria.every((c) => !c.todo));
});

test('each metadata criterion fails alone, with a bilingual todo', () => {
  const cases: [CriterionId, DatasetView][] = [
    ['license', without({ licenses: [] })],
    ['temporal-coverage', without({ temporalCoverage: undefined })],
    ['spatial', without({ spatial: {} })],
    ['description', without({ description: 'x'.repeat(100) })],
  ];
  for (const [id, ds] of cases) {
    const s = qualityScore(ds, { now });
    assert.equal(s.points, 8, id);
    const c = s.criteria.find((x) => x.id === id)!;
    assert.equal(c.met, false, id);
    assert.ok(c.todo?.en && c.todo.fr, id);
  }
  assert.match(
    qualityScore(without({ description: 'x'.repeat(90) })).criteria.find((c) => c.id === 'description')!.todo!.fr,
    /11 caractères/,
  );
});

test('frequency: missing fails both the frequency and the update-in-time points', () => {
  const m = met(without({ frequency: undefined }));
  assert.equal(m.frequency, false);
  assert.equal(m['update-in-time'], false);
});

test('update in time: overdue by more than a day after the period fails; aperiodic frequencies pass', () => {
  assert.equal(met(full, { publishedAt: '2024-06-01T00:00:00Z' })['update-in-time'], true);
  assert.equal(met(full, { publishedAt: '2023-01-01T00:00:00Z' })['update-in-time'], false);
  assert.equal(met(without({ frequency: 'irregular' }), { publishedAt: '2000-01-01T00:00:00Z' })['update-in-time'], true);
  assert.equal(met(full)['update-in-time'], true, 'not published yet');
});

test('open format: XLSX alone loses the point, CSV next to it earns it', () => {
  const xlsx: DatasetView = { ...full, resources: [{ name: 'x', path: 'x.xlsx', description: 'd' }] };
  assert.equal(met(xlsx)['open-format'], false);
  assert.equal(met({ ...xlsx, resources: [...xlsx.resources, { name: 'c', path: 'c.csv' }] })['open-format'], true);
});

test('resources available: a missing file fails', () => {
  assert.equal(met(full, { exists: (p: string) => p !== 's.csv' })['resources-available'], false);
});

test('resources documentation: a description or a documentation resource is needed', () => {
  assert.equal(met({ ...full, resources: [{ name: 's', path: 's.csv' }] })['resources-documentation'], false);
  assert.equal(
    met({
      ...full,
      resources: [
        { name: 's', path: 's.csv' },
        { name: 'd', path: 'doc.pdf', type: 'documentation' },
      ],
    })['resources-documentation'],
    true,
  );
});

test('a dataset without files cannot get the three file points', () => {
  const s = qualityScore({ ...full, resources: [] }, { now });
  assert.equal(s.points, 6);
  assert.deepEqual(
    s.criteria.filter((c) => !c.met).map((c) => c.id),
    ['open-format', 'resources-available', 'resources-documentation'],
  );
});
