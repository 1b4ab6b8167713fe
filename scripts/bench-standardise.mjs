#!/usr/bin/env node
// Standardise benchmark: the webview's preview (first 5 000 rows mapped, then validated
// against the schema) and a streamed standardisation of a large CSV with its peak memory.
// Input: a synthetic subsidies file (scripts/bench/gen-subventions.mjs) whose header is rewritten
// with the schema's French titles, so every column goes through the proposal.
//   node scripts/bench-standardise.mjs [--rows 470000] [--runs 5] [--json]   (--json: one JSON line, for scripts/bench.mjs)
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const bigRows = arg('--rows', 470000);
const json = process.argv.includes('--json');
const runs = arg('--runs', 5);

const tmp = mkdtempSync(join(tmpdir(), 'odw-bench-std-'));
const bundle = join(tmp, 'std.cjs');
await esbuild.build({
  stdin: {
    contents:
      "export * from './src/core/standardise/task'; export * from './src/core/standardise/run'; export * from './src/core/standardise/target'; export * from './src/core/standardise/propose'; export * from './src/core/standardise/read';",
    resolveDir: REPO,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const core = (await import(pathToFileURL(bundle).href)).default;
const target = core.resolveTarget('scdl/subventions');
const titles = Object.fromEntries(target.fields.map((f) => [f.name, f.title]));

/** A generated subsidies CSV with the French titles as header. */
async function dataset(rows) {
  mkdirSync(join(REPO, 'bench-data'), { recursive: true });
  const scdl = join(REPO, 'bench-data', `subventions-${rows}.csv`);
  if (!existsSync(scdl)) {
    const fd = openSync(scdl, 'w');
    execFileSync(process.execPath, [join(REPO, 'scripts/bench/gen-subventions.mjs'), String(rows)], { stdio: ['ignore', fd, 'inherit'] });
    closeSync(fd);
  }
  const out = join(tmp, `titles-${rows}.csv`);
  const w = createWriteStream(out);
  let first = true;
  for await (const line of createInterface({ input: createReadStream(scdl) })) {
    w.write(
      (first
        ? line
            .split(',')
            .map((h) => `"${titles[h] ?? h}"`)
            .join(',')
        : line) + '\n',
    );
    first = false;
  }
  await new Promise((r) => w.end(r));
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const small = await dataset(5000);
const proposal = await core.proposeTask({ source: { path: small } });
const mapped = proposal.result.proposal.filter((f) => f.source).length;
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const r = await core.previewTask({ source: { path: small }, spec: proposal.result.spec, rows: 5000, lang: 'en' });
  times.push(performance.now() - t);
  if (!r.ok || r.result.checked !== 5000) throw new Error('preview failed');
}
if (!json)
  console.log(
    `standardise preview, 5 000 rows (map + schema validation): median ${median(times).toFixed(0)} ms over ${runs} runs (target < 200 ms); proposal mapped ${mapped}/${target.fields.length} fields from French titles`,
  );

const big = await dataset(bigRows);
const mb = statSync(big).size / 1e6;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t = performance.now();
const out = join(tmp, 'out.csv');
const r = await core.standardiseToFile(proposal.result.spec, target, { path: big }, out);
const s = (performance.now() - t) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
if (json)
  console.log(
    JSON.stringify({ previewMs: median(times), runs, mapped, fields: target.fields.length, mb, rows: r.rows, seconds: s, peakRss: peak }),
  );
else
  console.log(
    `standardise stream, ${mb.toFixed(0)} MB (${r.rows} rows): ${s.toFixed(1)} s = ${(mb / s).toFixed(0)} MB/s, peak RSS ${(peak / 1e6).toFixed(0)} MB`,
  );
rmSync(tmp, { recursive: true, force: true });
