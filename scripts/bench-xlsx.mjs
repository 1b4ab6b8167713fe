#!/usr/bin/env node
// Spreadsheet lint benchmark, in detail (best of N runs; `npm run bench` runs it once in its table): a 100 000-row × 16-column XLSX (generated once with exceljs's
// streaming writer) linted by lintSpreadsheetFile, against exceljs's bare streaming read
// of the same file, in the same run. Each measure runs in its own child process so its
// peak RSS is its own. Target: lint ≤ 1.5 × the bare read.
//   node scripts/bench-xlsx.mjs [--rows 100000] [--runs 3] [--file bench-data/bench-100000x16.xlsx]
import * as esbuild from 'esbuild';
import ExcelJS from 'exceljs';
import { generateXlsx } from './bench/gen-xlsx.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const rows = Number(opt('--rows', 100000));
const runs = Number(opt('--runs', 3));
const file = resolve(opt('--file', join(REPO, 'bench-data', `bench-${rows}x16.xlsx`)));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function generate() {
  await generateXlsx(file, rows);
}

async function bareRead() {
  const t0 = process.hrtime.bigint();
  let n = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      n++;
      row.eachCell(() => cells++);
    }
  }
  return { ms: ms(t0), rows: n, cells };
}

async function lint() {
  const tmp = mkdtempSync(join(tmpdir(), 'odw-bench-xlsx-'));
  const bundle = join(tmp, 'lint-sheet.cjs');
  await esbuild.build({
    entryPoints: [join(REPO, 'src/core/sheet/lint-sheet.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { lintSpreadsheetFile } = (await import(pathToFileURL(bundle).href)).default;
  rmSync(tmp, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const report = await lintSpreadsheetFile(file, { lang: 'en' });
  return { ms: ms(t0), rows: report.rows, problems: report.diagnostics.length, fatal: report.fatal };
}

// Child mode: run one measure, print it with this process's peak RSS.
const mode = opt('--measure', null);
if (mode) {
  const r = mode === 'bare' ? await bareRead() : await lint();
  process.stdout.write(JSON.stringify({ ...r, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

if (!existsSync(file)) {
  const t0 = process.hrtime.bigint();
  await generate();
  console.log(`generated ${file} (${rows} rows × 16 columns) in ${(ms(t0) / 1000).toFixed(1)} s`);
}
const measure = (m) =>
  JSON.parse(
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', m, '--file', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  );
const results = { bare: [], lint: [] };
for (let i = 0; i < runs; i++) for (const m of ['bare', 'lint']) results[m].push(measure(m));
const best = (list) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
const bare = best(results.bare);
const linted = best(results.lint);
console.log(`file: ${file}`);
console.log(`exceljs bare streaming read: ${bare.ms.toFixed(0)} ms, ${bare.rows} rows, ${bare.cells} cells, peak RSS ${bare.rssMB} MB`);
console.log(
  `lintSpreadsheetFile:         ${linted.ms.toFixed(0)} ms, ${linted.rows} data rows, ${linted.problems} problems${linted.fatal ? `, FATAL ${linted.fatal}` : ''}, peak RSS ${linted.rssMB} MB`,
);
console.log(`ratio lint / bare read: ${(linted.ms / bare.ms).toFixed(2)} (target ≤ 1.5; best of ${runs} runs each)`);
