// Reads an organisation's datasets from a CKAN portal (Action API v3, GET only):
// `organization_show` (id or name), then `package_search?fq=owner_org:"<id>"&rows=&start=`,
// with `include_private=true` when an API key is given (CKAN returns the private datasets
// of the key owner's organisations only; ckan/logic/action/get.py, package_search).
import { siteRoot } from '../portal/url';
import { portalError } from '../portal/errors';
import { isStale, normalizeFrequency } from './frequency';
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
import type { DiagnoseRequest, PortalResource, PublishedDataset } from './types';

const enc = encodeURIComponent;

/** ckanext-validation keeps `schema` as a JSON string, a URL or an object. */
function schemaOf(raw: unknown): string | undefined {
  let v: unknown = raw;
  if (typeof v === 'string') {
    const s = v.trim();
    if (!s) return undefined;
    if (s.startsWith('{')) {
      try {
        v = JSON.parse(s);
      } catch {
        return undefined;
      }
    } else return /^https?:/.test(s) ? schemaNameFromUrl(s) : s;
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Json;
  if (typeof o.name === 'string' && o.name) return o.name;
  return typeof o.url === 'string' ? schemaNameFromUrl(o.url) : undefined;
}

function resourceOf(r: Json): PortalResource {
  return {
    title: typeof r.name === 'string' ? r.name : undefined,
    url: typeof r.url === 'string' ? r.url : undefined,
    format: typeof r.format === 'string' ? r.format.trim().toLowerCase().replace(/^\./, '') : '',
    schema: schemaOf(r.schema),
    size: typeof r.size === 'number' ? r.size : undefined,
    type: typeof r.resource_type === 'string' ? r.resource_type : undefined,
  };
}

function extra(p: Json, key: string): unknown {
  if (p[key] !== undefined) return p[key]; // ckanext-scheming puts extras at the top level
  return Array.isArray(p.extras) ? (p.extras as Json[]).find((e) => e?.key === key)?.value : undefined;
}

export function ckanDataset(p: Json, site: string, now: Date): PublishedDataset {
  const raw: Json[] = Array.isArray(p.resources) ? p.resources : [];
  const resources = raw.map(resourceOf);
  const lastUpdate = latest(raw.map((r) => isoDate(r.last_modified) ?? isoDate(r.created))) ?? isoDate(p.metadata_modified);
  const frequency = normalizeFrequency(extra(p, 'frequency') ?? extra(p, 'accrual_periodicity'));
  return {
    id: String(p.id),
    title: typeof p.title === 'string' && p.title ? p.title : String(p.name ?? p.id),
    url: `${site}/dataset/${enc(String(p.name ?? p.id))}`,
    lastUpdate,
    frequency,
    stale: isStale(lastUpdate, frequency, now),
    formats: uniqueFormats(resources),
    openFormat: hasOpenFormat(resources),
    schema: resources.find((r) => r.schema)?.schema ?? schemaOf(extra(p, 'schema')) ?? null,
    quality: null,
    missingCriteria: [],
    lowQuality: false,
    private: p.private === true,
    resources,
  };
}

function resultOf(b: Json, action: string): Json {
  if (b.success !== true || !b.result || typeof b.result !== 'object')
    throw portalError('protocol', {
      en: `${action}: no success envelope`,
      fr: `${action} : réponse sans l’enveloppe « success » attendue`,
    });
  return b.result as Json;
}

export async function readCkan(
  req: DiagnoseRequest,
): Promise<{ organization: { id: string; name: string }; datasets: PublishedDataset[] }> {
  const site = siteRoot(req.baseUrl, /\/api\/\d+(\/action)?$/);
  const api = `${site}/api/3/action`;
  const t = readTransport(req, 'Authorization');
  const now = req.now ?? new Date();
  const what = organisationWords(req.organization);
  const org = resultOf(
    await getJson(t, `${api}/organization_show?id=${enc(req.organization)}&include_datasets=false`, what),
    'organization_show',
  );
  const orgId = String(org.id ?? req.organization);
  const fq = enc(`owner_org:"${orgId}"`);
  const priv = req.apiKey?.trim() ? '&include_private=true' : '';
  const datasets: PublishedDataset[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${api}/package_search?fq=${fq}&rows=${PAGE_SIZE}&start=${page * PAGE_SIZE}&sort=${enc('name asc')}${priv}`;
    const r = resultOf(await getJson(t, url, what), 'package_search');
    const items: Json[] = Array.isArray(r.results) ? r.results : [];
    for (const p of items) {
      if (!p || typeof p.id !== 'string' || seen.has(p.id)) continue;
      seen.add(p.id);
      datasets.push(ckanDataset(p, site, now));
    }
    const count = typeof r.count === 'number' ? r.count : 0;
    if (items.length < PAGE_SIZE || (page + 1) * PAGE_SIZE >= count) break;
  }
  return { organization: { id: orgId, name: String(org.title || org.display_name || org.name || orgId) }, datasets };
}
