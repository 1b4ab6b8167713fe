// Worker entry: runs tasks off the extension host thread, in a child process (the host's
// WorkerClient forks it: a fatal V8 error then kills only the worker) or a worker thread.
// One message protocol: {id, task, args} in; {id, progress} / {id, result} / {id, error} out;
// {cancel: id} aborts.
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { useSplitLint } from '../split/split-lint';
import { tasks, type TaskName } from './tasks';

export type WorkerRequest = { id: number; task: TaskName; args: unknown } | { cancel: number };
export type WorkerResponse =
  { id: number; result: unknown } | { id: number; error: string; cancelled?: boolean } | { id: number; progress: [number, number] };

// dist/lint-worker.js: the split lint's part worker is built next to it (large CSVs use several cores).
useSplitLint(join(__dirname, 'lint-part-worker.js'));

const running = new Map<number, AbortController>();

/** The channel to the host: the thread's port, or the child process's IPC channel. */
const channel = parentPort ?? (process.send ? process : null);
const post = (m: WorkerResponse) => (parentPort ? parentPort.postMessage(m) : process.send?.(m));
// A child process whose host went away has nothing left to do.
if (!parentPort) process.on('disconnect', () => process.exit(0));

channel?.on('message', async (msg: WorkerRequest) => {
  if ('cancel' in msg) {
    running.get(msg.cancel)?.abort();
    return;
  }
  const ac = new AbortController();
  running.set(msg.id, ac);
  let last = 0;
  const progress = (done: number, total: number) => {
    // Throttle: a message per ~1% is enough for a progress bar.
    if (done - last < total / 100 && done < total) return;
    last = done;
    post({ id: msg.id, progress: [done, total] });
  };
  try {
    const fn = tasks[msg.task] as (a: unknown, p: typeof progress, s: AbortSignal) => Promise<unknown>;
    const result = await fn(msg.args, progress, ac.signal);
    post({ id: msg.id, result });
  } catch (e) {
    post({ id: msg.id, error: (e as Error).message, cancelled: ac.signal.aborted });
  } finally {
    running.delete(msg.id);
  }
});
