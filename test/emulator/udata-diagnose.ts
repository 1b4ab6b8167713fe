// Read-only udata routes the Diagnostic uses, added to the udata emulator by one hook:
// `GET /api/1/organizations/{org}/`, `GET /api/1/organizations/{org}/datasets/?page=&page_size=`
// (private datasets for members; udata/core/organization/api.py OrgDatasetsAPI) and
// `GET /api/1/datasets/?organization=<id>` (an ObjectId, else 400; private ones only for
// members: DatasetApiParser.parse_filters, Dataset.objects.visible_by_user). Dataset JSON
// carries `last_update` and `quality` computed as udata's compute_quality (models.py).
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx, Reply } from './kit';
import { FLAGGED, fillers, seedDate, type SeedDataset } from './diagnose-seed';
import type { EmuDataset, EmuOrg, EmuUser, UdataState } from './udata-state';

const CLOSED = new Set(['pdf', 'doc', 'docx', 'word', 'xls', 'excel', 'xlsx']);
const NO_PERIOD = new Set(['continuous', 'punctual', 'irregular', 'never', 'notPlanned', 'other']);
const PERIOD_DAYS: Record<string, number> = {
  daily: 1,
  weekly: 7,
  monthly: 31,
  quarterly: 93,
  semiannual: 365,
  annual: 365,
  biennial: 730,
};

function orgs(state: UdataState): EmuOrg[] {
  return state.users.flatMap((u) => u.organizations);
}

function lastUpdate(d: EmuDataset): string {
  return d.resources.length
    ? d.resources
        .map((r) => r.last_modified)
        .sort()
        .pop()!
    : d.last_modified;
}

/** udata compute_quality + compute_quality_score, with every resource available. */
export function quality(d: EmuDataset, now = Date.now()): Record<string, unknown> {
  const q: Record<string, boolean> = {
    license: !!d.license && d.license !== 'notspecified',
    temporal_coverage: !!d.temporal_coverage,
    spatial: !!d.spatial,
    update_frequency: !!d.frequency && d.frequency !== 'unknown',
    dataset_description_quality: d.description.length > 100,
  };
  if (q.update_frequency) {
    const days = PERIOD_DAYS[d.frequency!];
    if (days) q.update_fulfilled_in_time = Date.parse(lastUpdate(d)) + days * 86_400_000 >= now - 86_400_000;
    else if (NO_PERIOD.has(d.frequency!)) q.update_fulfilled_in_time = true;
  }
  if (d.resources.length) {
    q.has_resources = true;
    q.has_open_format = !d.resources.every((r) => !r.format || CLOSED.has(r.format));
    q.all_resources_available = true;
    q.resources_documentation = d.resources.some((r) => r.type === 'documentation' || !!r.description);
  }
  const points = Object.entries(q).filter(([k, v]) => k !== 'has_resources' && v).length;
  return { ...q, score: points / 9 };
}

function json(state: UdataState, d: EmuDataset, base: string) {
  return { ...state.datasetJson(d, base), last_update: lastUpdate(d), quality: quality(d) };
}

function page(ctx: Ctx, all: EmuDataset[], state: UdataState, base: string, path: string): Reply {
  const p = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const size = Math.min(100, Math.max(1, Number(ctx.query.get('page_size') ?? 20) || 20));
  const data = all.slice((p - 1) * size, p * size).map((d) => json(state, d, base));
  const link = (n: number) => `${base}${path}?page=${n}&page_size=${size}`;
  return {
    status: 200,
    body: {
      data,
      page: p,
      page_size: size,
      total: all.length,
      next_page: p * size < all.length ? link(p + 1) : null,
      previous_page: p > 1 ? link(p - 1) : null,
    },
  };
}

