import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartOf, pointsOf } from './helpers';

const SALES = ['ville,montant', 'Lyon,10', 'Paris,5', 'Lyon,30', 'Nice,7', 'Paris,15', 'Lyon,2'].join('\n');
const by = (aggregation: 'sum' | 'count' | 'mean' | 'min' | 'max') => ({ category: 'ville', value: 'montant', aggregation });

test('sum, count, mean, min and max per category', async () => {
  assert.deepEqual(pointsOf(await chartOf(SALES, by('sum'))), { Lyon: 42, Paris: 20, Nice: 7 });
  assert.deepEqual(pointsOf(await chartOf(SALES, by('count'))), { Lyon: 3, Paris: 2, Nice: 1 });
  assert.deepEqual(pointsOf(await chartOf(SALES, by('mean'))), { Lyon: 14, Paris: 10, Nice: 7 });
  assert.deepEqual(pointsOf(await chartOf(SALES, by('min'))), { Lyon: 2, Paris: 5, Nice: 7 });
  assert.deepEqual(pointsOf(await chartOf(SALES, by('max'))), { Lyon: 30, Paris: 15, Nice: 7 });
});

test('rows per point follow the aggregation', async () => {
  const r = await chartOf(SALES, by('sum'));
  assert.deepEqual(r.series!.rows, [3, 2, 1]);
  assert.equal(r.series!.stats.used, 6);
  assert.equal(r.series!.stats.rows, 6);
});

test('top-N keeps the largest values and folds the rest into "others"', async () => {
  const csv = ['k,v', 'a,1', 'b,50', 'c,3', 'd,40', 'e,2', 'e,4'].join('\n');
  const r = await chartOf(csv, { category: 'k', value: 'v', aggregation: 'sum', topN: 2 });
  assert.deepEqual(r.series!.labels, ['b', 'd']);
  assert.deepEqual(r.series!.others, { categories: 3, value: 10, rows: 4 });
  const mean = await chartOf(csv, { category: 'k', value: 'v', aggregation: 'mean', topN: 2 });
  // The others' mean is over their rows (1, 3, 2, 4), not a mean of means.
  assert.equal(mean.series!.others!.value, 2.5);
  const all = await chartOf(csv, { category: 'k', value: 'v', aggregation: 'sum', topN: 10 });
  assert.equal(all.series!.others, null);
});

test('top-N picks the largest even when shown by label or ascending', async () => {
  const csv = ['k,v', 'zeta,100', 'alpha,1', 'mid,50', 'beta,2'].join('\n');
  const byLabel = await chartOf(csv, { category: 'k', value: 'v', aggregation: 'sum', topN: 2, sort: 'label' });
  assert.deepEqual(byLabel.series!.labels, ['mid', 'zeta']);
  const asc = await chartOf(csv, { category: 'k', value: 'v', aggregation: 'sum', topN: 3, sort: 'value-asc' });
  assert.deepEqual(asc.series!.labels, ['beta', 'mid', 'zeta']);
  const file = await chartOf(csv, { category: 'k', value: 'v', aggregation: 'sum', topN: 3, sort: 'file' });
  assert.deepEqual(file.series!.labels, ['zeta', 'mid', 'beta']);
});

test('numbers are read the way the linter reads them (French exports)', async () => {
  const csv = ['structure;montant', 'CCAS;12 350 000 €', 'Office;1 867 500 €', 'Club;1 063 850,00', 'Club; 200,50 ', 'Rien; - '].join('\n');
  const r = await chartOf(csv, { category: 'structure', value: 'montant', aggregation: 'sum' });
  assert.deepEqual(pointsOf(r), { CCAS: 12350000, Office: 1867500, Club: 1064050.5, Rien: 0 });
  assert.deepEqual(r.series!.stats.skipped, []);
});

test('padded category labels group together', async () => {
  const csv = ['nom,montant', 'OAJLP GYMNASTIQUE  ,1', ' OAJLP  GYMNASTIQUE,2', 'OAJLP GYMNASTIQUE,3'].join('\n');
  assert.deepEqual(pointsOf(await chartOf(csv, { category: 'nom', value: 'montant', aggregation: 'sum' })), { 'OAJLP GYMNASTIQUE': 6 });
});

test('skipped rows are counted by reason and column, with examples', async () => {
  const csv = ['nom,montant,note', 'A,10,x', 'B,,x', 'C,douze,x', '', 'D', 'TOTAL,22,', ',22,', 'E,5,x'].join('\n');
  const r = await chartOf(csv, { category: 'nom', value: 'montant', aggregation: 'sum' });
  assert.deepEqual(pointsOf(r), { A: 10, E: 5 });
  const skipped = Object.fromEntries(r.series!.stats.skipped.map((s) => [`${s.reason}/${s.column ?? '-'}`, s]));
  assert.deepEqual(Object.keys(skipped).sort(), [
    'blank-row/-',
    'empty/montant',
    'missing-cell/montant',
    'not-a-number/montant',
    'totals-row/-',
  ]);
  assert.deepEqual(skipped['not-a-number/montant'].examples, [{ row: 4, value: 'douze' }]);
  assert.equal(skipped['totals-row/-'].rows, 2);
  assert.deepEqual(skipped['empty/montant'].examples, [{ row: 3, value: '' }]);
  // `count` does not need the value: the same rows are not skipped for it.
  const count = await chartOf(csv, { category: 'nom', value: 'montant', aggregation: 'count' });
  assert.deepEqual(count.series!.stats.skipped.map((s) => s.reason).sort(), ['blank-row', 'totals-row']);
  assert.deepEqual(pointsOf(count), { A: 1, B: 1, C: 1, D: 1, E: 1 });
});

