// `npm run bench`: throughput figures as ratios to a baseline measured in the same run,
// because these machines are noisy. Prints one table; keep its format stable.
//   node scripts/bench.mjs [ROWS=500000]
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import Papa from 'papaparse';

const require = createRequire(import.meta.url);
const rows = Number(process.argv[2] ?? 500000);
mkdirSync('bench-data', { recursive: true });
const file = `bench-data/subventions-${rows}.csv`;
if (!existsSync(file)) {
  console.error(`generating ${file}…`);
  writeFileSync(file, execFileSync(process.execPath, ['scripts/bench/gen-subventions.mjs', String(rows)], { maxBuffer: 2 ** 31 }));
}
const mb = statSync(file).size / 1e6;

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}
// Bundle the engine as a library, exactly as the CLI and the worker ship it.
const esbuild = await import('esbuild');
await esbuild.build({ entryPoints: ['src/core/lint-file.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'bench-data/engine.cjs', logLevel: 'error' });
const { lintFile } = require('../bench-data/engine.cjs');

const papaStream = () =>
  new Promise((resolve, reject) => {
    let n = 0;
    Papa.parse(createReadStream(file, 'utf8'), { step: () => n++, complete: () => resolve(n), error: reject });
  });

const results = [];
const bare = await time(papaStream);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
let report;
const lint = await time(async () => (report = await lintFile(file, { maxProblems: 1000 })));
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
results.push(['CSV bare papaparse (stream)', `${(mb / bare).toFixed(1)} MB/s`, '1.00×']);
results.push(['CSV full lint', `${(mb / lint).toFixed(1)} MB/s`, `${(lint / bare).toFixed(2)}×`]);
results.push(['peak RSS during lint', `${(peak / 2 ** 20).toFixed(0)} MB`, '']);

console.log(`file: ${file} (${mb.toFixed(1)} MB, ${report.rows} rows, ${report.diagnostics.length} diagnostics kept)`);
console.log('| measure | value | ratio to bare parse |');
console.log('| --- | --- | --- |');
for (const r of results) console.log(`| ${r.join(' | ')} |`);
