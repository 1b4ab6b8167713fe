import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { aggregate, ChartCache } from '../../../src/core/chart/aggregate';
import { UnreadableError } from '../../../src/core/chart/read-rows';
import { chartOf, fixture } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-chart-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('streaming from disk gives the same chart as reading the file whole', async () => {
  const path = fixture('corpus/hack_DEP49_MaineEtLoire_subventions_associations.csv');
  const whole = await aggregate({ source: { kind: 'file', path }, config: null });
  const streamed = await aggregate({ source: { kind: 'file', path }, config: null }, new ChartCache(), {
    streamAbove: 0,
    chunkBytes: 4096,
  });
  assert.deepEqual(streamed.series, whole.series);
  assert.deepEqual(streamed.config, whole.config);
  assert.equal(streamed.table.rows, 11843);
});

test('a file that turns out not to be UTF-8 past its head is read again as Windows-1252', async () => {
  const head = 'nom;montant\n' + 'Club;1\n'.repeat(60_000);
  const path = join(dir, 'late-latin1.csv');
  writeFileSync(path, Buffer.concat([Buffer.from(head), Buffer.from('Comit\xe9;5\n', 'latin1')]));
  const r = await aggregate(
    {
      source: { kind: 'file', path },
      config: { type: 'bar', category: 'nom', value: 'montant', aggregation: 'sum', topN: 15, sort: 'label', dateBucket: 'none' },
    },
    new ChartCache(),
    { streamAbove: 0 },
  );
  assert.deepEqual(r.series!.labels, ['Club', 'Comité']);
  assert.deepEqual(r.series!.values, [60_000, 5]);
  assert.notEqual(r.table.encoding, 'utf-8');
});

test('a TSV file is split on tabs', async () => {
  const path = join(dir, 'x.tsv');
  writeFileSync(path, 'a\tb\nx, y\t2\nx, y\t3\n');
  const r = await aggregate({ source: { kind: 'file', path }, config: null });
  assert.equal(r.table.delimiter, '\t');
  assert.deepEqual(r.series!.values, [5]);
});

test('binary files are refused', async () => {
  const path = join(dir, 'x.csv');
  writeFileSync(path, readFileSync(fixture('corpus/hack_DEP53_Mayenne_subventions_2018.xlsx')));
  await assert.rejects(aggregate({ source: { kind: 'file', path }, config: null }), UnreadableError);
});

test('changing aggregation, sort or top-N reuses the last pass', async () => {
  const cache = new ChartCache();
  const cfg = {
    type: 'bar' as const,
    category: 'k',
    value: 'v',
    aggregation: 'sum' as const,
    topN: 15,
    sort: 'value-desc' as const,
    dateBucket: 'none' as const,
  };
  const first = await aggregate({ source: { kind: 'text', text: 'k,v\na,1\nb,2\n', key: 'doc#1' }, config: cfg }, cache);
  // Same key, different text: served from the cache, so the text is not read again.
  const again = await aggregate(
    { source: { kind: 'text', text: 'k,v\nzzz,9\n', key: 'doc#1' }, config: { ...cfg, aggregation: 'max', sort: 'label', topN: 1 } },
    cache,
  );
  assert.deepEqual(first.series!.labels, ['b', 'a']);
  assert.deepEqual(again.series!.labels, ['b']);
  assert.deepEqual(again.series!.others, { categories: 1, value: 1, rows: 1 });
  const other = await aggregate({ source: { kind: 'text', text: 'k,v\nzzz,9\n', key: 'doc#2' }, config: cfg }, cache);
  assert.deepEqual(other.series!.labels, ['zzz']);
});

test('a quoted label spanning lines stays one label', async () => {
  const r = await chartOf('nom,montant\n"Ligne 1\nLigne 2",4\n', { category: 'nom', value: 'montant', aggregation: 'sum' });
  assert.deepEqual(r.series!.labels, ['Ligne 1\nLigne 2']);
});

test('workbooks are read with the spreadsheet reader: ODS and XLSX, header below title rows', async () => {
  const ods = await aggregate({ source: { kind: 'file', path: fixture('corpus/mtp_COM_Montpellier_AttribSub_2014.ods') }, config: null });
  assert.equal(ods.table.format, 'ods');
  assert.equal(ods.table.sheet, 'Subventions');
  assert.equal(ods.config.category, 'Structure');
  const totals = ods.series!.stats.skipped.find((s) => s.reason === 'totals-row')!;
  assert.equal(totals.examples[0].value, 'TOTAL', 'the workbook’s subtotal lines are not beneficiaries');
  const xlsx = await aggregate({
    source: { kind: 'file', path: fixture('corpus/hack_DEP53_Mayenne_subventions_2018.xlsx') },
    config: null,
  });
  assert.deepEqual([xlsx.table.format, xlsx.config.category, xlsx.config.value], ['xlsx', 'nomBeneficiaire', 'montant']);
  assert.equal(xlsx.series!.values[0], 7_180_000);
});