/** The hook: an answer for the Diagnostic's routes, undefined for every other request. */
export function diagnoseRoute(ctx: Ctx, state: UdataState, base: string, user: EmuUser | undefined): Reply | undefined {
  if (ctx.method !== 'GET') return undefined;
  const find = (idOrSlug: string) => orgs(state).find((o) => o.id === idOrSlug || o.slug === idOrSlug);
  const byTitle = (a: EmuDataset, b: EmuDataset) => a.title.localeCompare(b.title, 'fr');
  const orgDatasets = /^\/api\/1\/organizations\/([^/]+)\/datasets\/$/.exec(ctx.path);
  if (orgDatasets) {
    const org = find(decodeURIComponent(orgDatasets[1]));
    if (!org) return { status: 404, body: { message: 'Organization not found' } };
    const all = state
      .liveDatasets()
      .filter((d) => d.organization === org.id && state.canRead(user, d))
      .sort(byTitle);
    return page(ctx, all, state, base, ctx.path);
  }
  const orgOne = /^\/api\/1\/organizations\/([^/]+)\/$/.exec(ctx.path);
  if (orgOne) {
    const org = find(decodeURIComponent(orgOne[1]));
    // The same organisation as udata's own route (its members with their roles), plus its page.
    return org
      ? {
          status: 200,
          body: {
            ...(state.orgJson(org.id) ?? {}),
            id: org.id,
            name: org.name,
            slug: org.slug,
            page: `${base}/fr/organizations/${org.slug}/`,
          },
        }
      : { status: 404, body: { message: 'Organization not found' } };
  }
  if (ctx.path === '/api/1/datasets/' && ctx.query.has('organization')) {
    const id = ctx.query.get('organization')!;
    if (!/^[0-9a-f]{24}$/.test(id)) return { status: 400, body: { message: 'Organization arg must be an identifier' } };
    const all = state
      .liveDatasets()
      .filter((d) => d.organization === id && state.canRead(user, d))
      .sort(byTitle);
    return page(ctx, all, state, base, ctx.path);
  }
  return undefined;
}

export const DIAG_ORG: EmuOrg = { id: '5f0c0ffee0c0ffee0c0ffee1', name: 'Ville de Diagville', slug: 'ville-de-diagville' };

/** A member of DIAG_ORG, whose key sees its private dataset. */
export function diagUser(): EmuUser {
  return {
    id: 'user-diag',
    apiKey: `odw-diag-${createHash('sha1').update(randomUUID()).digest('hex')}`,
    first_name: 'Dominique',
    last_name: 'Diag',
    organizations: [DIAG_ORG],
  };
}

/** Puts FLAGGED (+ `fillers`) into the emulator; `base` is the emulator URL (resource links). */
export function seedUdataDiagnose(
  state: UdataState,
  base: string,
  extra = 100,
  specs: SeedDataset[] = [...FLAGGED, ...fillers(extra)],
): void {
  for (const s of specs) {
    const id = createHash('sha1').update(s.key).digest('hex').slice(0, 24);
    const slug = s.key;
    const at = seedDate(s.ageDays);
    const d: EmuDataset = {
      id,
      slug,
      title: s.title,
      description: s.description,
      license: s.license,
      frequency: s.frequency,
      temporal_coverage: s.temporal ? { start: '2024-01-01', end: '2024-12-31' } : undefined,
      spatial: s.spatial ? { zones: ['fr:commune:38185'] } : undefined,
      tags: [],
      organization: DIAG_ORG.id,
      owner: 'user-diag',
      private: !!s.private,
      extras: {},
      resources: [],
      deleted: false,
      created_at: at,
      last_modified: at,
    };
    for (const r of s.resources) {
      const rid = randomUUID();
      const storedPath = join(state.dir, `${rid}-${r.filename}`);
      const bytes = Buffer.from(r.content ?? '%PDF-1.4\n');
      writeFileSync(storedPath, bytes);
      d.resources.push({
        id: rid,
        title: r.title,
        description: r.description,
        type: r.type ?? 'main',
        format: r.format,
        filetype: 'file',
        url: `${base}/static/resources/${slug}/${rid}/${r.filename}`,
        filename: r.filename,
        filesize: bytes.length,
        mime: r.format === 'csv' ? 'text/csv' : 'application/octet-stream',
        checksum: { type: 'sha1', value: createHash('sha1').update(bytes).digest('hex') },
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storedPath,
        schema: r.schema ? { name: r.schema } : undefined,
        extras: {},
        last_modified: at,
      });
    }
    state.datasets.set(id, d);
  }
}
