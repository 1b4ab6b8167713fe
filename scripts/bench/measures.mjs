// The bench's child measures: `node scripts/bench.mjs --one MODE FILE` runs one of them in its own
// process (so peak RSS is that measure's alone) and prints {ms, rss, …} as JSON for the parent.
import { createReadStream, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(REPO, 'bench-data');
const WORKER = join(REPO, 'dist', 'lint-worker.js');
/** The split lint's part worker as the product ships it (its French reference data in dist/vendor, read on first use). */
const PART_WORKER = join(REPO, 'dist', 'lint-part-worker.js');
const WORKER_OPTIONS = { resourceLimits: { maxOldGenerationSizeMb: 1024 } };

/** Modules a measure loads, required before its clock starts: throughput, not start-up, is measured. */
const ENGINE_MODES = [
  'csv-lint',
  'csv-schema',
  'csv-lint-1t',
  'csv-schema-1t',
  'xlsx-lint',
  'csv-profile',
  'xlsx-profile',
  'clean',
  'chart',
  'budget-convert',
];

export async function measure(mode, file) {
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
      useSplitLint(mode.endsWith('-1t') ? null : PART_WORKER);
      const r = await lintFile(file, { maxProblems: 1000, schema: mode.startsWith('csv-schema') ? undefined : null });
      return done({ rows: r.rows, problems: r.diagnostics.length, schema: r.schema?.name ?? null, fatal: r.fatal ?? null });
    }
    case 'csv-profile':
    case 'xlsx-profile': {
      // The SCDL lint (a workbook: without schema) under the V8 sampling profiler, in one pass
      // (the profiler sees one thread); self time grouped by source module.
      const { lintFile } = require(join(DATA, 'engine.cjs'));
      const { Session } = require('node:inspector');
      const session = new Session();
      session.connect();
      const post = (method, params) => new Promise((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      await lintFile(file, { maxProblems: 1000, schema: mode === 'xlsx-profile' ? null : undefined });
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
