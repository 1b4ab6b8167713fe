import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../../src/core/chart/config';
import {
  CHARTS_DIR,
  chartFileName,
  listSavedCharts,
  parseSavedChart,
  relativeSource,
  resolveSource,
  serializeSavedChart,
  slugify,
  type SavedChart,
} from '../../../src/core/chart/saved';

const root = mkdtempSync(join(tmpdir(), 'odw-saved-'));
after(() => rmSync(root, { recursive: true, force: true }));

const chart = (title: string): SavedChart => ({
  version: 1,
  title,
  source: 'data/subventions.csv',
  config: { ...DEFAULT_CONFIG, category: 'nomBeneficiaire', value: 'montant', aggregation: 'sum' },
});

test('slugs are ASCII, lower case and never empty', () => {
  assert.equal(slugify('Subventions 2024 : bénéficiaires'), 'subventions-2024-beneficiaires');
  assert.equal(slugify('  Œuvres « sociales » '), 'uvres-sociales');
  assert.equal(slugify('***'), 'chart');
  assert.equal(slugify('<script>alert(1)</script>'), 'script-alert-1-script');
  assert.ok(slugify('x'.repeat(200)).length <= 60);
});

test('file names never overwrite an existing chart', () => {
  assert.equal(chartFileName('Budget', []), 'budget.json');
  assert.equal(chartFileName('Budget', ['budget.json', 'Budget-2.json']), 'budget-3.json');
});

test('sources are stored relative to the workspace folder with / separators', () => {
  const abs = join(root, 'data', 'subventions.csv');
  assert.equal(relativeSource(root, abs), 'data/subventions.csv');
  assert.equal(resolveSource(root, 'data/subventions.csv'), abs);
  const outside = join(tmpdir(), 'elsewhere.csv');
  assert.equal(relativeSource(root, outside), outside);
  // A chart file comes with the repository: it may not open a table outside the folder.
  assert.equal(resolveSource(root, outside), null);
  assert.equal(resolveSource(root, '../elsewhere.csv'), null);
});

test('a saved chart round-trips; anything else is refused', () => {
  const c = chart('Top bénéficiaires');
  assert.deepEqual(parseSavedChart(serializeSavedChart(c)), c);
  assert.equal(parseSavedChart('{'), null);
  assert.equal(parseSavedChart('null'), null);
  assert.equal(parseSavedChart(JSON.stringify({ ...c, version: 2 })), null);
  assert.equal(parseSavedChart(JSON.stringify({ ...c, config: { ...c.config, type: 'radar' } })), null);
  assert.equal(parseSavedChart(JSON.stringify({ ...c, source: '' })), null);
});

test('listing a workspace: charts by title, broken files flagged, no folder = none', async () => {
  assert.deepEqual(await listSavedCharts(root), []);
  const dir = join(root, CHARTS_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'b.json'), serializeSavedChart(chart('Zones')));
  writeFileSync(join(dir, 'a.json'), serializeSavedChart(chart('Années')));
  writeFileSync(join(dir, 'broken.json'), '{ nope');
  writeFileSync(join(dir, 'notes.txt'), 'ignored');
  const list = await listSavedCharts(root);
  assert.deepEqual(
    list.map((e) => e.chart?.title ?? null),
    ['Années', 'Zones', null],
  );
  assert.equal(list[2].file, join(dir, 'broken.json'));
});
