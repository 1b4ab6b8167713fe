#!/usr/bin/env node
// Chart aggregation benchmark, in detail (`npm run bench` has the suggested chart in its table): the chart's full pass over a large CSV (read, decode, parse
// with the linter's reader, group, shape) against a bare papaparse parse of the same file,
// in the same run. Target: aggregation ≤ 1.2 × the bare parse.
//   node scripts/bench/gen-subventions.mjs 500000 > bench-data/subventions-500000.csv   (npm run bench makes it too)
//   node scripts/bench-chart.mjs [file] [--runs 3]
import * as esbuild from 'esbuild';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
const file = resolve(args.find((a, i) => !a.startsWith('--') && i !== runsAt + 1) ?? join(REPO, 'bench-data', 'subventions-500000.csv'));
if (!existsSync(file)) {
  console.error(`missing ${file}\n  node scripts/bench/gen-subventions.mjs 500000 > bench-data/subventions-500000.csv`);
  process.exit(2);
}

// Bundle the TypeScript core once, so the bench measures the code the extension ships.
const tmp = mkdtempSync(join(tmpdir(), 'odw-bench-chart-'));
const bundle = join(tmp, 'aggregate.cjs');
await esbuild.build({
  entryPoints: [join(REPO, 'src/core/chart/aggregate.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const { aggregate, ChartCache } = (await import(pathToFileURL(bundle).href)).default;
rmSync(tmp, { recursive: true, force: true });

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function bareParse() {
  const t0 = process.hrtime.bigint();
  const res = Papa.parse(readFileSync(file, 'utf8'), { delimiter: ',' });
  return { ms: ms(t0), rows: res.data.length };
}

async function chart(config) {
  const t0 = process.hrtime.bigint();
  const r = await aggregate({ source: { kind: 'file', path: file }, config });
  return { ms: ms(t0), result: r };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const parse = [];
const suggested = [];
const monthly = [];
let last;
for (let i = 0; i < runs; i++) {
  parse.push(bareParse().ms);
  const s = await chart(null);
  suggested.push(s.ms);
  last = s.result;
  monthly.push((await chart({ ...last.config, type: 'line', category: 'dateConvention', dateBucket: 'month', sort: 'label' })).ms);
}
// A control change on the same file (top-N, sort, aggregation) reshapes the cached pass.
const cache = new ChartCache();
await aggregate({ source: { kind: 'file', path: file }, config: last.config }, cache);
const t0 = process.hrtime.bigint();
await aggregate({ source: { kind: 'file', path: file }, config: { ...last.config, topN: 30, aggregation: 'mean', sort: 'label' } }, cache);
const reshape = ms(t0);
const p = median(parse);
const size = readFileSync(file).length;
console.log(
  `file: ${file} (${(size / 1e6).toFixed(1)} MB, ${last.table.rows} data rows, ${last.table.encoding}, '${last.table.delimiter}')`,
);
console.log(`runs: ${runs} (medians below; each run is a fresh pass, no cache)`);
console.log(`bare papaparse parse (readFile + Papa.parse):  ${p.toFixed(0)} ms`);
const line = (name, xs) => console.log(`${name.padEnd(46)} ${median(xs).toFixed(0)} ms  = ${(median(xs) / p).toFixed(2)} × parse`);
line(`chart, suggested (${last.config.aggregation} ${last.config.value} by ${last.config.category}):`, suggested);
line('chart, sum montant by month of dateConvention:', monthly);
console.log(`control change on the same file (cached pass, reshaped):  ${reshape.toFixed(1)} ms`);
console.log(
  `points sent: ${last.series.labels.length} + others (${last.series.others?.categories ?? 0} categories); skipped: ${last.series.stats.skipped.map((s) => `${s.rows} ${s.reason} ${s.column ?? ''}`).join(', ') || 'none'}`,
);
console.log(`target ≤ 1.20 × parse: ${median(suggested) / p <= 1.2 && median(monthly) / p <= 1.2 ? 'met' : 'NOT met'}`);
