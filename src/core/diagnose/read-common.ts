// What both portal readers share: a GET-only transport (the diagnostic never writes), the
// closed formats, dates normalised to UTC ISO strings and schema names read from a URL.
import { portalError, isPortalError } from '../portal/errors';
import { HttpTransport } from '../portal/transport';
import type { Bilingual } from '../portal/types';
import type { DiagnoseRequest, PortalResource } from './types';

/** udata CLOSED_FORMATS (udata/core/dataset/constants.py). */
export const CLOSED_FORMATS = new Set(['pdf', 'doc', 'docx', 'word', 'xls', 'excel', 'xlsx']);
/** 100 per page (udata and CKAN both accept it); this many pages at most (10 000 datasets). */
export const PAGE_SIZE = 100;
export const MAX_PAGES = 100;

export type Json = Record<string, any>;

export function readTransport(req: DiagnoseRequest, authHeader: string): HttpTransport {
  const key = req.apiKey?.trim();
  return new HttpTransport({
    secrets: key ? [key] : [],
    authHeaders: key ? { [authHeader]: key } : {},
    timeoutMs: req.timeoutMs ?? 30_000,
    retry: { retries: req.retries ?? 2 },
    signal: req.signal,
    fetch: req.fetch,
  });
}

/** What is read, named in both languages: organisation “x” / organisation « x ». */
export function organisationWords(id: string): Bilingual {
  return { en: `organisation “${id}”`, fr: `organisation « ${id} »` };
}

/** GET a JSON body; a 404 becomes a clear "organisation not found". */
export async function getJson(t: HttpTransport, url: string, what: Bilingual): Promise<Json> {
  try {
    const r = await t.send({ method: 'GET', url, idempotent: true });
    if (!r.body || typeof r.body !== 'object')
      throw portalError('protocol', { en: `${what.en}: not JSON`, fr: `${what.fr} : la réponse n’est pas du JSON` });
    return r.body as Json;
  } catch (e) {
    // « Introuvable sur le portail : organisation « x » » says it once; the English keeps its words.
    if (isPortalError(e, 'not-found')) throw portalError('not-found', { en: `${what.en} not found`, fr: what.fr });
    throw e;
  }
}

/** ISO 8601 in UTC; CKAN writes naive UTC dates ("2024-01-02T10:00:00.123"). */
export function isoDate(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const s = /[zZ]|[+-]\d\d:?\d\d$/.test(raw) || !raw.includes('T') ? raw : `${raw}Z`;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function latest(dates: (string | null)[]): string | null {
  const ok = dates.filter((d): d is string => !!d).sort();
  return ok.length ? ok[ok.length - 1] : null;
}

/** "https://schema.data.gouv.fr/schemas/scdl/budget/0.8.3/schema.json" → scdl/budget. */
export function schemaNameFromUrl(url: string): string | undefined {
  return /schema\.data\.gouv\.fr\/schemas\/(.+?)\/(?:latest|v?\d[^/]*)\/[^/]+$/.exec(url)?.[1];
}

/** udata: not every resource is closed or format-less (`has_open_format`). */
export function hasOpenFormat(resources: PortalResource[]): boolean {
  return resources.length > 0 && !resources.every((r) => !r.format || CLOSED_FORMATS.has(r.format));
}

export function uniqueFormats(resources: PortalResource[]): string[] {
  return [...new Set(resources.map((r) => r.format).filter(Boolean))];
}
