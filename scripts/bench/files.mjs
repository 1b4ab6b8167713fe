// The bench's input files, generated once into bench-data/ (deterministic generators in this
// folder) and reused by later runs: delete bench-data/ to regenerate them.
import { closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = join(REPO, 'bench-data');
const log = (s) => process.stderr.write(`${s}\n`);
mkdirSync(DATA, { recursive: true });

export function csvFile(n) {
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

export function odsFile(n) {
  const file = join(DATA, `bench-${n}x16.ods`);
  if (existsSync(file)) return file;
  log(`generating ${file}…`);
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench/gen-ods.mjs'), `${file}.part`, String(n)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`ods generator failed (${r.status})`);
  renameSync(`${file}.part`, file);
  return file;
}

export function xlsxFile(n, extra) {
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

export function budgetActFile() {
  const file = join(DATA, 'budget-act-50mb.xml');
  if (existsSync(file)) return file;
  log(`generating ${file}…`);
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/bench/gen-budget.mjs'), `${file}.part`, '50'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`budget generator failed (${r.status})`);
  renameSync(`${file}.part`, file);
  return file;
}
