// The API key must never reach a log line, an error message or a dry run. Everything textual
// that leaves the publishing core goes through `redact`, and every log goes through
// `redactingLogger`, so a single forgotten call site cannot leak the key.
import type { Logger } from './types';

export const MASK = '***';

/** Header names whose value is a credential, whatever the portal. */
const SECRET_HEADERS = ['x-api-key', 'authorization'];

/** A fragment of a key this long is masked too (a message cut by a portal can hold half a key). */
const FRAGMENT = 12;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms a key takes in a text besides itself: URL-encoded, base64 (Basic auth, dumps). */
function encodedForms(s: string): string[] {
  const forms = new Set<string>([
    encodeURIComponent(s),
    Buffer.from(s).toString('base64'),
    Buffer.from(s).toString('base64url'),
    JSON.stringify(s).slice(1, -1),
  ]);
  forms.delete(s);
  return [...forms].filter((f) => f.length >= 4);
}

/** Masks every run of at least FRAGMENT characters of `secret` found in `text`. */
function maskFragments(text: string, secret: string): string {
  if (secret.length < 2 * FRAGMENT) return text;
  let out = text;
  for (let k = 0; k + FRAGMENT <= secret.length; k++) {
    const w = secret.slice(k, k + FRAGMENT);
    let at = out.indexOf(w);
    while (at >= 0) {
      let end = at + FRAGMENT;
      while (end < out.length && k + (end - at) < secret.length && out[end] === secret[k + (end - at)]) end++;
      out = out.slice(0, at) + MASK + out.slice(end);
      at = out.indexOf(w, at + MASK.length);
    }
  }
  return out;
}

/**
 * Replace every occurrence of each secret by `***`: whole, encoded, split by white space or
 * escaped line breaks, and any long fragment; plus any `X-API-KEY:`/`Authorization:` header
 * value and `Bearer`/`Token` credential. Run it on the whole text, before any truncation.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    // Very short strings would mask unrelated text; real keys are long.
    if (!s || s.length < 4) continue;
    out = out.split(s).join(MASK);
    for (const f of encodedForms(s)) out = out.split(f).join(MASK);
    if (s.length >= 8) {
      const split = new RegExp([...s].map(escapeRe).join('(?:\\s|\\\\[nrt])*'), 'g');
      out = out.replace(split, MASK);
    }
    out = maskFragments(out, s);
  }
  // Catch header dumps and bearer tokens even when the secret list is incomplete.
  out = out.replace(
    /\b(x-api-key|authorization)(["']?\s*[:=]\s*["']?)((?:bearer|token|basic)\s+)?([^\s"',}]+)/gi,
    (_m, h, sep, scheme) => `${h}${sep}${scheme ?? ''}${MASK}`,
  );
  return out.replace(/\b(bearer)(\s+)(?!\*\*\*)([A-Za-z0-9._~+/=-]{8,})/gi, `$1$2${MASK}`);
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

/** A line in the logger's language. */
export const inLang = (log: Logger, en: string, fr: string): string => (log.lang === 'fr' ? fr : en);

/** Wrap a logger so that every line is redacted before it reaches the sink. */
export function redactingLogger(inner: Logger | undefined, secrets: readonly string[]): Logger {
  const sink = inner ?? silentLogger;
  return {
    lang: sink.lang,
    debug: (m) => sink.debug(redact(m, secrets)),
    info: (m) => sink.info(redact(m, secrets)),
    warn: (m) => sink.warn(redact(m, secrets)),
    error: (m) => sink.error(redact(m, secrets)),
  };
}
