// Hostile workbooks (#16) through the real CLI (dist/cli.js, each in its own process with a
// 1 GB heap) and the real worker (dist/lint-worker.js, with the extension's resourceLimits):
// each ends in a report or a clear `source-error` naming the limit, within 10 s and 1 GB.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintSpreadsheetFile } from '../../../src/core/sheet/lint-sheet';
import { ROOT } from '../helpers';
import { tmp, tmpPath } from './build';
import { HOSTILE_SHEETS, rawOds } from './hostile-build';

const TIME_MS = 10_000;
const RSS_MB = 1024;
/** Prints the process's peak RSS on exit, whatever way the CLI ends. */
const preload = join(tmp, 'rss.cjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));");

const built = Promise.all(HOSTILE_SHEETS.map(async (h) => ({ ...h, path: await write(h.name, await h.bytes()) })));
async function write(name: string, bytes: Buffer): Promise<string> {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

for (const h of HOSTILE_SHEETS) {
  test(`CLI: ${h.name} ends in ${h.expect === 'report' ? 'a report' : `a ${h.expect} error`} within ${TIME_MS / 1000} s and ${RSS_MB} MB`, async () => {
    const { path } = (await built).find((b) => b.name === h.name)!;
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=1024',
        '--require',
        preload,
        join(ROOT, 'dist', 'cli.js'),
        'lint',
        path,
        '--format',
        'json',
        '--max-problems',
        '50',
      ],
      {
        encoding: 'utf8',
        timeout: TIME_MS * 2,
        maxBuffer: 64 << 20,
      },
    );
    const ms = performance.now() - t0;
    assert.equal(r.signal, null, `killed (${r.signal}) after ${ms.toFixed(0)} ms`);
    assert.ok(ms < TIME_MS, `${ms.toFixed(0)} ms`);
    const rss = Number(/RSS_KB (\d+)/.exec(r.stderr)?.[1]) / 1024;
    assert.ok(rss < RSS_MB, `peak RSS ${rss.toFixed(0)} MB`);
    const [file] = JSON.parse(r.stdout).files;
    const fatal = file.diagnostics.find((d: { rule: string }) => d.rule === 'source-error')?.message;
    if (h.expect === 'report') {
      assert.equal(fatal, undefined, fatal);
      assert.ok(file.rows >= 1);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
    } else {
      assert.equal(r.status, 2, 'unreadable input');
      assert.match(fatal, h.expect === 'limit' ? /safety limit of the reader/ : /zip bomb/);
      if (h.says) assert.match(fatal, h.says);
      assert.deepEqual(file.diagnostics.map((d: { rule: string }) => d.rule).slice(-1), ['source-error']);
    }
  });
}

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
  cancelled?: boolean;
}

test('worker: inventory, lint and grid of every hostile workbook answer in time, and the worker stays alive', async () => {
  const files = await built;
  const worker = new Worker(join(ROOT, 'dist', 'lint-worker.js'), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  let died: Error | number | null = null;
  worker.on('error', (e) => (died = e));
  worker.on('exit', (code) => (died ??= code));
  const waiting = new Map<number, (r: Reply) => void>();
  worker.on('message', (m: Reply & { progress?: unknown }) => {
    if (m.progress === undefined) waiting.get(m.id)?.(m);
  });
  let id = 0;
  const run = (task: string, args: unknown) =>
    new Promise<Reply>((resolve, reject) => {
      const n = ++id;
      const timer = setTimeout(() => reject(new Error(`${task} took over ${TIME_MS} ms`)), TIME_MS);
      waiting.set(n, (r) => (clearTimeout(timer), resolve(r)));
      worker.postMessage({ id: n, task, args });
    });
  try {
    // The Stages inventory runs this on activation, for every workbook of the folder.
    const inv = await run('inspectTables', { paths: files.map((f) => f.path) });
    assert.equal(inv.error, undefined, inv.error);
    assert.equal((inv.result as unknown[]).length, files.length);
    for (const f of files) {
      const lint = await run('lintFile', { path: f.path, options: { maxProblems: 50, schema: null } });
      assert.equal(lint.error, undefined, `${f.name}: ${lint.error}`);
      const report = lint.result as { fatal?: string };
      assert.equal(report.fatal === undefined, f.expect === 'report', `${f.name}: ${report.fatal}`);
      const grid = await run('openSheetGrid', { key: f.name, path: f.path });
      if (f.expect === 'report') assert.equal(grid.error, undefined, `${f.name}: ${grid.error}`);
      else assert.match(grid.error ?? '', /limit|zip bomb/, f.name);
    }
    assert.equal(died, null, 'the worker is still alive');
  } finally {
    await worker.terminate();
  }
});

test('a long workbook read stops soon after its signal aborts, even inside one XML chunk', async () => {
  // Twenty cells repeated: a few hundred bytes of XML, a second of rows (up to the 1 million cells any file may hold).
  const path = tmpPath('.ods');
  const head =
    '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>b</text:p></table:table-cell></table:table-row>';
  writeFileSync(
    path,
    await rawOds(
      `<table:table table:name="S">${head}<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="20" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>`,
    ),
  );
  const ac = new AbortController();
  const t0 = performance.now();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(lintSpreadsheetFile(path, { signal: ac.signal, maxProblems: 10 }), (e: Error) => e.name === 'AbortError');
  const ms = performance.now() - t0;
  assert.ok(ms < 600, `stopped after ${ms.toFixed(0)} ms`);
});
