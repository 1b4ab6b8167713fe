// `npm run bench`: throughput as ratios to a baseline measured in the same run (these machines
// are noisy). Each measure runs in its own process, so peak RSS is that measure's alone.
// Prints ONE markdown table on stdout (generation and progress lines go to stderr); keep its
// format stable: columns `measure | throughput | time vs baseline | peak RSS | notes`.
//   node scripts/bench.mjs [ROWS=500000] [--big] [--repeat=N] [--only=budget]   (npm run bench -- --big --repeat=5; or ODW_BENCH_BIG=1, ODW_BENCH_REPEAT=5)
// --only=budget prints just the budget act lines (no CSV/XLSX/ODS generated), in the same table.
// --big adds a 1 GB CSV (4 650 000 rows, ~40 s to generate) and a ~200 MB XLSX (~3 min to generate),
// both linted in the real worker bundle the way "Open Data: Lint File on Disk" runs them.
// Needs `npm run build` first (dist/extension.js, dist/lint-worker.js); `npm run bench` does it.
import { existsSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { buildBenchBundles } from './bench/bundle.mjs';
import { budgetActFile, csvFile, odsFile, xlsxFile } from './bench/files.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
/** The worker as the extension starts it (src/vscode/worker-client.ts). */
const WORKER = join(REPO, 'dist', 'lint-worker.js');
const RSS_TARGET_MB = 400;
const LAG_TARGET_MS = 100;
const ACTIVATION_TARGET_MS = 50;

const argv = process.argv.slice(2);
if (argv[0] === '--one') {
  const [, mode, file] = argv;
  const { measure } = await import('./bench/measures.mjs');
  const r = await measure(mode, file);
  process.stdout.write(JSON.stringify({ ...r, rss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent: data, bundle, one child per measure, one table.

const big = argv.includes('--big') || process.env.ODW_BENCH_BIG === '1';
const rows = Number(argv.find((a) => /^\d+$/.test(a)) ?? 500000);
const REPEAT = Math.max(
  1,
  Math.floor(Number(argv.find((a) => a.startsWith('--repeat='))?.slice(9) ?? process.env.ODW_BENCH_REPEAT ?? 1)) || 1,
);
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice(7) ?? null;
if (ONLY !== null && ONLY !== 'budget') throw new Error(`--only=${ONLY}: the only filter is --only=budget`);
const log = (s) => process.stderr.write(`${s}\n`);

for (const f of [WORKER, join(REPO, 'dist', 'lint-part-worker.js'), join(REPO, 'dist', 'extension.js')])
  if (!existsSync(f)) throw new Error(`missing ${f}: run npm run build (npm run bench does)`);
const csv = ONLY ? null : csvFile(rows);
const csv50 = ONLY ? null : csvFile(232000); // ~50 MB: the size VS Code stops handing to extensions
const xlsx = ONLY ? null : xlsxFile(100000, 0);
const ods = ONLY ? null : odsFile(100000);
const csvBig = big && !ONLY ? csvFile(4650000) : null; // ~1.0 GB
const act50 = budgetActFile();
/** The largest shared act (a CFU), as copied into the test fixtures. */
const actShared = join(REPO, 'test/fixtures/budget/cases/mohon-cfu-2023-m57a/totem.xml');
const xlsxBig = big && !ONLY ? xlsxFile(905000, 14) : null; // ~200 MB, one sheet under Excel's row limit

// Bundle the engine as a library, exactly as the CLI and the worker ship it.
await buildBenchBundles();
const sizeMB = (f) => statSync(f).size / 1e6;

function one(mode, file = '') {
  log(`measuring ${mode}${file ? ` on ${file.replace(`${REPO}/`, '')}` : ''}…`);
  const out = execFileSync(process.execPath, [SELF, '--one', mode, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

const fmtMBs = (mb, m) => `${(mb / (m.ms / 1000)).toFixed(1)} MB/s`;
const fmtRss = (m) => `${(m.rss / 2 ** 20).toFixed(0)} MB`;
const fmtX = (x) => `${x.toFixed(2)}×`;
const ms = (x) => `${x.toFixed(0)} ms`;
const lines = [];
const cores = availableParallelism();
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);

/** The budget act lines: a bare saxes parse of each act, then its conversion, in the same run. */
function budgetRows() {
  for (const [label, file] of [
    ['50 MB generated act', act50],
    ['largest shared act (CFU)', actShared],
  ]) {
    const amb = sizeMB(file);
    const xb = one('xml-bare', file);
    const conv = one('budget-convert', file);
    const note = `${amb.toFixed(1)} MB XML, ${conv.rows} rows written, ${conv.subtotals} subtotals left out`;
    row(
      `Budget act bare saxes parse, ${label} — baseline`,
      fmtMBs(amb, xb),
      fmtX(1),
      fmtRss(xb),
      `${xb.tags} elements; ISO-8859-1 decoded`,
    );
    row(
      `Budget act → SCDL budget CSV, ${label}`,
      fmtMBs(amb, conv),
      fmtX(conv.ms / xb.ms),
      fmtRss(conv),
      file === act50
        ? `${note}; targets ≥ 20 MB/s and RSS < 300 MB on 50 MB: ${amb / (conv.ms / 1000) >= 20 && conv.rss / 2 ** 20 < 300 ? 'met' : 'NOT met'}`
        : `${note}; ${ms(conv.ms)}, reading its plan de comptes included`,
    );
  }
}

const printTable = () => {
  console.log('| measure | throughput | time vs baseline | peak RSS | notes |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const l of lines) console.log(l);
};
if (ONLY === 'budget') {
  budgetRows();
  printTable();
  process.exit(0);
}

const mb = sizeMB(csv);
// --repeat=N: the five CSV lint measures (and the XLSX pair below) run N times, interleaved (a noisy minute hits them all),
// and each row shows its median run, with the range in its notes.
const runs = { 'csv-bare': [], 'csv-lint': [], 'csv-schema': [], 'csv-lint-1t': [], 'csv-schema-1t': [] };
for (let r = 0; r < REPEAT; r++) for (const mode of Object.keys(runs)) runs[mode].push(one(mode, csv));
const median = (list) => [...list].sort((a, b) => a.ms - b.ms)[(list.length - 1) >> 1];
const spreadOf = (list, size) =>
  REPEAT > 1
    ? `; median of ${REPEAT} interleaved runs (${list
        .map((m) => (size / (m.ms / 1000)).toFixed(1))
        .sort((a, b) => a - b)
        .join(', ')} MB/s)`
    : '';
const spread = (mode) => spreadOf(runs[mode], mb);
const [bare, lint, schema, lint1, schema1] = Object.values(runs).map(median);
const clean = one('clean', csv);
const chart = one('chart', csv);
const xmb = sizeMB(xlsx);
// The workbook pair too: its baseline swings as much as the lint.
const xruns = { 'xlsx-bare': [], 'xlsx-lint': [] };
for (let r = 0; r < REPEAT; r++) for (const mode of Object.keys(xruns)) xruns[mode].push(one(mode, xlsx));
const [xbare, xlint] = Object.values(xruns).map(median);
const csvNote = `${mb.toFixed(1)} MB, ${rows} rows`;
row('CSV bare papaparse (stream) — baseline', fmtMBs(mb, bare), fmtX(1), fmtRss(bare), csvNote + spread('csv-bare'));
row(
  'CSV lint, structure rules (no schema)',
  fmtMBs(mb, lint),
  fmtX(lint.ms / bare.ms),
  fmtRss(lint),
  `${lint.problems} problems kept; in parts, one per core (here ${cores}), as the CLI and Lint File on Disk run it${spread('csv-lint')}`,
);
row(
  'CSV lint + SCDL subventions schema',
  fmtMBs(mb, schema),
  fmtX(schema.ms / bare.ms),
  fmtRss(schema),
  `schema ${schema.schema ?? 'NOT detected'}; in parts, one per core${spread('csv-schema')}`,
);
row(
  'CSV lint, structure rules, one pass',
  fmtMBs(mb, lint1),
  fmtX(lint1.ms / bare.ms),
  fmtRss(lint1),
  `one thread (a one-core machine, or ODW_SPLIT_LINT=0)${spread('csv-lint-1t')}`,
);
row(
  'CSV lint + SCDL schema, one pass',
  fmtMBs(mb, schema1),
  fmtX(schema1.ms / bare.ms),
  fmtRss(schema1),
  `one thread${spread('csv-schema-1t')}`,
);
row(
  'Clean, streamed to a new file (every certain fix)',
  fmtMBs(mb, clean),
  fmtX(clean.ms / bare.ms),
  fmtRss(clean),
  `2 passes (lint, rewrite); ${clean.steps} steps`,
);
row(
  'Chart aggregation (suggested chart, file pass)',
  fmtMBs(mb, chart),
  fmtX(chart.ms / bare.ms),
  fmtRss(chart),
  `${ms(chart.ms)}; ${chart.chart}`,
);
const xNote = `${xmb.toFixed(1)} MB .xlsx, ${xbare.rows - 1} rows × 16 columns; MB/s of the zipped file`;
row('XLSX bare exceljs streaming read — baseline', fmtMBs(xmb, xbare), fmtX(1), fmtRss(xbare), xNote + spreadOf(xruns['xlsx-bare'], xmb));
row(
  'XLSX lint (no schema)',
  fmtMBs(xmb, xlint),
  fmtX(xlint.ms / xbare.ms),
  fmtRss(xlint),
  `${xlint.problems} problems${xlint.fatal ? `; FATAL ${xlint.fatal}` : ''}; byte scanner (target ≤ 0.20×)${spreadOf(xruns['xlsx-lint'], xmb)}`,
);
const omb = sizeMB(ods);
const olint = one('xlsx-lint', ods);
row(
  'ODS lint (no schema)',
  fmtMBs(omb, olint),
  fmtX(olint.ms / xbare.ms),
  fmtRss(olint),
  `${omb.toFixed(1)} MB .ods, the same ${olint.rows} rows × 16 columns; time vs the XLSX baseline; ${olint.problems} problems${olint.fatal ? `; FATAL ${olint.fatal}` : ''}`,
);

budgetRows();

const block = one('worker-lint', csv50);
const mb50 = sizeMB(csv50);
const lagOk = block.lag < LAG_TARGET_MS ? 'met' : 'NOT met';
row(
  `Host blocking: ${mb50.toFixed(0)} MB CSV linted in the worker`,
  block.error ? 'failed' : fmtMBs(mb50, block),
  block.error ? '—' : `${fmtX(block.ms / mb50 / (bare.ms / mb))} per MB`,
  fmtRss(block),
  `max event-loop lag ${ms(block.lag)} (target < ${LAG_TARGET_MS} ms: ${lagOk}); ${block.progress} progress messages${block.error ? `; ERROR ${block.error}` : ''}`,
);

if (big) {
  const gb = one('worker-lint-progress', csvBig);
  const gmb = sizeMB(csvBig);
  const rssOk = gb.rss / 2 ** 20 < RSS_TARGET_MB ? 'met' : 'NOT met';
  row(
    `1 GB CSV lint from disk (worker, as Lint File on Disk)`,
    gb.error ? 'failed' : fmtMBs(gmb, gb),
    gb.error ? '—' : `${fmtX(gb.ms / gmb / (bare.ms / mb))} per MB`,
    fmtRss(gb),
    `${gmb.toFixed(0)} MB, ${gb.rows ?? '?'} rows; RSS < ${RSS_TARGET_MB} MB: ${rssOk}; ${gb.progress} progress messages; max lag ${ms(gb.lag)}${gb.error ? `; ERROR ${gb.error}` : ''}`,
  );
  const gx = one('worker-lint-progress', xlsxBig);
  const gxmb = sizeMB(xlsxBig);
  const what = gx.error
    ? `worker failed: ${gx.error}`
    : gx.fatal
      ? `refused: “${gx.fatal}”`
      : `streamed, ${gx.rows} rows, ${gx.problems} problems`;
  row(
    `200 MB XLSX lint from disk (worker)`,
    gx.error || gx.fatal ? '—' : fmtMBs(gxmb, gx),
    gx.error || gx.fatal ? '—' : `${fmtX(gx.ms / gxmb / (xbare.ms / xmb))} per MB`,
    fmtRss(gx),
    `${gxmb.toFixed(0)} MB, 30 columns; ${what}; ${ms(gx.ms)}`,
  );
} else {
  row('1 GB CSV lint from disk (worker, as Lint File on Disk)', 'skipped', '—', '—', 'run with --big (or ODW_BENCH_BIG=1)');
  row('200 MB XLSX lint from disk (worker)', 'skipped', '—', '—', 'run with --big (or ODW_BENCH_BIG=1)');
}

const det = one('catalog-detect');
row(
  'Schema detection, whole catalog',
  `${(det.headers / (det.ms / 1000)).toFixed(0)} headers/s`,
  '—',
  fmtRss(det),
  `${(det.ms / det.headers).toFixed(2)} ms per header (target < 20 ms: ${det.ms / det.headers < 20 ? 'met' : 'NOT met'}) over ${det.versions} schema versions; catalog loaded in ${ms(det.loadMs)} once`,
);
const frf = one('fr-format');
row(
  'fr-format checks, one core',
  `${(frf.values / (frf.ms / 1000) / 1e6).toFixed(1)} M values/s`,
  '—',
  fmtRss(frf),
  `code-commune-insee (the COG's codes), code-postal (La Poste's), siret (all different), one in ten damaged, ${frf.values / 1e6} M values, ${frf.reported} reported (target ≥ 1 M values/s: ${frf.values / (frf.ms / 1000) >= 1e6 ? 'met' : 'NOT met'})`,
);
const act = one('activation');
row(
  'Activation (stub vscode API)',
  '—',
  '—',
  fmtRss(act),
  `${ms(act.ms)} = require ${ms(act.requireMs)} + activate() ${ms(act.activateMs)} (target < ${ACTIVATION_TARGET_MS} ms: ${act.ms < ACTIVATION_TARGET_MS ? 'met' : 'NOT met'}); dev build, ${act.subscriptions} subscriptions`,
);
// Standardise to a schema (#19): the panel's preview and a streamed ~100 MB standardisation, in their own process.
{
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench-standardise.mjs'), '--json', '--runs', '5'], { encoding: 'utf8' });
  const m = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()) : null;
  row(
    'Standardise preview, 5 000 rows (map + schema validation)',
    '—',
    '—',
    '—',
    m
      ? `median ${ms(m.previewMs)} over ${m.runs} runs (target < 200 ms: ${m.previewMs < 200 ? 'met' : 'NOT met'}); ${m.mapped}/${m.fields} fields proposed from French titles`
      : `failed: ${String(r.stderr).split('\n')[0]}`,
  );
  row(
    `Standardise stream, ${m ? m.mb.toFixed(0) : '~100'} MB CSV to scdl/subventions`,
    m ? `${(m.mb / m.seconds).toFixed(0)} MB/s` : 'failed',
    '—',
    m ? `${(m.peakRss / 2 ** 20).toFixed(0)} MB` : '—',
    m ? `${m.rows} rows written as they are mapped (bounded memory)` : '—',
  );
}
const vsix = join(REPO, 'dist', 'open-data-workbench.vsix');
if (existsSync(vsix)) {
  const s = statSync(vsix);
  row(
    'VSIX size',
    '—',
    '—',
    '—',
    `${(s.size / 1e6).toFixed(2)} MB (dist/open-data-workbench.vsix, built ${s.mtime.toISOString().slice(0, 16).replace('T', ' ')})`,
  );
} else row('VSIX size', '—', '—', '—', 'n/a — run npm run package');

printTable();

// Where the time of the SCDL lint goes: one profiled run, self time by source module.
const prof = one('csv-profile', csv);
const total = Object.values(prof.groups).reduce((a, b) => a + b, 0);
console.log('');
console.log(
  `Where the time of “CSV lint + SCDL subventions schema” goes (one profiled run, self time by module; bare parse ${ms(bare.ms)}):`,
);
console.log('');
console.log('| part | time | share |');
console.log('| --- | --- | --- |');
const top = Object.entries(prof.groups).sort((a, b) => b[1] - a[1]);
for (const [name, t] of top.slice(0, 14)) console.log(`| ${name} | ${ms(t)} | ${((100 * t) / total).toFixed(0)} % |`);
const rest = top.slice(14).reduce((a, [, t]) => a + t, 0);
console.log(`| everything else (${top.length - 14} modules) | ${ms(rest)} | ${((100 * rest) / total).toFixed(0)} % |`);
