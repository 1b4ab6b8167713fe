// The chart a converted budget opens with: a treemap of the dépenses by chapter, then by
// nature inside each chapter, the small natures folded into their chapter's "others".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { aggregate } from '../../../src/core/chart/aggregate';
import { DEFAULT_CONFIG, MAX_POINTS, parseChartConfig, type ChartConfig } from '../../../src/core/chart/config';
import { SMALL_SHARE } from '../../../src/core/chart/shape';
import { convertActToFile } from '../../../src/core/budget/convert';
import { actOf, tmp } from './helpers';

async function convertedCsv(name: string): Promise<string> {
  const out = join(tmp(), `${name}.csv`);
  await convertActToFile(actOf(name), out, { baseUrl: null, cacheDir: null });
  return out;
}

test('a converted budget opens as a treemap by chapter, then by nature, of the dépenses', async () => {
  const csv = await convertedCsv('crach-principal-bp-2022');
  const r = await aggregate({ source: { kind: 'file', path: csv }, config: null });
  assert.equal(r.config.type, 'treemap');
  assert.equal(r.config.category, 'BGT_CONTNAT_LABEL');
  assert.equal(r.config.subcategory, 'BGT_NATURE_LABEL');
  assert.deepEqual(r.config.filter, { column: 'BGT_CODRD', value: 'dépense' });
  const s = r.series!;
  assert.ok(s.children, 'the second level is there');
  assert.equal(s.children.length, s.labels.length, 'one set of natures per chapter shown');
  assert.ok(s.labels.includes('Charges à caractère général'), s.labels.join(' | '));
  const general = s.children[s.labels.indexOf('Charges à caractère général')];
  assert.ok(general.labels.length > 1, 'the chapter is split by nature');
  s.children.forEach((c, i) => {
    const sum = c.values.reduce((a, b) => a + b, 0) + (c.others?.value ?? 0);
    assert.ok(Math.abs(sum - s.values[i]!) < 0.01, `the natures of ${s.labels[i]} add up to the chapter (${sum} vs ${s.values[i]})`);
  });
  assert.ok(
    s.children.some((c) => c.others && c.others.categories > 1),
    'small natures are grouped as "others" inside their chapter',
  );
  const total = s.values.reduce<number>((a, b) => a + Math.max(0, b ?? 0), 0) + (s.others?.value ?? 0);
  for (const c of s.children)
    c.values.slice(1).forEach((v) => assert.ok(v >= total * SMALL_SHARE || c.others === null || c.others.categories === 0, `${v} kept`));
  // The CSV's own lines: no recette is summed with the dépenses.
  const recettes = await aggregate({
    source: { kind: 'file', path: csv },
    config: { ...r.config, filter: { column: 'BGT_CODRD', value: 'recette' } },
  });
  assert.notDeepEqual(recettes.series!.labels, s.labels);
  assert.deepEqual([...r.filterValues].sort(), ['dépense', 'recette'], 'the panel can switch to the recettes');
  assert.ok(recettes.series!.labels.includes('Dotations et participations'), recettes.series!.labels.join(' | '));
});

test('a saved treemap keeps its second level; other chart types ignore it', async () => {
  const config: ChartConfig = { ...DEFAULT_CONFIG, type: 'treemap', category: 'c', value: 'v', aggregation: 'sum', subcategory: 'n' };
  assert.deepEqual(parseChartConfig(JSON.parse(JSON.stringify(config))), config);
  assert.equal(parseChartConfig({ ...config, subcategory: 42 }), null, 'a subcategory that is not a column name is refused');
  const csv = ['c,n,v', 'A,x,500', 'A,y,450', 'A,z,1', 'A,w,1', 'B,x,30'].join('\n');
  const tree = await aggregate({ source: { kind: 'text', text: csv }, config });
  assert.deepEqual(tree.series!.children![0].labels, ['x', 'y'], 'z and w, under 1 % of the chart each,, fold into "others"');
  assert.deepEqual(tree.series!.children![0].others, { categories: 2, value: 2, rows: 2 });
  assert.deepEqual(tree.series!.children![1].labels, ['x'], 'a chapter keeps its only nature, however small');
  const bar = await aggregate({ source: { kind: 'text', text: csv }, config: { ...config, type: 'bar' } });
  assert.equal(bar.series!.children, undefined);
  assert.deepEqual(bar.filterValues, [], 'no row filter, nothing to switch');
  const missing = await aggregate({ source: { kind: 'text', text: csv }, config: { ...config, subcategory: 'gone' } });
  assert.deepEqual(missing.missing, ['gone'], 'a renamed second-level column is named, not ignored');
});

test('a single small nature is not folded alone, and the whole chart stays within MAX_POINTS', async () => {
  const one = ['c,n,v', 'A,x,500', 'A,y,1'].join('\n');
  const cfg: ChartConfig = { ...DEFAULT_CONFIG, type: 'treemap', category: 'c', value: 'v', aggregation: 'sum', subcategory: 'n' };
  const r = await aggregate({ source: { kind: 'text', text: one }, config: cfg });
  assert.deepEqual(r.series!.children![0].labels, ['x', 'y'], '"1 other" would hide a label for nothing');
  const rows = ['c,n,v'];
  for (let c = 0; c < 200; c++) for (let n = 0; n < 50; n++) rows.push(`c${c},n${n},${100 + n}`);
  const big = await aggregate({ source: { kind: 'text', text: rows.join('\n') }, config: { ...cfg, topN: 999 } });
  const points = big.series!.children!.reduce((t, c) => t + c.labels.length + (c.others ? 1 : 0), 0);
  assert.ok(points + big.series!.labels.length <= MAX_POINTS, `${points} rectangles`);
});
