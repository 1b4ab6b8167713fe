// Staleness follows udata's update_fulfilled_in_time: late by more than one day on the period.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isStale, normalizeFrequency } from '../../../src/core/diagnose/frequency';
import { qualityOf } from '../../../src/core/diagnose/udata-read';
import { schemaNameFromUrl, isoDate } from '../../../src/core/diagnose/read-common';

const now = new Date('2026-12-02T00:00:00Z');

test('stale only past the period plus one day; never without a period or a date', () => {
  assert.equal(isStale('2025-12-01T00:00:00Z', 'annual', now), false, '366 days: within the extra day');
  assert.equal(isStale('2025-11-30T23:00:00Z', 'annual', now), true);
  assert.equal(isStale('2026-11-29T00:00:00Z', 'daily', now), true);
  assert.equal(isStale('2020-01-01T00:00:00Z', 'irregular', now), false);
  assert.equal(isStale('2020-01-01T00:00:00Z', null, now), false);
  assert.equal(isStale(null, 'daily', now), false);
});

test('frequencies: udata ids, legacy aliases, DCAT-AP URIs; "unknown" is none', () => {
  assert.equal(normalizeFrequency('annual'), 'annual');
  assert.equal(normalizeFrequency('fortnighly'), 'biweekly');
  assert.equal(normalizeFrequency('http://publications.europa.eu/resource/authority/frequency/ANNUAL_2'), 'semiannual');
  assert.equal(normalizeFrequency('IRREG'), 'irregular');
  assert.equal(normalizeFrequency('unknown'), null);
  assert.equal(normalizeFrequency(''), null);
});

test('quality, schema URLs and naive CKAN dates', () => {
  assert.deepEqual(
    qualityOf({
      license: true,
      temporal_coverage: false,
      spatial: true,
      update_frequency: true,
      dataset_description_quality: true,
      score: 4 / 9,
    }),
    {
      score: 4 / 9,
      missing: ['temporal_coverage', 'has_open_format', 'all_resources_available', 'resources_documentation'],
    },
  );
  assert.deepEqual(qualityOf(undefined), { score: null, missing: [] });
  assert.equal(schemaNameFromUrl('https://schema.data.gouv.fr/schemas/scdl/budget/0.8.3/schema.json'), 'scdl/budget');
  assert.equal(
    schemaNameFromUrl('https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/latest/schema-statique.json'),
    'etalab/schema-irve-statique',
  );
  assert.equal(isoDate('2024-01-02T10:00:00.123456'), '2024-01-02T10:00:00.123Z');
  assert.equal(isoDate('2024-01-02T10:00:00+02:00'), '2024-01-02T08:00:00.000Z');
  assert.equal(isoDate('not a date'), null);
});

test('CKAN packages: schema as JSON string, URL or object, formats with a dot, scheming frequency, naive dates', async () => {
  const { ckanDataset } = await import('../../../src/core/diagnose/ckan-read');
  const d = ckanDataset(
    {
      id: 'p1',
      name: 'budget',
      title: 'Budget',
      frequency: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
      metadata_modified: '2026-01-01T00:00:00',
      resources: [
        {
          name: 'a',
          format: '.CSV',
          url: 'https://x/a.csv',
          schema: 'https://schema.data.gouv.fr/schemas/scdl/budget/0.8.3/schema.json',
          last_modified: '2026-10-01T10:00:00',
        },
        { name: 'b', format: 'PDF', url: 'https://x/b.pdf', schema: { name: 'scdl/deliberations' } },
        { name: 'c', format: '', url: 'https://x/c', schema: '{"name": "scdl/catalogue"}' },
      ],
    },
    'https://ckan.example',
    now,
  );
  assert.equal(d.url, 'https://ckan.example/dataset/budget');
  assert.deepEqual(d.formats, ['csv', 'pdf']);
  assert.equal(d.openFormat, true);
  assert.equal(d.schema, 'scdl/budget');
  assert.deepEqual(
    d.resources.map((r) => r.schema),
    ['scdl/budget', 'scdl/deliberations', 'scdl/catalogue'],
  );
  assert.equal(d.frequency, 'monthly');
  assert.equal(d.lastUpdate, '2026-10-01T10:00:00.000Z');
  assert.equal(d.stale, true, 'monthly, two months late');
  assert.equal(d.quality, null);
});
