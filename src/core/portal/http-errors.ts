// Turns a non-2xx answer into a PortalError. Knows both error shapes of NOTES §4:
// udata `{message}` / `{errors:{field:[msgs]}, message}` and the CKAN envelope
// `{success:false, error:{__type, message?, field:[msgs]}}`.
import { kindForStatus, portalError, PortalError } from './errors';
import { redact } from './redact';

function asMessages(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return [JSON.stringify(v)];
  return [];
}

/** Field errors of either shape, or undefined. */
export function fieldErrorsOf(body: unknown): Record<string, string[]> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  let src: Record<string, unknown> | undefined;
  if (b.errors && typeof b.errors === 'object') src = b.errors as Record<string, unknown>;
  else if (b.success === false && b.error && typeof b.error === 'object') {
    src = { ...(b.error as Record<string, unknown>) };
    delete src.__type;
    delete src.message;
  }
  if (!src) return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(src)) {
    const msgs = asMessages(v);
    if (msgs.length) out[k] = msgs;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The portal's own top-level message, if any. */
export function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() ? body.trim() : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.message === 'string') return b.message;
  const e = b.error as Record<string, unknown> | undefined;
  if (e && typeof e === 'object') {
    if (typeof e.message === 'string') return e.message;
    if (typeof e.__type === 'string') return e.__type;
  }
  return undefined;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Build the typed error for an HTTP failure. Every portal-supplied text is redacted. */
export function errorFromResponse(status: number, body: unknown, secrets: readonly string[], retryAfterMs?: number): PortalError {
  const kind = kindForStatus(status);
  const rawFields = fieldErrorsOf(body);
  const fieldErrors = rawFields
    ? Object.fromEntries(Object.entries(rawFields).map(([k, v]) => [k, v.map((m) => redact(m, secrets))]))
    : undefined;
  const parts: string[] = [];
  // Redact the whole text first: cut first, a key split by the cut would survive half-masked.
  const msg = messageOf(body);
  if (msg && !/^(validation error|<)/i.test(msg)) parts.push(truncate(redact(msg, secrets), 300));
  if (fieldErrors) {
    for (const [field, msgs] of Object.entries(fieldErrors)) parts.push(`${field}: ${msgs.join(' ')}`);
  }
  if (kind === 'rate-limited' && retryAfterMs !== undefined) {
    parts.push(`retry after ${Math.ceil(retryAfterMs / 1000)} s`);
  }
  const detail = parts.length ? `${parts.join('; ')} (HTTP ${status})` : `HTTP ${status}`;
  // The portal writes its messages in one language; show them verbatim in both.
  return portalError(kind, detail, { status, fieldErrors, retryAfterMs });
}
