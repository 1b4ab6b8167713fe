// Fault injection for the emulators, configured per test. A rule matches requests by method
// and path, can let the first `skip` matches through, then fires `times` times.

export type FaultAction =
  /** Answer this status before doing anything (optionally with Retry-After). */
  | { kind: 'status'; status: number; body?: unknown; retryAfter?: string }
  /** Do the work, then answer this status: the client cannot know it succeeded. */
  | { kind: 'status-after'; status: number }
  /** Cut the connection while receiving the body, after `afterBytes` bytes (default: at once). Nothing is done. */
  | { kind: 'reset'; afterBytes?: number }
  /** Do the work, then cut the connection before answering. */
  | { kind: 'reset-after' }
  /** Wait before handling. If the client gave up meanwhile, nothing is done (keeps tests deterministic). */
  | { kind: 'latency'; ms: number }
  /** Read the request body slowly: pause this long after each chunk. */
  | { kind: 'slow-body'; delayMsPerChunk: number };

export interface FaultRule {
  method?: string;
  /** Substring of, or pattern for, the request path (query excluded). */
  path?: string | RegExp;
  /** Let this many matching requests pass before firing. Default 0. */
  skip?: number;
  /** How many times to fire. Default 1; use Infinity for always. */
  times?: number;
  action: FaultAction;
}

interface LiveRule extends FaultRule {
  seen: number;
  fired: number;
}

export class FaultController {
  private rules: LiveRule[] = [];

  constructor(initial: FaultRule[] = []) {
    initial.forEach((r) => this.add(r));
  }

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** How many times rules have fired, for assertions that the fault really happened. */
  get firedCount(): number {
    return this.rules.reduce((n, r) => n + r.fired, 0);
  }

  /** The action to apply to this request, if any; consumes one use of the rule. */
  take(method: string, path: string): FaultAction | undefined {
    for (const r of this.rules) {
      if (r.method && r.method.toUpperCase() !== method) continue;
      if (r.path !== undefined && !(typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path))) continue;
      r.seen++;
      if (r.seen <= (r.skip ?? 0)) continue;
      if (r.fired >= (r.times ?? 1)) continue;
      r.fired++;
      return r.action;
    }
    return undefined;
  }
}
