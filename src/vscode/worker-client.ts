// Runs core tasks in a worker thread so linting never blocks the extension host.
// One long-lived worker; requests are matched by id; cancellation is forwarded.
import { Worker } from 'node:worker_threads';
import type { TaskArgs, TaskName, TaskResult } from '../core/worker/tasks';
import type { WorkerRequest, WorkerResponse } from '../core/worker/lint-worker';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress?: (done: number, total: number) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export class WorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script: string) {}

  run<N extends TaskName>(
    task: N,
    args: TaskArgs<N>,
    opts: { progress?: (done: number, total: number) => void; token?: { isCancellationRequested: boolean; onCancellationRequested(cb: () => void): unknown } } = {},
  ): Promise<TaskResult<N>> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<TaskResult<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress: opts.progress });
      opts.token?.onCancellationRequested(() => w.postMessage({ cancel: id } satisfies WorkerRequest));
      w.postMessage({ id, task, args } satisfies WorkerRequest);
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    w.on('message', (m: WorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if ('progress' in m) return p.progress?.(m.progress[0], m.progress[1]);
      this.pending.delete(m.id);
      if ('result' in m) p.resolve(m.result);
      else p.reject(m.cancelled ? new CancelledError() : new Error(m.error));
    });
    // A crashed worker (out of memory on hostile input) fails its requests; the next request starts a new one.
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => code !== 0 && fail(new Error(`lint worker stopped (exit ${code})`)));
    w.unref();
    this.worker = w;
    return w;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
