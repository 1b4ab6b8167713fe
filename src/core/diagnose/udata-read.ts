// Reads an organisation's datasets from udata (data.gouv.fr) API v1: the organisation
// (`GET /organizations/{org}/`), then `GET /organizations/{org}/datasets/?page=&page_size=`,
// which lists private datasets too when the API key's owner is a member
// (udata/core/organization/api.py, OrgDatasetsAPI). Read-only.
import { siteRoot } from '../portal/url';
import { normalizeFrequency, isStale } from './frequency';
import {
  getJson,
  organisationWords,
  hasOpenFormat,
  isoDate,
  latest,
  MAX_PAGES,
  PAGE_SIZE,
  readTransport,
  schemaNameFromUrl,
  uniqueFormats,
  type Json,
} from './read-common';
import type { DiagnoseRequest, PortalResource, PublishedDataset, QualityCriterion } from './types';

const CRITERIA: QualityCriterion[] = [
  'license',
  'temporal_coverage',
  'spatial',
  'update_frequency',
  'update_fulfilled_in_time',
  'dataset_description_quality',
  'has_open_format',
  'all_resources_available',
  'resources_documentation',
];
const RESOURCE_CRITERIA = new Set<QualityCriterion>(['has_open_format', 'all_resources_available', 'resources_documentation']);
/** Below half of udata's 9 points (score < 0.5) a dataset is flagged "low quality". */
export const LOW_QUALITY = 0.5;

const enc = encodeURIComponent;

function resourceOf(r: Json): PortalResource {
  const s = r.schema && typeof r.schema === 'object' ? (r.schema as Json) : undefined;
  const schema = typeof s?.name === 'string' && s.name ? s.name : typeof s?.url === 'string' ? schemaNameFromUrl(s.url) : undefined;
  return {
    title: typeof r.title === 'string' ? r.title : undefined,
    url: typeof r.url === 'string' ? r.url : undefined,
    format: typeof r.format === 'string' ? r.format.trim().toLowerCase() : '',
    schema,
    size: typeof r.filesize === 'number' ? r.filesize : undefined,
    type: typeof r.type === 'string' ? r.type : undefined,
  };
}

/** udata's `quality` object: the score, and the criteria not met (resource criteria count as missing without resources). */
export function qualityOf(q: unknown): { score: number | null; missing: QualityCriterion[] } {
  if (!q || typeof q !== 'object') return { score: null, missing: [] };
  const o = q as Json;
  const score = typeof o.score === 'number' && o.score >= 0 && o.score <= 1 ? o.score : null;
  const missing = CRITERIA.filter((c) => (RESOURCE_CRITERIA.has(c) && !o.has_resources) || o[c] === false);
  return { score, missing };
}

export function udataDataset(d: Json, site: string, now: Date): PublishedDataset {
  const resources = Array.isArray(d.resources) ? (d.resources as Json[]).map(resourceOf) : [];
  const lastUpdate =
    isoDate(d.last_update) ??
    latest((Array.isArray(d.resources) ? d.resources : []).map((r: Json) => isoDate(r.last_modified))) ??
    isoDate(d.last_modified);
  const frequency = normalizeFrequency(d.frequency);
  const { score, missing } = qualityOf(d.quality);
  return {
    id: String(d.id),
    title: typeof d.title === 'string' ? d.title : String(d.id),
    url: typeof d.page === 'string' ? d.page : `${site}/datasets/${enc(String(d.slug ?? d.id))}/`,
    lastUpdate,
    frequency,
    stale: isStale(lastUpdate, frequency, now),
    formats: uniqueFormats(resources),
    openFormat: hasOpenFormat(resources),
    schema: resources.find((r) => r.schema)?.schema ?? null,
    quality: score,
    missingCriteria: missing,
    lowQuality: score !== null && score < LOW_QUALITY,
    private: d.private === true,
    resources,
  };
}

export async function readUdata(
  req: DiagnoseRequest,
): Promise<{ organization: { id: string; name: string }; datasets: PublishedDataset[] }> {
  const site = siteRoot(req.baseUrl, /\/api\/\d+$/);
  const api = `${site}/api/1`;
  const t = readTransport(req, 'X-API-KEY');
  const now = req.now ?? new Date();
  const what = organisationWords(req.organization);
  const org = await getJson(t, `${api}/organizations/${enc(req.organization)}/`, what);
  const datasets: PublishedDataset[] = [];
  const seen = new Set<string>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const b = await getJson(t, `${api}/organizations/${enc(req.organization)}/datasets/?page=${page}&page_size=${PAGE_SIZE}`, what);
    const items: Json[] = Array.isArray(b.data) ? b.data : [];
    for (const d of items) {
      // A dataset published between two pages shifts the others: never list one twice.
      if (!d || typeof d.id !== 'string' || seen.has(d.id)) continue;
      seen.add(d.id);
      datasets.push(udataDataset(d, site, now));
    }
    const total = typeof b.total === 'number' ? b.total : undefined;
    if (!items.length || !b.next_page || (total !== undefined && seen.size >= total)) break;
  }
  return { organization: { id: String(org.id ?? req.organization), name: String(org.name ?? req.organization) }, datasets };
}
