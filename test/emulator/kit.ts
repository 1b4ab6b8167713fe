// Shared HTTP plumbing of the portal emulators: a real node:http server on loopback, the
// request log (credential headers masked so tests can grep it for the key), body reading with
// a size limit, multipart parsing, and the fault injection hooks around each handler.
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { FaultAction, FaultController, FaultRule } from './faults';
import { boundaryOf, parseMultipart, ParsedMultipart } from './multipart';

export interface LogEntry {
  method: string;
  path: string;
  query: string;
  /** Request headers, with X-API-KEY and Authorization replaced by `***`. */
  headers: Record<string, string>;
  json?: any;
  multipart?: { fields: Record<string, string>; files: { field: string; filename?: string; size: number; sha256: string }[] };
  status?: number;
  /** When the request arrived (ms since the epoch), for measuring client back-off. */
  at: number;
  /** Which fault fired on this request, if any. */
  fault?: FaultAction['kind'];
}

export interface Ctx {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  json?: any;
  /** true when the body was not valid JSON although declared as such. */
  badJson?: boolean;
  multipart?: ParsedMultipart;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes (file download). */
  bytes?: Buffer;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface KitOptions {
  port?: number;
  host?: string;
  /** Bodies above this answer 413. Default 50 MiB. */
  maxBodyBytes?: number;
  faults?: FaultRule[];
  /** Body of a 413 answer (portal-specific shape). */
  tooLarge?: () => unknown;
}

export interface RunningServer {
  url: string;
  log: LogEntry[];
  faults: FaultController;
  stop(): Promise<void>;
}

const SECRET_HEADERS = new Set(['x-api-key', 'authorization']);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function logHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k] = SECRET_HEADERS.has(k) ? '***' : String(v);
  return out;
}

/** Reads the body; obeys reset/slow faults. Resolves undefined when the socket was cut. */
async function readBody(req: http.IncomingMessage, fault: FaultAction | undefined, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const c = chunk as Buffer;
    size += c.length;
    if (size > limit)
      tooLarge = true; // keep draining so the client receives our 413
    else chunks.push(c);
    if (fault?.kind === 'reset' && size >= (fault.afterBytes ?? 0)) {
      req.socket.destroy();
      return undefined;
    }
    if (fault?.kind === 'slow-body') await wait(fault.delayMsPerChunk);
  }
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    return undefined;
  }
  return { raw: Buffer.concat(chunks), tooLarge };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function startServer(handler: Handler, o: KitOptions): Promise<RunningServer> {
  const log: LogEntry[] = [];
  const faults = new FaultController(o.faults);
  const limit = o.maxBodyBytes ?? 50 * 1024 * 1024;

  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: LogEntry = { method, path: u.pathname, query: u.search, headers: logHeaders(req.headers), at: Date.now() };
    log.push(entry);
    const send = (r: Reply) => {
      entry.status = r.status;
      if (r.bytes) {
        res.writeHead(r.status, { 'Content-Type': 'application/octet-stream', ...r.headers });
        return res.end(r.bytes);
      }
      const text = r.body === undefined ? '' : JSON.stringify(r.body);
      res.writeHead(r.status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...r.headers });
      res.end(text);
    };
    try {
      const fault = faults.take(method, u.pathname);
      if (fault) entry.fault = fault.kind;
      const body = await readBody(req, fault, limit);
      if (!body) return;
      if (fault?.kind === 'status') {
        return send({
          status: fault.status,
          body: fault.body ?? { message: `Injected ${fault.status}` },
          headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
        });
      }
      if (fault?.kind === 'latency') {
        await wait(fault.ms);
        if (res.destroyed || req.socket.destroyed) return; // client gave up: do nothing
      }
      if (body.tooLarge) return send({ status: 413, body: o.tooLarge?.() ?? { message: 'Request Entity Too Large' } });
      const ctx: Ctx = { method, path: u.pathname, query: u.searchParams, headers: req.headers, raw: body.raw };
      const ct = req.headers['content-type'] ?? '';
      if (/application\/json/i.test(ct) && body.raw.length) {
        try {
          ctx.json = JSON.parse(body.raw.toString('utf8'));
          entry.json = ctx.json;
        } catch {
          ctx.badJson = true;
        }
      }
      const boundary = boundaryOf(ct);
      if (boundary) {
        ctx.multipart = parseMultipart(body.raw, boundary);
        if (ctx.multipart) {
          entry.multipart = {
            fields: ctx.multipart.fields,
            files: ctx.multipart.files.map((f) => ({ field: f.name, filename: f.filename, size: f.data.length, sha256: sha256(f.data) })),
          };
        }
      }
      const reply = await handler(ctx);
      if (fault?.kind === 'reset-after') {
        entry.status = 0;
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status-after')
        return send({ status: fault.status, body: { message: `Injected ${fault.status} after processing` } });
      send(reply);
    } catch (e) {
      if (!res.headersSent && !res.destroyed) send({ status: 500, body: { message: `Emulator error: ${(e as Error).message}` } });
    }
  });

  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    log,
    faults,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
