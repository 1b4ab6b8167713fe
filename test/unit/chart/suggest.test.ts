import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { aggregate } from '../../../src/core/chart/aggregate';
import { profileColumns } from '../../../src/core/chart/columns';
import { suggestChart } from '../../../src/core/chart/suggest';
import { chartOf, fixture } from './helpers';

const SUBVENTIONS = fixture('standards/scdl-subventions/exemples/exemple_valide.csv');

test('SCDL subventions: total montant by nomBeneficiaire, top 15 + others', async () => {
  const r = await aggregate({ source: { kind: 'file', path: SUBVENTIONS }, config: null });
  assert.deepEqual(
    { category: r.config.category, value: r.config.value, aggregation: r.config.aggregation, topN: r.config.topN, sort: r.config.sort },
    { category: 'nomBeneficiaire', value: 'montant', aggregation: 'sum', topN: 15, sort: 'value-desc' },
  );
  assert.equal(r.config.type, 'bar-horizontal', 'long names read better on horizontal bars');
  const s = r.series!;
  assert.equal(s.labels.length, 15);
  assert.equal(s.labels[0], "SASP OAJLP COTE D'AZUR");
  assert.equal(s.values[0], 460000);
  assert.equal(s.others!.categories, 29 - 15);
  const total = (s.values as number[]).reduce((a, b) => a + b, 0) + s.others!.value;
  assert.equal(Math.round(total * 100) / 100, 2_821_393.5);
  // Identifiers and shares are never offered as the measure.
  const cols = Object.fromEntries(r.columns.map((c) => [c.name, c]));
  assert.equal(cols.idBeneficiaire.code, true);
  assert.equal(cols.montant.code, false);
  assert.equal(cols.dateConvention.kind, 'date');
});

test('the schema types win over the sample', () => {
  const schema = JSON.parse(readFileSync(fixture('standards/scdl-subventions/schema.json'), 'utf8')) as {
    fields: { name: string; type: string }[];
  };
  const [header, ...rows] = readFileSync(SUBVENTIONS, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const config = suggestChart(profileColumns(header, rows), schema.fields);
  assert.equal(config.category, 'nomBeneficiaire');
  assert.equal(config.value, 'montant');
});

test('SCDL budget: a treemap of the dépenses by chapter', async () => {
  const r = await aggregate({ source: { kind: 'file', path: fixture('workspace/chart-budget.csv') }, config: null });
  assert.equal(r.config.type, 'treemap');
  assert.equal(r.config.category, 'BGT_CONTNAT_LABEL');
  assert.equal(r.config.value, 'BGT_MTPREV', 'the voted amount, filled in a primitive budget (BGT_MTREAL is empty)');
  assert.deepEqual(r.config.filter, { column: 'BGT_CODRD', value: 'dépense' });
  const all = await aggregate({
    source: { kind: 'file', path: fixture('workspace/chart-budget.csv') },
    config: { ...r.config, filter: null },
  });
  assert.ok(r.series!.stats.rows < all.series!.stats.rows, 'recettes are left out, not summed with the dépenses');
});

test('a departmental budget export: amounts by chapter', async () => {
  const r = await aggregate({ source: { kind: 'file', path: fixture('corpus/gir_DEP33_Gironde_CA_2016_cedi.csv') }, config: null });
  assert.equal(r.config.category, 'Chapitre');
  assert.equal(r.config.value, 'Montant');
  assert.equal(r.series!.labels.length, 15);
});

test('a municipal budget in Latin-1 with French numbers: amounts by function label', async () => {
  const r = await aggregate({
    source: { kind: 'file', path: fixture('corpus/mtp_COM_Montpellier_BudgetPrimitif_2014.csv') },
    config: null,
  });
  assert.equal(r.table.encoding, 'iso-8859-1');
  assert.equal(r.config.category, 'Libellé fonction');
  assert.equal(r.config.value, 'BP', 'header padding is trimmed; the column is still found by its padded name');
  assert.equal(r.series!.stats.skipped.length, 0);
  const admin = r.series!.labels.indexOf('ADMINISTRATION GENERALE DE LA COLLECTIVITE');
  assert.ok(admin !== -1 && (r.series!.values[admin] as number) > 1_000_000);
});

test('an unlabelled totals line at the end is not a category', async () => {
  const r = await aggregate({ source: { kind: 'file', path: fixture('corpus/mtp_COM_Montpellier_AttribSub_2013.csv') }, config: null });
  assert.equal(r.config.category, 'STRUCTURE');
  assert.ok(!r.series!.labels.includes(''));
  assert.deepEqual(
    r.series!.stats.skipped.map((s) => [s.reason, s.rows]),
    [['totals-row', 1]],
  );
  assert.equal(r.series!.values[0], 12_350_000);
});

test('dates and amounts only: totals per month over a short span, per year over a long one', async () => {
  const short = await chartOf(['date,montant', '2023-01-05,10', '2023-03-02,5', '2023-11-30,1'].join('\n'), null);
  assert.deepEqual(
    [short.config.type, short.config.category, short.config.dateBucket, short.config.aggregation],
    ['line', 'date', 'month', 'sum'],
  );
  assert.deepEqual(short.series!.labels.length, 11);
  const long = await chartOf(['date,montant', '2010-01-05,10', '2023-03-02,5'].join('\n'), null);
  assert.equal(long.config.dateBucket, 'year');
});

test('no numbers: a count by the best category', async () => {
  const r = await chartOf(['nom,commune', 'a,Lyon', 'b,Lyon', 'c,Nice'].join('\n'), null);
  assert.deepEqual([r.config.category, r.config.aggregation, r.config.value], ['commune', 'count', null]);
  assert.deepEqual(r.series!.values, [2, 1]);
});
