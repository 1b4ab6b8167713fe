// The API key must never reach a log line, an error message or a dry run. Everything textual
// that leaves the publishing core goes through `redact`, and every log goes through
// `redactingLogger`, so a single forgotten call site cannot leak the key.
import type { Logger } from './types';

export const MASK = '***';

/** Header names whose value is a credential, whatever the portal. */
const SECRET_HEADERS = ['x-api-key', 'authorization'];

/** Replace every occurrence of each secret, plus any `X-API-KEY:`/`Authorization:` header value, by `***`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    // Very short strings would mask unrelated text; real keys are long.
    if (s && s.length >= 4) out = out.split(s).join(MASK);
  }
  // Catch header dumps even when the secret list is incomplete.
  return out.replace(/\b(x-api-key|authorization)(["']?\s*[:=]\s*["']?)([^\s"',}]+)/gi, `$1$2${MASK}`);
}

/** Copy of a header map with credential headers masked (for logs and dry runs). */
export function redactHeaders(headers: Record<string, string>, secrets: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = SECRET_HEADERS.includes(k.toLowerCase()) ? MASK : redact(v, secrets);
  }
  return out;
}

/** Deep copy of a JSON-like value with every string redacted. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redactValue(v, secrets);
    return out as T;
  }
  return value;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Wrap a logger so that every line is redacted before it reaches the sink. */
export function redactingLogger(inner: Logger | undefined, secrets: readonly string[]): Logger {
  const sink = inner ?? silentLogger;
  return {
    debug: (m) => sink.debug(redact(m, secrets)),
    info: (m) => sink.info(redact(m, secrets)),
    warn: (m) => sink.warn(redact(m, secrets)),
    error: (m) => sink.error(redact(m, secrets)),
  };
}
