// Runs core tasks in a worker so linting never blocks the extension host. One long-lived
// worker; requests are matched by id; cancellation is forwarded.
//
// The worker is a child process, not a worker thread: a hostile file can drive V8 into a fatal
// error (an array or a Map past its maximum size, a heap exhausted by one huge allocation) that
// `resourceLimits` does not contain, and under Node 20 such an error in a worker thread aborts
// the whole process, extension host included (measured: exit 134, no `error` event). A child
// process dies alone; its requests fail with WorkerCrashedError and the next request starts a
// new worker.
import { fork, type ChildProcess } from 'node:child_process';
import type { TaskArgs, TaskName, TaskResult } from '../core/worker/tasks';
import type { WorkerRequest, WorkerResponse } from '../core/worker/lint-worker';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress?: (done: number, total: number) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The worker died (or was stopped for running too long) while this request was in flight. */
export class WorkerCrashedError extends Error {
  constructor(
    message: string,
    /** 'timeout' when the request ran past its time limit and the worker was stopped for it. */
    readonly reason: 'crash' | 'timeout' = 'crash',
  ) {
    super(message);
    this.name = 'WorkerCrashedError';
  }
}

/**
 * Heap of the worker process: a file needing more is refused, the host keeps its own memory.
 * 2 GB: the streamed clean of a 51 MB file keeps ~2.3 M fixes (~1.1 GB) and its date-order
 * question runs the first pass again.
 */
export const WORKER_HEAP_MB = 2048;

/** Times a request's limit is renewed while the worker works for other requests. */
const WAIT_TURNS = 3;

export interface RunOptions {
  progress?: (done: number, total: number) => void;
  token?: { isCancellationRequested: boolean; onCancellationRequested(cb: () => void): unknown };
  /** Past this, the worker is stopped (a CPU bomb may never look at the cancellation) and restarted. */
  timeoutMs?: number;
}

export class WorkerClient {
  private worker: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The worker's last stderr lines: why it died ("heap out of memory"…), for the message. */
  private stderrTail = '';
  /** Worker processes started so far (a restart after a crash counts). */
  starts = 0;

  constructor(private readonly script: string) {}

  run<N extends TaskName>(task: N, args: TaskArgs<N>, opts: RunOptions = {}): Promise<TaskResult<N>> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<TaskResult<N>>((resolve, reject) => {
      const p: Pending = { resolve: resolve as (v: unknown) => void, reject, progress: opts.progress };
      if (opts.timeoutMs) {
        // The clock is the request's own: while the worker is busy with other requests (a long
        // clean), its limit is given again, up to WAIT_TURNS times, rather than the worker stopped
        // with everyone's work. Alone past its limit, it is a CPU bomb.
        const limit = opts.timeoutMs;
        let turns = 0;
        const expire = () => {
          if (this.pending.size > 1 && turns++ < WAIT_TURNS) return void (p.timer = setTimeout(expire, limit));
          this.stop(w, new WorkerCrashedError(`${task} took more than ${Math.round(limit / 1000)} s`, 'timeout'));
        };
        p.timer = setTimeout(expire, limit);
      }
      this.pending.set(id, p);
      this.holdOpen(true);
      opts.token?.onCancellationRequested(() => this.send(w, { cancel: id }));
      this.send(w, { id, task, args });
    });
  }

  private send(w: ChildProcess, m: WorkerRequest): void {
    if (w.connected) w.send(m);
  }

  private ensure(): ChildProcess {
    if (this.worker) return this.worker;
    const w = fork(this.script, [], {
      // Structured clone, as a worker thread had: results keep their Maps, typed arrays, undefined.
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
      // Inside Electron (desktop VS Code) the executable is Electron itself: run it as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.starts++;
    this.stderrTail = '';
    w.stderr?.on('data', (b: Buffer) => {
      this.stderrTail = (this.stderrTail + b.toString('utf8')).slice(-4000);
    });
    w.on('message', (m: WorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if ('progress' in m) return p.progress?.(m.progress[0], m.progress[1]);
      this.settle(m.id, p);
      if ('result' in m) p.resolve(m.result);
      else p.reject(m.cancelled ? new CancelledError() : new Error(m.error));
    });
    w.on('error', (e) => this.stop(w, new WorkerCrashedError(`worker: ${e.message}`)));
    w.on('exit', (code, signal) => this.stop(w, new WorkerCrashedError(crashMessage(code, signal, this.stderrTail))));
    this.worker = w;
    this.holdOpen(false);
    return w;
  }

  private settle(id: number, p: Pending): void {
    if (p.timer) clearTimeout(p.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.holdOpen(false);
  }

  /** Fails every request of `w` with `e` and forgets it; the next request starts a new worker. */
  private stop(w: ChildProcess, e: WorkerCrashedError): void {
    if (this.worker !== w) return;
    this.worker = null;
    for (const [id, p] of [...this.pending]) {
      this.settle(id, p);
      p.reject(e);
    }
    if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  }

  /** An idle worker must not keep a process (tests, scripts) alive; a busy one must. */
  private holdOpen(on: boolean): void {
    const w = this.worker;
    if (!w) return;
    if (on) {
      w.ref();
      w.channel?.ref();
    } else {
      w.unref();
      w.channel?.unref();
    }
  }

  dispose(): void {
    const w = this.worker;
    if (w) this.stop(w, new WorkerCrashedError('worker disposed'));
  }
}

/** What the user is told when the worker died: the cause V8 printed when there is one. */
function crashMessage(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const cause = /heap out of memory|invalid size error|invalid array length|Maximum call stack/i.exec(stderr)?.[0];
  const how = signal ? `signal ${signal}` : `exit ${code}`;
  return `the reading worker stopped (${cause ? `${cause}, ` : ''}${how})`;
}
