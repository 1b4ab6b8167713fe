// `npm run bench`: throughput as ratios to a baseline measured in the same run (these machines
// are noisy). Each measure runs in its own process, so peak RSS is that measure's alone.
// Prints one table; keep its format stable.
//   node scripts/bench.mjs [ROWS=500000]
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [, self, first, second] = process.argv;

if (first === '--one') {
  // Child: one measure, then {ms, rss} on stdout.
  const [mode, file] = [second, process.argv[4]];
  const t0 = performance.now();
  if (mode === 'papaparse') {
    const Papa = require('papaparse');
    await new Promise((resolve, reject) => Papa.parse(createReadStream(file, 'utf8'), { step: () => {}, complete: resolve, error: reject }));
  } else {
    const { lintFile } = require('../bench-data/engine.cjs');
    await lintFile(file, { maxProblems: 1000, schema: mode === 'lint' ? null : undefined });
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const rows = Number(first ?? 500000);
mkdirSync('bench-data', { recursive: true });
const file = `bench-data/subventions-${rows}.csv`;
if (!existsSync(file)) {
  console.error(`generating ${file}…`);
  writeFileSync(file, execFileSync(process.execPath, ['scripts/bench/gen-subventions.mjs', String(rows)], { maxBuffer: 2 ** 31 }));
}
// Bundle the engine as a library, exactly as the CLI and the worker ship it.
const esbuild = await import('esbuild');
await esbuild.build({ entryPoints: ['src/core/lint-file.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'bench-data/engine.cjs', logLevel: 'error' });

const mb = statSync(file).size / 1e6;
const one = (mode) => JSON.parse(execFileSync(process.execPath, [self, '--one', mode, file], { encoding: 'utf8' }));
const bare = one('papaparse');
const lint = one('lint');
const schema = one('lint+schema');
const row = (name, m) => `| ${name} | ${(mb / (m.ms / 1000)).toFixed(1)} MB/s | ${(m.ms / bare.ms).toFixed(2)}× | ${(m.rss / 2 ** 20).toFixed(0)} MB |`;
console.log(`file: ${file} (${mb.toFixed(1)} MB, ${rows} rows)`);
console.log('| measure | throughput | time vs bare parse | peak RSS |');
console.log('| --- | --- | --- | --- |');
console.log(row('CSV bare papaparse (stream)', bare));
console.log(row('CSV lint, structure rules (no schema)', lint));
console.log(row('CSV lint + SCDL subventions schema', schema));
