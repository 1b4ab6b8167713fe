// The host survives a worker that dies (issue #16, items 1–3): under Node 20 a fatal V8 error
// in a worker *thread* aborts the whole process, so the worker is a child process. A crash or
// a request past its time limit fails that request with WorkerCrashedError; the next request
// starts a new worker. Then the real worker on hostile workbooks and CSVs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerClient, WorkerCrashedError } from '../../../src/vscode/worker-client';
import { HOSTILE_CSVS } from '../../hostile/csv';
import { hostileWorkbooks } from '../../hostile/workbooks';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-worker-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

// Speaks the worker protocol; `crash` aborts the process as a fatal V8 error would, `spin` never
// answers, `busy` holds the process for `args` ms then answers.
const fake = join(dir, 'fake-worker.js');
writeFileSync(
  fake,
  `process.on('message', (m) => {
    if (m.task === 'crash') process.abort();
    if (m.task === 'spin') for (;;);
    if (m.task === 'busy') { const end = Date.now() + m.args; while (Date.now() < end); }
    process.send({ id: m.id, result: { pid: process.pid, echo: m.args } });
  });
  process.on('disconnect', () => process.exit(0));\n`,
);
const run = (w: WorkerClient, task: string, args: unknown = {}, timeoutMs?: number) =>
  w.run(task as 'schemaCatalog', args as never, { timeoutMs }) as Promise<unknown>;

test('a worker that dies fails its request with a clear error, and the next request gets a new worker', async () => {
  const w = new WorkerClient(fake);
  try {
    const first = (await run(w, 'echo', 1)) as { pid: number };
    await assert.rejects(
      run(w, 'crash'),
      (e: unknown) =>
        e instanceof WorkerCrashedError && e.reason === 'crash' && /reading worker stopped \(.*(SIGABRT|exit)/.test(e.message),
    );
    const second = (await run(w, 'echo', 2)) as { pid: number; echo: number };
    assert.equal(second.echo, 2);
    assert.notEqual(second.pid, first.pid, 'restarted');
    assert.equal(w.starts, 2);
  } finally {
    w.dispose();
  }
});

test('a request waiting behind another one is not stopped for the time the worker spent on that one', async () => {
  const w = new WorkerClient(fake);
  try {
    const long = run(w, 'busy', 1500);
    const short = run(w, 'echo', 4, 500);
    assert.equal(((await long) as { echo: number }).echo, 1500);
    assert.equal(((await short) as { echo: number }).echo, 4);
    assert.equal(w.starts, 1, 'the worker was not stopped');
  } finally {
    w.dispose();
  }
});

test('a request past its time limit stops the worker (a CPU bomb ignores cancellation) and the next one is answered', async () => {
  const w = new WorkerClient(fake);
  try {
    const t0 = Date.now();
    await assert.rejects(run(w, 'spin', {}, 500), (e: unknown) => e instanceof WorkerCrashedError && e.reason === 'timeout');
    assert.ok(Date.now() - t0 < 5000);
    assert.deepEqual(((await run(w, 'echo', 3)) as { echo: number }).echo, 3);
  } finally {
    w.dispose();
  }
});

const WORKER = join(ROOT, 'dist', 'lint-worker.js');

test(
  'the real worker on hostile workbooks: each ends in facts or a crash within 30 s, the host keeps its memory, CSVs still answer',
  { skip: !existsSync(WORKER) && 'npm run build first' },
  async () => {
    const w = new WorkerClient(WORKER);
    try {
      const books = await hostileWorkbooks();
      for (const [name, bytes] of Object.entries(books)) {
        const p = join(dir, name);
        writeFileSync(p, bytes);
        const t0 = Date.now();
        const r = await w.run('inspectTables', { paths: [p] }, { timeoutMs: 20_000 }).then(
          (facts) => `facts ${JSON.stringify(facts).slice(0, 80)}`,
          (e: Error) => {
            assert.ok(e instanceof WorkerCrashedError, `${name}: ${e.message}`);
            return e.message;
          },
        );
        assert.ok(Date.now() - t0 < 30_000, `${name} took ${Date.now() - t0} ms`);
        assert.ok(
          process.memoryUsage().rss < 1024 * 2 ** 20,
          `host at ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB after ${name}`,
        );
        console.log(`${name}: ${r}`);
      }
      for (const h of HOSTILE_CSVS.filter((c) => /header-200k|tabs|misdeclared-utf16/.test(c.name))) {
        const p = join(dir, h.name);
        writeFileSync(p, h.bytes());
        const t0 = Date.now();
        const report = await w.run('lintFile', { path: p, options: { maxProblems: 100 } });
        assert.ok(Array.isArray(report.diagnostics), h.name);
        assert.ok(Date.now() - t0 < 10_000, `${h.name} took ${Date.now() - t0} ms`);
      }
    } finally {
      w.dispose();
    }
  },
);
