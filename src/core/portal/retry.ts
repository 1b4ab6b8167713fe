// Retry timing: exponential backoff with jitter (so many clients do not retry in lockstep),
// `Retry-After` parsing, and a sleep that a cancellation interrupts at once.
import { portalError } from './errors';

export interface RetryOptions {
  /** Retries after the first attempt (so attempts = retries + 1). Default 3. */
  retries: number;
  /** First backoff delay. Default 500 ms. */
  baseDelayMs: number;
  /** Cap of one backoff delay. Default 10 s. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is returned with `retryAfterMs`. Default 60 s. */
  maxRetryAfterMs: number;
  /** Injected for deterministic tests. Default Math.random. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
};

/** Delay before retry number `attempt` (0-based): "equal jitter", between half and all of the exponential step. */
export function backoffDelay(attempt: number, o: RetryOptions): number {
  const step = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (step / 2) * o.random());
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Sleep that rejects with a 'cancelled' PortalError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(portalError('cancelled'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(portalError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
