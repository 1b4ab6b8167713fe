// The single place that talks HTTP. It enforces HTTPS (or loopback), an inactivity timeout,
// bounded retries for idempotent requests (and 429s, which the server did not process),
// Retry-After, cancellation, upload progress, redacted logging, and the dry-run recorder.
import { networkReason } from '../library-words';
import { portalError, isPortalError, PortalError } from './errors';
import { errorFromResponse } from './http-errors';
import { buildMultipart, MultipartSpec } from './multipart';
import { inLang, redact, redactHeaders, redactingLogger, redactValue } from './redact';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, RetryOptions, sleep } from './retry';
import type { Logger, ProgressEvent, PublishStep, RequestSummary } from './types';
import { assertSafeUrl } from './url';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  json?: unknown;
  multipart?: MultipartSpec;
  /** Safe to send again when the outcome is unknown (timeout, reset, 5xx). */
  idempotent: boolean;
  /** Statuses returned to the caller instead of thrown (e.g. 404 on a lookup). */
  accept?: number[];
  /** What a dry run pretends the portal answered, so the caller can go on planning. */
  dryRunResponse?: unknown;
  progress?: { step: PublishStep; path?: string };
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

export interface TransportOptions {
  /** Strings that must never be logged (the API key). */
  secrets: string[];
  /** Credential headers added to every request. */
  authHeaders: Record<string, string>;
  logger?: Logger;
  /** Inactivity timeout: no byte sent and no answer for this long aborts the attempt. Default 30 s. */
  timeoutMs?: number;
  /**
   * Extra wait for the answer after the last byte of an upload, per MB sent: udata copies the
   * file to its storage before answering (udata/core/dataset/api.py UploadMixin), so a large
   * file's answer comes late. Default 1 000 ms per MB.
   */
  postUploadMsPerMB?: number;
  /** Largest answer body read; a bigger one is cut and refused. Default 16 MB. */
  maxResponseBytes?: number;
  retry?: Partial<RetryOptions>;
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Injectable for tests; default global fetch. */
  fetch?: typeof fetch;
}

const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504]);

