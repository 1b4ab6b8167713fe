// Hostile CSV/TSV inputs through the built CLI (lint and clean), each in its own process:
// a report or a clear error within 10 s and 1 GB, never a crash or an internal message.
// Work must be linear in the input (issue #16, items 9 and 10). Inputs are generated here
// and deleted afterwards.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_CSVS } from '../../hostile/csv';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-hostile-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
// Prints the peak resident memory of the CLI process when it exits.
const preload = join(dir, 'rss.js');
writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nmaxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));\n");
const CLI = join(ROOT, 'dist', 'cli.js');
const TIME_MS = 10_000;
const MEMORY_KB = 1024 * 1024;

function cli(...args: string[]) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 4 * TIME_MS,
  });
  const ms = Date.now() - t0;
  const rss = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ...r, ms, rss };
}

for (const h of HOSTILE_CSVS) {
  test(`hostile ${h.name}: lint and clean within 10 s and 1 GB`, () => {
    const file = join(dir, h.name);
    writeFileSync(file, h.bytes());
    const lint = cli('lint', file, '--format', 'json');
    assert.ok(lint.status === 0 || lint.status === 1, `lint exit ${lint.status}: ${lint.stderr.slice(0, 300)}`);
    assert.ok(lint.ms < TIME_MS, `lint took ${lint.ms} ms`);
    assert.ok(lint.rss < MEMORY_KB, `lint peak ${Math.round(lint.rss / 1024)} MB`);
    assert.doesNotMatch(lint.stderr, /Maximum call stack|odw: /);
    const report = JSON.parse(lint.stdout).files[0];
    if (h.delimiter) assert.equal(report.delimiter, h.delimiter);
    // A diagnostic names its column by a short excerpt, never by a 5 MB label or cell.
    for (const d of report.diagnostics) {
      assert.ok((d.field ?? '').length <= 200, `field of ${d.rule}: ${String(d.field).length} characters`);
      assert.ok(d.message.length <= 500, `message of ${d.rule}: ${d.message.length} characters`);
    }
    assert.ok(lint.stdout.length < 2 * 1024 * 1024, `report of ${lint.stdout.length} bytes`);

    const out = join(dir, `clean-${h.name}`);
    const clean = cli('clean', file, '--out', out);
    assert.equal(clean.status, 0, `clean exit ${clean.status}: ${clean.stderr.slice(0, 300)}`);
    assert.ok(clean.ms < TIME_MS, `clean took ${clean.ms} ms`);
    assert.ok(clean.rss < MEMORY_KB, `clean peak ${Math.round(clean.rss / 1024)} MB`);
    assert.ok(clean.stdout.length < 64 * 1024, `clean printed ${clean.stdout.length} bytes`);
    assert.ok(statSync(out).size > 0);
    rmSync(file);
    rmSync(out);
  });
}
