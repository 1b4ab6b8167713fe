// "Update Schema Catalog" / `odw schemas --update`: fetches schemas.json and the schema files
// the cache and the bundled copy lack, with conditional requests (ETag, If-Modified-Since).
// Nothing replaces the cached catalog until the new one has been read whole and checked; any
// failure leaves the previous catalog in use and says why, in the caller's language.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Lang } from '../model';
import { parseCatalogText, jsonDepth, jsonErrorFr, LIMITS } from './raw';
import { bundledCatalog, cachePath, readCacheMeta, resetCatalog, type CacheMeta } from './load';
import { Catalog, relOf } from './store';

export const CATALOG_URL = 'https://schema.data.gouv.fr/schemas/schemas.json';

export interface UpdateResult {
  ok: boolean;
  /** The catalog in use afterwards. */
  source: 'cache' | 'bundled';
  /** Why the update failed (previous catalog kept), when it did, in the language asked for. */
  error?: string;
  notModified: boolean;
  filesFetched: number;
  /** Files that could not be fetched, each with why (in the language asked for). */
  filesFailed: string[];
  schemas: number;
}

/** A refusal of ours (an answer too large, too deep…), already in the language asked for. */
class Refusal extends Error {}

/**
 * Why a request failed, in `lang`: our own refusals as they are; in English the error's own
 * message (fetch's, Node's); in French, words for what it was (a timeout, a connection that
 * could not be made, with the system's code).
 */
function failureWords(e: unknown, lang: Lang, timeoutMs: number): string {
  const err = e as Error & { code?: unknown; cause?: { code?: unknown } };
  if (e instanceof Refusal || lang !== 'fr') return err.message;
  if (err.name === 'TimeoutError') return `pas de réponse en ${String(timeoutMs / 1000).replace('.', ',')} s`;
  const code = [err.cause?.code, err.code].find((c): c is string => typeof c === 'string');
  if (err.name === 'TypeError' && err.message === 'fetch failed') return `connexion impossible${code ? ` (${code})` : ''}`;
  if (e instanceof SyntaxError) return `JSON invalide (${jsonErrorFr(e)})`;
  return `échec de la requête${code ? ` (${code})` : ''}`;
}

const httpStatus = (status: number, lang: Lang) => (lang === 'fr' ? `réponse HTTP ${status}` : `HTTP ${status}`);
const tooLarge = (limit: number, lang: Lang) =>
  new Refusal(lang === 'fr' ? `réponse de plus de ${limit / 1e6} Mo` : `response larger than ${limit / 1e6} MB`);

const FILE_LIMIT = 5_000_000;

function atomicWrite(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Reads a body up to `limit` bytes; longer bodies are refused, not cut. */
async function readLimited(res: Response, limit: number, lang: Lang): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > limit) throw tooLarge(limit, lang);
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += c.length;
    if (size > limit) throw tooLarge(limit, lang);
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function get(url: string, meta: CacheMeta, timeoutMs: number): Promise<{ status: number; res: Response }> {
  const headers: Record<string, string> = { accept: 'application/json, */*' };
  const v = meta.validators[url];
  if (v?.etag) headers['if-none-match'] = v.etag;
  if (v?.lastModified) headers['if-modified-since'] = v.lastModified;
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  return { status: res.status, res };
}

const remember = (meta: CacheMeta, url: string, res: Response) => {
  const etag = res.headers.get('etag') ?? undefined;
  const lastModified = res.headers.get('last-modified') ?? undefined;
  if (etag || lastModified) meta.validators[url] = { etag, lastModified };
};

export async function updateCatalog(dir: string, options: { url?: string; timeoutMs?: number; lang?: Lang } = {}): Promise<UpdateResult> {
  const url = options.url ?? process.env.ODW_CATALOG_URL ?? CATALOG_URL;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const lang = options.lang ?? 'en';
  const at = `${url}${lang === 'fr' ? ' :' : ':'}`;
  const meta: CacheMeta = readCacheMeta(dir) ?? { fetchedAt: '', validators: {} };
  const hadCache = existsSync(join(dir, 'schemas.json'));
  const fail = (error: string): UpdateResult => ({
    ok: false,
    source: hadCache ? 'cache' : 'bundled',
    error,
    notModified: false,
    filesFetched: 0,
    filesFailed: [],
    schemas: 0,
  });
  let text: string;
  let notModified = false;
  try {
    const { status, res } = await get(url, hadCache ? meta : { fetchedAt: '', validators: {} }, timeoutMs);
    if (status === 304 && hadCache) {
      notModified = true;
      text = readFileSync(join(dir, 'schemas.json'), 'utf8');
    } else if (status !== 200) return fail(`${at} ${httpStatus(status, lang)}`);
    else {
      text = await readLimited(res, LIMITS.bytes, lang);
      remember(meta, url, res);
    }
  } catch (e) {
    return fail(`${at} ${failureWords(e, lang, timeoutMs)}`);
  }
  const parsed = parseCatalogText(text, lang);
  if (!parsed.ok) return fail(`${at} ${parsed.reason}`);
  // Only files of the catalog's own site are fetched, whatever URLs a document names.
  const origin = new URL(url).origin;
  const bundled = bundledCatalog();
  const have = (rel: string) => {
    const p = cachePath(dir, rel);
    return (p !== null && existsSync(p)) || bundledHas(bundled, rel);
  };
  const wanted = new Set<string>();
  for (const e of parsed.value)
    if (e.schema_type === 'tableschema' || e.schema_type === 'datapackage') for (const v of e.versions) wanted.add(v.schema_url);
  let fetched = 0;
  const failed: string[] = [];
  const fetchFile = async (fileUrl: string): Promise<string | null> => {
    const rel = relOf(fileUrl);
    if (!rel || new URL(fileUrl).origin !== origin) return null;
    const p = cachePath(dir, rel);
    if (!p) return null;
    if (have(rel)) return existsSync(p) ? readFileSync(p, 'utf8') : null;
    try {
      const res = await fetch(fileUrl, { signal: AbortSignal.timeout(timeoutMs) });
      if (res.status !== 200) throw new Refusal(httpStatus(res.status, lang));
      const body = await readLimited(res, FILE_LIMIT, lang);
      if (/\.json$/i.test(rel)) {
        if (jsonDepth(body) > LIMITS.depth) throw new Refusal(lang === 'fr' ? 'imbrication trop profonde' : 'nested too deep');
        JSON.parse(body);
      }
      atomicWrite(p, body);
      fetched++;
      return body;
    } catch (e) {
      failed.push(`${fileUrl} (${failureWords(e, lang, timeoutMs)})`);
      return null;
    }
  };
  const queue = [...wanted];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      const body = await fetchFile(u);
      // A data package's parts live beside its datapackage.json.
      if (body && /datapackage\.json$/i.test(u)) {
        try {
          for (const r of (JSON.parse(body) as { resources?: { schema?: unknown }[] }).resources ?? [])
            if (typeof r?.schema === 'string') queue.push(new URL(r.schema, u).href);
        } catch {
          /* an unreadable package lists no parts */
        }
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  meta.fetchedAt = new Date().toISOString();
  if (!notModified) atomicWrite(join(dir, 'schemas.json'), text);
  atomicWrite(join(dir, 'meta.json'), JSON.stringify(meta));
  resetCatalog();
  return { ok: true, source: 'cache', notModified, filesFetched: fetched, filesFailed: failed, schemas: parsed.value.length };
}

function bundledHas(c: Catalog, rel: string): boolean {
  return c.hasFile(rel);
}