test('date buckets by month fill the empty months; day-first unless a value says otherwise', async () => {
  const csv = [
    'date;objet;montant',
    '05/01/2023;a;1 200,50',
    '17/01/2023;b;300',
    '03/04/2023;c;2 000',
    '31/02/2023;d;99',
    'bientôt;e;5',
    ';f;10',
  ].join('\n');
  const r = await chartOf(csv, {
    type: 'line',
    category: 'date',
    value: 'montant',
    aggregation: 'sum',
    dateBucket: 'month',
    sort: 'label',
  });
  assert.equal(r.series!.kind, 'dates');
  assert.deepEqual(r.series!.labels, ['2023-01', '2023-02', '2023-03', '2023-04']);
  assert.deepEqual(r.series!.values, [1500.5, 0, 0, 2000]);
  assert.equal(r.series!.stats.dateFormat, 'dd/mm/yyyy');
  const reasons = r.series!.stats.skipped.map((s) => `${s.reason}:${s.rows}`).sort();
  assert.deepEqual(reasons, ['empty:1', 'not-a-date:2']);
  const mean = await chartOf(csv, {
    type: 'line',
    category: 'date',
    value: 'montant',
    aggregation: 'mean',
    dateBucket: 'month',
    sort: 'label',
  });
  assert.deepEqual(mean.series!.values, [750.25, null, null, 2000], 'a month without rows has no mean');
  const us = ['date,n', '03/04/2023,1', '12/25/2023,1'].join('\n');
  const m = await chartOf(us, { category: 'date', aggregation: 'count', dateBucket: 'month', sort: 'label' });
  assert.equal(m.series!.stats.dateFormat, 'mm/dd/yyyy');
  assert.deepEqual(m.series!.labels[0], '2023-03');
});

test('date buckets by year, ISO dates and date-times', async () => {
  const csv = ['quand,v', '2019-03-04,1', '2019-12-31T23:00:00Z,2', '2021-06-01 10:00,4'].join('\n');
  const r = await chartOf(csv, { category: 'quand', value: 'v', aggregation: 'sum', dateBucket: 'year', sort: 'label' });
  assert.deepEqual(pointsOf(r), { '2019': 3, '2020': 0, '2021': 4 });
});

test('never more than 1 000 points, whatever the file', async () => {
  const many = ['k,v', ...Array.from({ length: 5000 }, (_, i) => `k${i},${i}`)].join('\n');
  const r = await chartOf(many, { category: 'k', value: 'v', aggregation: 'sum', topN: 5000 });
  assert.equal(r.config.topN, 5000, 'the asked config is echoed; clamping happens when shaping');
  assert.equal(r.series!.labels.length, 999);
  assert.equal(r.series!.others!.categories, 4001);
  const days = ['d,v', ...Array.from({ length: 1500 }, (_, i) => `${1800 + i}-01-15,1`)].join('\n');
  const years = await chartOf(days, { category: 'd', value: 'v', aggregation: 'sum', dateBucket: 'year', sort: 'label' });
  assert.equal(years.series!.labels.length, 1000);
  assert.equal(years.series!.stats.truncated, true);
  assert.equal(years.series!.labels[999], '3299');
});

test('scatter draws a reproducible sample of at most 1 000 points', async () => {
  const csv = ['x,y', ...Array.from({ length: 4000 }, (_, i) => `${i},${i * 2}`), 'a,1'].join('\n');
  const cfg = { type: 'scatter' as const, category: 'x', value: 'y' };
  const a = await chartOf(csv, cfg);
  const b = await chartOf(csv, cfg);
  assert.equal(a.series!.xy.length, 1000);
  assert.equal(a.series!.stats.sampled, true);
  assert.equal(a.series!.stats.used, 4000);
  assert.deepEqual(a.series!.xy, b.series!.xy);
  assert.ok(a.series!.xy.every((p) => p.y === p.x * 2));
  assert.deepEqual(
    a.series!.stats.skipped.map((s) => [s.reason, s.column]),
    [['not-a-number', 'x']],
  );
});

test('a column the config names but the header lacks is reported, not guessed', async () => {
  const r = await chartOf(SALES, { category: 'commune', value: 'montant', aggregation: 'sum' });
  assert.deepEqual(r.missing, ['commune']);
  assert.equal(r.series, null);
  assert.deepEqual(
    r.columns.map((c) => c.name),
    ['ville', 'montant'],
  );
});

test('a config without columns is completed from the suggestion', async () => {
  const r = await chartOf(SALES, { category: null, value: null, aggregation: 'sum' });
  assert.equal(r.config.category, 'ville');
  assert.equal(r.config.value, 'montant');
});

test('empty text gives an empty chart, not an error', async () => {
  const r = await chartOf('', null);
  assert.equal(r.series, null);
  assert.deepEqual(r.columns, []);
  assert.equal(r.table.rows, 0);
});
