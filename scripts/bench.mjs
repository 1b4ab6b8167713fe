// `npm run bench`: throughput as ratios to a baseline measured in the same run (these machines
// are noisy). Each measure runs in its own process, so peak RSS is that measure's alone.
// Prints ONE markdown table on stdout (generation and progress lines go to stderr); keep its
// format stable: columns `measure | throughput | time vs baseline | peak RSS | notes`.
//   node scripts/bench.mjs [ROWS=500000] [--big] [--repeat=N]   (npm run bench -- --big --repeat=5; or ODW_BENCH_BIG=1, ODW_BENCH_REPEAT=5)
// --big adds a 1 GB CSV (4 650 000 rows, ~40 s to generate) and a ~200 MB XLSX (~3 min to generate),
// both linted in the real worker bundle the way "Open Data: Lint File on Disk" runs them.
// Needs `npm run build` first (dist/extension.js, dist/lint-worker.js); `npm run bench` does it.
import { createReadStream, readFileSync, existsSync, mkdirSync, openSync, closeSync, rmSync, statSync, renameSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const require = createRequire(import.meta.url);
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(REPO, 'bench-data');
const SELF = fileURLToPath(import.meta.url);
/** The worker as the extension starts it (src/vscode/worker-client.ts). */
const WORKER = join(REPO, 'dist', 'lint-worker.js');
const WORKER_OPTIONS = { resourceLimits: { maxOldGenerationSizeMb: 1024 } };
const RSS_TARGET_MB = 400;
const LAG_TARGET_MS = 100;
const ACTIVATION_TARGET_MS = 50;

/** Modules a measure loads, required before its clock starts: throughput, not start-up, is measured. */
const ENGINE_MODES = [
  'csv-lint',
  'csv-schema',
  'csv-lint-1t',
  'csv-schema-1t',
  'xlsx-lint',
  'csv-profile',
  'clean',
  'chart',
  'budget-convert',
];

const argv = process.argv.slice(2);
if (argv[0] === '--one') {
  const [, mode, file] = argv;
  const r = await measure(mode, file);
  process.stdout.write(JSON.stringify({ ...r, rss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Child measures. Each returns at least {ms}; the parent adds nothing to the child's heap.

async function measure(mode, file) {
  if (mode === 'csv-bare') require('papaparse');
  if (mode === 'xlsx-bare') require('exceljs');
  if (mode === 'xml-bare') (require('saxes'), require('iconv-lite'));
  if (ENGINE_MODES.includes(mode)) require(join(DATA, 'engine.cjs'));
  const t0 = performance.now();
  const done = (extra = {}) => ({ ms: performance.now() - t0, ...extra });
  switch (mode) {
    case 'csv-bare': {
      const Papa = require('papaparse');
      let rows = 0;
      await new Promise((res, rej) => Papa.parse(createReadStream(file, 'utf8'), { step: () => rows++, complete: res, error: rej }));
      return done({ rows });
    }
    case 'csv-lint':
    case 'csv-schema':
    case 'csv-lint-1t':
    case 'csv-schema-1t':
    case 'xlsx-lint': {
      // As the CLI and Lint File on Disk run it: a large CSV is linted in parts, one per core
      // ("-1t": in one pass on one thread).
      const { lintFile, useSplitLint } = require(join(DATA, 'engine.cjs'));
      useSplitLint(mode.endsWith('-1t') ? null : join(DATA, 'lint-part-worker.js'));
      const r = await lintFile(file, { maxProblems: 1000, schema: mode.startsWith('csv-schema') ? undefined : null });
      return done({ rows: r.rows, problems: r.diagnostics.length, schema: r.schema?.name ?? null, fatal: r.fatal ?? null });
    }
    case 'csv-profile': {
      // The SCDL lint under the V8 sampling profiler, in one pass (the profiler sees one thread);
      // self time grouped by source module.
      const { lintFile } = require(join(DATA, 'engine.cjs'));
      const { Session } = require('node:inspector');
      const session = new Session();
      session.connect();
      const post = (method, params) => new Promise((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      await lintFile(file, { maxProblems: 1000 });
      const { profile } = await post('Profiler.stop');
      return done({ groups: groupProfile(profile, join(DATA, 'engine.cjs')) });
    }
    case 'clean': {
      const { cleanCsvFile } = require(join(DATA, 'engine.cjs'));
      const out = join(DATA, 'clean-out.csv');
      try {
        const r = await cleanCsvFile(file, out, undefined, {});
        return done({ rows: r.rows, steps: r.steps.length, outBytes: statSync(out).size });
      } finally {
        rmSync(out, { force: true });
      }
    }
    case 'chart': {
      const { aggregate } = require(join(DATA, 'engine.cjs'));
      const r = await aggregate({ source: { kind: 'file', path: file }, config: null });
      const c = r.config;
      return done({ rows: r.table.rows, chart: `${c.aggregation} ${c.value ?? ''} by ${c.category}`.replace('  ', ' ') });
    }
    case 'xml-bare': {
      // The budget baseline: the same bytes decoded (ISO-8859-1) and parsed by saxes, tags counted.
      const { SaxesParser } = require('saxes');
      const decoder = require('iconv-lite').getDecoder('iso-8859-1');
      const parser = new SaxesParser({ position: false });
      let tags = 0;
      parser.on('opentag', () => tags++);
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) parser.write(decoder.write(chunk));
      parser.close();
      return done({ tags });
    }
    case 'budget-convert': {
      const { convertActToFile } = require(join(DATA, 'engine.cjs'));
      const out = join(DATA, 'budget-out.csv');
      try {
        const r = await convertActToFile(file, out, { baseUrl: null, cacheDir: null });
        return done({
          rows: r.rows,
          subtotals: r.subtotals,
          outBytes: statSync(out).size,
          problems: r.problems.filter((p) => p.severity !== 'info').length,
        });
      } finally {
        rmSync(out, { force: true });
      }
    }
    case 'xlsx-bare': {
      const ExcelJS = require('exceljs');
      let rows = 0;
      let cells = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        sharedStrings: 'cache',
        styles: 'cache',
        worksheets: 'emit',
        hyperlinks: 'ignore',
      });
      for await (const sheet of reader)
        for await (const row of sheet) {
          rows++;
          row.eachCell(() => cells++);
        }
      return done({ rows, cells });
    }
    case 'worker-lint':
    case 'worker-lint-progress':
      return lintInWorker(file, mode === 'worker-lint-progress');
    case 'activation':
      return activation();
    case 'catalog-detect':
    case 'fr-format':
      return catalogMeasure(mode);
    default:
      throw new Error(`unknown measure ${mode}`);
  }
}

/**
 * The schema catalog's measures, on its own bundle (catalog.cjs): header detection across every
 * table schema and version of the catalog, and the fr-format checks' values per second on one
 * core. The catalog and the reference data are loaded before the clock, as in a running session.
 */
function catalogMeasure(mode) {
  const { detectSchema, currentCatalog, frFormatChecks } = require(join(DATA, 'catalog.cjs'));
  if (mode === 'catalog-detect') {
    const l0 = performance.now();
    const cat = currentCatalog();
    const headers = [];
    for (const t of cat.tables)
      for (const v of t.versions) {
        const d = cat.descriptor(t, v.version);
        if (d) headers.push(d.fields.map((f) => f.name.toUpperCase()).slice(0, Math.max(3, d.fields.length - 2)));
      }
    detectSchema(headers[0]);
    const loadMs = performance.now() - l0;
    const t0 = performance.now();
    let found = 0;
    for (let r = 0; r < 3; r++) for (const h of headers) if (detectSchema(h)) found++;
    const n = headers.length * 3;
    return { ms: performance.now() - t0, headers: n, found, loadMs, versions: headers.length };
  }
  // Values as files hold them: every commune code of the COG and every postal code (a column
  // repeats them, so each is judged once), one in ten damaged; SIRETs all different (none
  // judged twice), one in ten with a wrong digit.
  const ref = require(join(REPO, 'dist/vendor/fr-ref.js')).buildReference();
  const damage = (list) => list.map((v, i) => (i % 10 === 9 ? v.slice(1) : v));
  const lists = {
    'code-commune-insee': damage(Object.keys(ref.communes)),
    'code-postal': damage(ref.postalCodes),
  };
  /** The Luhn key that makes `body` + key valid. */
  const luhnKey = (body) => {
    let sum = 0;
    for (let k = 0; k < body.length; k++) {
      let d = body.charCodeAt(body.length - 1 - k) - 48;
      if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return String((10 - (sum % 10)) % 10);
  };
  // A valid SIREN (8 digits + key), a NIC, the whole number's key; one in ten keys spoilt.
  const siretAt = (i) => {
    const siren8 = String(10_000_000 + ((i * 7919) % 89_999_999));
    const body = siren8 + luhnKey(siren8) + String(i % 10_000).padStart(4, '0');
    const key = luhnKey(body);
    return body + (i % 10 === 9 ? String((Number(key) + 1) % 10) : key);
  };
  const N = 1_000_000;
  const rowsOf = (name) =>
    name === 'siret'
      ? Array.from({ length: N }, (_, i) => ({ values: [siretAt(i)] }))
      : Array.from({ length: N }, (_, i) => ({ values: [lists[name][i % lists[name].length]] }));
  let reported = 0;
  let ms = 0;
  for (const name of ['code-commune-insee', 'code-postal', 'siret']) {
    const check = frFormatChecks.find((c) => c.name === name);
    const env = {
      lang: 'en',
      field: () => 0,
      declared: () => true,
      typeOf: () => 'string',
      raw: (r) => r.values[0],
      full: () => true,
      cell: () => void reported++,
      row: () => {},
      table: () => {},
    };
    const rc = check.create({ column: 'v' }, env);
    const rows = rowsOf(name);
    const t0 = performance.now();
    for (const r of rows) rc.row(r, r.values);
    ms += performance.now() - t0;
  }
  return { ms, values: 3 * N, reported };
}

/**
 * "Lint File on Disk" as the extension runs it: the real worker bundle, its message protocol
 * and resource limits, with the same options (schema detected from the header). Meanwhile this
 * (host) thread samples its event loop every 10 ms: the worst extra delay is how long the
 * host would have been blocked.
 */
async function lintInWorker(file, logProgress) {
  const { Worker } = require('node:worker_threads');
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  const t0 = performance.now();
  const w = new Worker(WORKER, WORKER_OPTIONS);
  let progress = 0;
  let nextLog = 0.1;
  const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;
  const out = await new Promise((resolve) => {
    w.on('message', (m) => {
      if ('progress' in m) {
        progress++;
        const [d, t] = m.progress;
        if (logProgress && d / t >= nextLog - 1e-9) {
          process.stderr.write(
            `  progress ${Math.round((100 * d) / t)} % (${mb(d)} of ${mb(t)}) after ${((performance.now() - t0) / 1000).toFixed(1)} s, RSS ${mb(process.memoryUsage().rss)}\n`,
          );
          while (d / t >= nextLog - 1e-9) nextLog += 0.1;
        }
        return;
      }
      if ('result' in m)
        resolve({
          rows: m.result.rows,
          problems: m.result.diagnostics.length,
          fatal: m.result.fatal ?? null,
          schema: m.result.schema?.name ?? null,
        });
      else resolve({ error: m.error });
    });
    w.on('error', (e) => resolve({ error: `${e.code ?? ''} ${e.message}`.trim() }));
    w.on('exit', (code) => resolve({ error: `worker exited with code ${code}` }));
    w.postMessage({ id: 1, task: 'lintFile', args: { path: file, options: { lang: 'en', maxProblems: 1000 } } });
  });
  const ms = performance.now() - t0;
  clearInterval(timer);
  await w.terminate();
  return { ms, ...out, progress, lag: worst };
}

/**
 * require + activate() of the bundled dist/extension.js with a stub `vscode` module: every
 * property is a callable, constructible stub, so activation runs its real code paths (workers
 * are started lazily, so none starts here). Not the real host: its own cost is left out.
 */
async function activation() {
  const Module = require('node:module');
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
  };
  // esbuild's ESM interop copies the module's own property names: give it the ones the bundle uses.
  const bundle = join(REPO, 'dist', 'extension.js');
  const vscodeApi = {};
  for (const [, name] of readFileSync(bundle, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g))
    vscodeApi[name] ??= stub(`vscode.${name}`);
  Module._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeApi };
  const memento = () => ({ get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync: () => {} });
  const real = {
    subscriptions: [],
    extensionPath: REPO,
    workspaceState: memento(),
    globalState: memento(),
    extensionMode: 3,
    // The schema catalog's updatable copy lives there (src/vscode/catalog.ts); created lazily.
    globalStorageUri: { fsPath: join(DATA, 'global-storage'), scheme: 'file' },
    asAbsolutePath: (p) => join(REPO, p),
  };
  const context = new Proxy(real, { get: (o, k) => (k in o ? o[k] : stub(`context.${String(k)}`)) });
  const t0 = performance.now();
  const ext = require(bundle);
  const t1 = performance.now();
  const api = ext.activate(context);
  const t2 = performance.now();
  return {
    ms: t2 - t0,
    requireMs: t1 - t0,
    activateMs: t2 - t1,
    subscriptions: real.subscriptions.length,
    selfReported: typeof api?.activationMs === 'number' ? api.activationMs : null,
  };
}

function stub(name) {
  const members = new Map();
  return new Proxy(function () {}, {
    get(target, key) {
      if (key === 'then') return undefined;
      if (key === 'prototype') return target.prototype;
      if (key === Symbol.toPrimitive) return (hint) => (hint === 'number' ? 0 : name);
      if (key === Symbol.iterator) return function* () {};
      if (typeof key === 'symbol') return undefined;
      if (!members.has(key)) members.set(key, stub(`${name}.${key}`));
      return members.get(key);
    },
    set(_target, key, value) {
      members.set(key, value);
      return true;
    },
    // `config.get(key, fallback)` answers the fallback.
    apply: (_t, _this, args) => (name.endsWith('.get') && args.length > 1 ? args[1] : stub(`${name}()`)),
    construct(_target, _args, newTarget) {
      const o = Reflect.construct(function () {}, [], newTarget);
      const extra = new Map();
      return new Proxy(o, {
        get(obj, key, receiver) {
          if (key in obj || typeof key === 'symbol' || key === 'then') return Reflect.get(obj, key, receiver);
          if (!extra.has(key)) extra.set(key, stub(`${name}#${key}`));
          return extra.get(key);
        },
      });
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Parent: data, bundle, one child per measure, one table.

const big = argv.includes('--big') || process.env.ODW_BENCH_BIG === '1';
const rows = Number(argv.find((a) => /^\d+$/.test(a)) ?? 500000);
const REPEAT = Math.max(
  1,
  Math.floor(Number(argv.find((a) => a.startsWith('--repeat='))?.slice(9) ?? process.env.ODW_BENCH_REPEAT ?? 1)) || 1,
);
mkdirSync(DATA, { recursive: true });
const log = (s) => process.stderr.write(`${s}\n`);

function csvFile(n) {
  const file = join(DATA, `subventions-${n}.csv`);
  if (existsSync(file)) return file;
  log(`generating ${file}…`);
  const fd = openSync(`${file}.part`, 'w');
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench/gen-subventions.mjs'), String(n)], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (r.status !== 0) throw new Error(`generator failed (${r.status})`);
  renameSync(`${file}.part`, file);
  return file;
}

function odsFile(n) {
  const file = join(DATA, `bench-${n}x16.ods`);
  if (existsSync(file)) return file;
  log(`generating ${file}…`);
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench/gen-ods.mjs'), `${file}.part`, String(n)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`ods generator failed (${r.status})`);
  renameSync(`${file}.part`, file);
  return file;
}

function xlsxFile(n, extra) {
  const file = join(DATA, `bench-${n}x${16 + extra}.xlsx`);
  if (existsSync(file)) return file;
  log(`generating ${file}…`);
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench/gen-xlsx.mjs'), `${file}.part`, String(n), String(extra)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`xlsx generator failed (${r.status})`);
  renameSync(`${file}.part`, file);
  return file;
}

for (const f of [WORKER, join(REPO, 'dist', 'extension.js')])
  if (!existsSync(f)) throw new Error(`missing ${f}: run npm run build (npm run bench does)`);
const csv = csvFile(rows);
const csv50 = csvFile(232000); // ~50 MB: the size VS Code stops handing to extensions
const xlsx = xlsxFile(100000, 0);
const ods = odsFile(100000);
const csvBig = big ? csvFile(4650000) : null; // ~1.0 GB
const act50 = join(DATA, 'budget-act-50mb.xml');
if (!existsSync(act50)) {
  log(`generating ${act50}…`);
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench/gen-budget.mjs'), `${act50}.part`, '50'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`budget generator failed (${r.status})`);
  renameSync(`${act50}.part`, act50);
}
/** The largest shared act (a CFU), as copied into the test fixtures. */
const actShared = join(REPO, 'test/fixtures/budget/cases/mohon-cfu-2023-m57a/totem.xml');
const xlsxBig = big ? xlsxFile(905000, 14) : null; // ~200 MB, one sheet under Excel's row limit

// Bundle the engine as a library, exactly as the CLI and the worker ship it.
const esbuild = await import('esbuild');
await esbuild.build({
  stdin: {
    contents:
      "export { lintFile } from './src/core/lint-file'; export { useSplitLint } from './src/core/split/split-lint'; export { cleanCsvFile } from './src/core/clean/clean-stream'; export { aggregate } from './src/core/chart/aggregate'; export { convertActToFile } from './src/core/budget/convert';",
    resolveDir: REPO,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: join(DATA, 'engine.cjs'),
  logLevel: 'error',
});
// The catalog and fr-format measures' own bundle (packages stay external: the reference data is
// built from them on first use, before the clock).
await esbuild.build({
  stdin: {
    contents:
      "export { detectSchema } from './src/core/schema/detect'; export { currentCatalog } from './src/core/catalog/load'; export { frFormatChecks } from './src/core/checks/registry';",
    resolveDir: REPO,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: join(DATA, 'catalog.cjs'),
  logLevel: 'error',
});
// The split lint's part worker, next to the engine as in dist/ (lintFile lints large CSVs on several cores).
await esbuild.build({
  entryPoints: [join(REPO, 'src/core/worker/lint-part-worker.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: join(DATA, 'lint-part-worker.js'),
  logLevel: 'error',
});

const sizeMB = (f) => statSync(f).size / 1e6;

/**
 * Self time of a V8 CPU profile by source module: esbuild writes `// src/core/rules/x.ts` before
 * each module of a non-minified bundle, so a line number names its module. Native frames
 * (regular expressions, decoding, GC) are their own group.
 */
function groupProfile(profile, bundle) {
  const starts = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\/\/ (\S+\.(?:ts|js|json))$/.exec(l);
      if (m) starts.push([i, m[1].replace(/^node_modules\/([^/]+)\/.*/, 'node_modules/$1')]);
    });
  const moduleAt = (line) => {
    let lo = 0,
      hi = starts.length - 1,
      found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= line) {
        found = starts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = {};
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = f.url.endsWith('engine.cjs')
      ? moduleAt(f.lineNumber)
      : f.url.startsWith('node:') || f.url.includes('internal')
        ? '(node: file reading, UTF-8 decoding)'
        : f.functionName.startsWith('RegExp')
          ? '(regular expressions)'
          : f.functionName === '(garbage collector)'
            ? '(garbage collector)'
            : f.functionName === '(program)' || f.functionName === '(idle)'
              ? '(idle, program)'
              : `(native: ${f.functionName || 'other'})`;
    groups[name] = (groups[name] ?? 0) + profile.timeDeltas[i] / 1000;
  });
  return groups;
}
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

const mb = sizeMB(csv);
// --repeat=N: the five CSV lint measures run N times, interleaved (a noisy minute hits them all),
// and each row shows its median run, with the range in its notes.
const runs = { 'csv-bare': [], 'csv-lint': [], 'csv-schema': [], 'csv-lint-1t': [], 'csv-schema-1t': [] };
for (let r = 0; r < REPEAT; r++) for (const mode of Object.keys(runs)) runs[mode].push(one(mode, csv));
const median = (list) => [...list].sort((a, b) => a.ms - b.ms)[(list.length - 1) >> 1];
const spread = (mode) =>
  REPEAT > 1
    ? `; median of ${REPEAT} interleaved runs (${runs[mode]
        .map((m) => (mb / (m.ms / 1000)).toFixed(1))
        .sort((a, b) => a - b)
        .join(', ')} MB/s)`
    : '';
const [bare, lint, schema, lint1, schema1] = Object.values(runs).map(median);
const clean = one('clean', csv);
const chart = one('chart', csv);
const xmb = sizeMB(xlsx);
const xbare = one('xlsx-bare', xlsx);
const xlint = one('xlsx-lint', xlsx);
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
row('XLSX bare exceljs streaming read — baseline', fmtMBs(xmb, xbare), fmtX(1), fmtRss(xbare), xNote);
row(
  'XLSX lint (no schema)',
  fmtMBs(xmb, xlint),
  fmtX(xlint.ms / xbare.ms),
  fmtRss(xlint),
  `${xlint.problems} problems${xlint.fatal ? `; FATAL ${xlint.fatal}` : ''}; byte scanner (target ≤ 0.20×)`,
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

for (const [label, file] of [
  ['50 MB generated act', act50],
  ['largest shared act (CFU)', actShared],
]) {
  const amb = sizeMB(file);
  const xb = one('xml-bare', file);
  const conv = one('budget-convert', file);
  const note = `${amb.toFixed(1)} MB XML, ${conv.rows} rows written, ${conv.subtotals} subtotals left out`;
  row(`Budget act bare saxes parse, ${label} — baseline`, fmtMBs(amb, xb), fmtX(1), fmtRss(xb), `${xb.tags} elements; ISO-8859-1 decoded`);
  row(
    `Budget act → SCDL budget CSV, ${label}`,
    fmtMBs(amb, conv),
    fmtX(conv.ms / xb.ms),
    fmtRss(conv),
    `${note}; targets ≥ 20 MB/s and RSS < 300 MB on 50 MB: ${amb / (conv.ms / 1000) >= 20 && conv.rss / 2 ** 20 < 300 ? 'met' : 'NOT met'}`,
  );
}

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

console.log('| measure | throughput | time vs baseline | peak RSS | notes |');
console.log('| --- | --- | --- | --- | --- |');
for (const l of lines) console.log(l);

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