export class HttpTransport {
  /** Dry-run record, in order. */
  readonly requests: RequestSummary[] = [];
  readonly dryRun: boolean;
  private readonly log: Logger;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;
  private readonly postUploadMsPerMB: number;
  private readonly maxResponseBytes: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly o: TransportOptions) {
    this.dryRun = !!o.dryRun;
    this.log = redactingLogger(o.logger, o.secrets);
    this.retry = { ...DEFAULT_RETRY, ...o.retry };
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.postUploadMsPerMB = o.postUploadMsPerMB ?? 1_000;
    this.maxResponseBytes = o.maxResponseBytes ?? 16 * 1024 * 1024;
    this.fetchFn = o.fetch ?? fetch;
  }

  get maxRetryAfterMs(): number {
    return this.retry.maxRetryAfterMs;
  }

  get signal(): AbortSignal | undefined {
    return this.o.signal;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    assertSafeUrl(req.url);
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'open-data-workbench', ...this.o.authHeaders };
    if (req.json !== undefined) headers['Content-Type'] = 'application/json';
    const mp = req.multipart ? await buildMultipart(req.multipart) : undefined;
    if (mp) headers['Content-Type'] = mp.contentType;
    if (this.dryRun) {
      this.requests.push({
        method: req.method,
        url: redact(req.url, this.o.secrets),
        headers: redactHeaders(headers, this.o.secrets),
        ...(req.json !== undefined ? { json: redactValue(req.json, this.o.secrets) } : {}),
        ...(mp && req.multipart
          ? {
              multipart: {
                fields: redactValue(req.multipart.fields, this.o.secrets),
                file: { field: req.multipart.file.field, filename: mp.filename, size: mp.fileSize, contentType: mp.fileContentType },
              },
            }
          : {}),
      });
      return { status: 200, body: req.dryRunResponse ?? {} };
    }
    for (let attempt = 0; ; attempt++) {
      if (this.o.signal?.aborted) throw portalError('cancelled');
      let wait: number | undefined;
      try {
        const res = await this.once(req, headers, mp);
        if ((res.status >= 200 && res.status < 300) || req.accept?.includes(res.status)) return { status: res.status, body: res.body };
        const retryAfter = parseRetryAfter(res.retryAfter);
        const err = errorFromResponse(res.status, res.body, this.o.secrets, retryAfter);
        // A 429 was refused before processing, so even a create may be resent.
        const retryable = res.status === 429 || (req.idempotent && RETRYABLE_STATUS.has(res.status));
        if (!retryable || attempt >= this.retry.retries) throw err;
        if (retryAfter !== undefined && retryAfter > this.retry.maxRetryAfterMs) throw err;
        wait = retryAfter ?? backoffDelay(attempt, this.retry);
        const n = `${attempt + 1}/${this.retry.retries}`;
        this.log.warn(
          inLang(
            this.log,
            `${req.method} ${req.url}: HTTP ${res.status}, retry ${n} in ${wait} ms`,
            `${req.method} ${req.url} : HTTP ${res.status}, nouvel essai ${n} dans ${wait} ms`,
          ),
        );
      } catch (e) {
        // HTTP errors thrown just above are never 'timeout'/'network', so they pass straight through.
        if (!isPortalError(e) || !(e.kind === 'timeout' || e.kind === 'network')) throw e;
        if (!req.idempotent || attempt >= this.retry.retries) throw e;
        wait = backoffDelay(attempt, this.retry);
        const n = `${attempt + 1}/${this.retry.retries}`;
        const kindFr = e.kind === 'timeout' ? 'pas de réponse à temps' : 'erreur réseau';
        this.log.warn(
          inLang(
            this.log,
            `${req.method} ${req.url}: ${e.kind}, retry ${n} in ${wait} ms`,
            `${req.method} ${req.url} : ${kindFr}, nouvel essai ${n} dans ${wait} ms`,
          ),
        );
      }
      await sleep(wait, this.o.signal);
    }
  }

  /** One attempt. Throws PortalError for timeout / network / cancel; returns any HTTP status. */
  private async once(
    req: HttpRequest,
    headers: Record<string, string>,
    mp: Awaited<ReturnType<typeof buildMultipart>> | undefined,
  ): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
    const ctl = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    let settled = false; // the body stream may still be pulled after we gave up: never re-arm then
    let limitMs = this.timeoutMs;
    const arm = (ms = this.timeoutMs) => {
      clearTimeout(timer);
      if (settled) return;
      limitMs = ms;
      timer = setTimeout(() => {
        timedOut = true;
        ctl.abort();
      }, ms);
    };
    const onUserAbort = () => ctl.abort();
    this.o.signal?.addEventListener('abort', onUserAbort, { once: true });
    const started = Date.now();
    arm();
    try {
      let body: RequestInit['body'];
      if (req.json !== undefined) body = JSON.stringify(req.json);
      if (mp) {
        const total = mp.length;
        headers = { ...headers, 'Content-Length': String(total) };
        body = mp.stream((sent) => {
          // Progress keeps a slow but alive upload from timing out; after the last byte the
          // portal stores the file before answering, which takes longer for a larger file.
          arm(sent >= total ? this.timeoutMs + Math.ceil(total / 1048576) * this.postUploadMsPerMB : this.timeoutMs);
          if (req.progress) this.o.onProgress?.({ ...req.progress, sent, total });
        });
      }
      this.log.debug(`-> ${req.method} ${req.url}`);
      const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, body, signal: ctl.signal, redirect: 'manual' };
      if (mp) init.duplex = 'half';
      const res = await this.fetchFn(req.url, init);
      arm();
      const text = await readCapped(res, this.maxResponseBytes, arm);
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* keep text: proxies answer HTML on 5xx */
      }
      this.log.info(`<- ${res.status} ${req.method} ${req.url} (${Date.now() - started} ms)`);
      return { status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
    } catch (e) {
      if (isPortalError(e)) throw e;
      if (this.o.signal?.aborted) throw portalError('cancelled', undefined, { cause: e });
      if (timedOut) throw portalError('timeout', `${req.method} ${req.url} (${limitMs} ms)`);
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      // A file read error surfaces as the stream's error, possibly wrapped by fetch.
      if (isPortalError(cause)) throw cause as PortalError;
      const why = cause?.code ?? cause?.message ?? (e as Error).message;
      const whyFr = networkReason(why, 'fr');
      this.log.warn(
        inLang(this.log, `${req.method} ${req.url}: network error ${why}`, `${req.method} ${req.url} : erreur réseau, ${whyFr}`),
      );
      const at = `${req.method} ${req.url}`;
      const detail = { en: redact(`${at} (${why})`, this.o.secrets), fr: redact(`${at} (${whyFr})`, this.o.secrets) };
      throw portalError('network', detail, { cause: e });
    } finally {
      settled = true;
      clearTimeout(timer);
      this.o.signal?.removeEventListener('abort', onUserAbort);
    }
  }
}

/** The answer's text, refused past `max` bytes (a portal never sends megabytes of JSON to these calls). */
async function readCapped(res: Response, max: number, onChunk: () => void): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw portalError('protocol', `answer larger than ${Math.round(max / 1048576)} MB (HTTP ${res.status})`);
    }
    chunks.push(value);
    onChunk();
  }
  return Buffer.concat(chunks).toString('utf8');
}
