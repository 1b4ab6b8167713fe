// udata client (data.gouv.fr, demo.data.gouv.fr, any udata), API v1, per NOTES §4.2–4.3.
// Every dataset write sends `private` explicitly: udata makes a dataset public otherwise.
import type { PortalClient, PublishRight, RemoteDataset, RemoteResource, UploadFile, WhoAmI } from './client';
import { portalError } from './errors';
import { resourceTypeOf } from './resource-type';
import { HttpTransport, TransportOptions } from './transport';
import type { Bilingual, DatasetMetadata, PortalProfile } from './types';
import { siteRoot } from './url';
import { randomUUID } from 'node:crypto';

/** Key of the dataset `extras` entry that lets an interrupted create be found again. */
export const UDATA_MARKER_KEY = 'odw:publish-id';
/** Stop listing an organization's datasets after this many pages (100 each). */
const MAX_LOOKUP_PAGES = 20;

export type ClientOptions = Omit<TransportOptions, 'secrets' | 'authHeaders'>;

type Json = Record<string, any>;
const enc = encodeURIComponent;

/** `extras` replaces the stored dict: pass the dataset's own extras to keep them next to our marker. */
export function udataDatasetBody(
  meta: DatasetMetadata,
  marker: string | undefined,
  isPrivate: boolean,
  keepExtras?: Record<string, unknown>,
): Json {
  const body: Json = { title: meta.title, description: meta.description, private: isPrivate };
  if (meta.license) body.license = meta.license;
  if (meta.frequency) body.frequency = meta.frequency;
  if (meta.temporalCoverage) body.temporal_coverage = meta.temporalCoverage;
  if (meta.spatial) body.spatial = meta.spatial;
  if (meta.tags) body.tags = meta.tags;
  if (meta.organization) body.organization = meta.organization;
  if (marker) body.extras = { ...keepExtras, [UDATA_MARKER_KEY]: marker };
  return body;
}

function toResource(r: Json | undefined): RemoteResource {
  if (!r || typeof r.id !== 'string') throw portalError('protocol', 'resource without id');
  const checksum = r.checksum ?? undefined;
  const sha1 = checksum?.type === 'sha1' && typeof checksum.value === 'string' ? checksum.value.toLowerCase() : undefined;
  return { id: r.id, title: r.title, url: r.url, checksum, sha1 };
}

function toDataset(d: Json | undefined): RemoteDataset {
  if (!d || typeof d.id !== 'string') throw portalError('protocol', 'dataset without id');
  const extras = d.extras && typeof d.extras === 'object' ? (d.extras as Record<string, unknown>) : undefined;
  const marker = typeof extras?.[UDATA_MARKER_KEY] === 'string' ? (extras[UDATA_MARKER_KEY] as string) : undefined;
  const organization =
    typeof d.organization === 'string' ? d.organization : typeof d.organization?.id === 'string' ? d.organization.id : undefined;
  return {
    id: d.id,
    url: d.page,
    private: d.private,
    resources: Array.isArray(d.resources) ? d.resources.map(toResource) : [],
    marker,
    extras,
    organization,
  };
}

export class UdataClient implements PortalClient {
  readonly kind = 'udata' as const;
  readonly transport: HttpTransport;
  readonly site: string;
  /** `<site>/api/1`, for the reuse calls (udata-reuse.ts). */
  readonly api: string;

  constructor(profile: PortalProfile, opts: ClientOptions = {}) {
    this.site = siteRoot(profile.baseUrl, /\/api\/\d+$/);
    this.api = `${this.site}/api/1`;
    this.transport = new HttpTransport({ ...opts, secrets: [profile.apiKey], authHeaders: { 'X-API-KEY': profile.apiKey } });
  }

  private dryDataset(id = 'DRY-RUN-DATASET-ID'): Json {
    return { id, page: `${this.site}/fr/datasets/${id}/`, resources: [] };
  }

  async whoami(): Promise<WhoAmI> {
    const r = await this.transport.send({
      method: 'GET',
      url: `${this.api}/me/`,
      idempotent: true,
      dryRunResponse: { id: 'DRY-RUN-USER', organizations: [] },
    });
    const b = r.body as Json;
    const name = [b?.first_name, b?.last_name].filter(Boolean).join(' ') || undefined;
    const orgs = Array.isArray(b?.organizations) ? b.organizations : [];
    const sysadmin = Array.isArray(b?.roles) && b.roles.includes('admin');
    return {
      id: String(b?.id ?? ''),
      name,
      sysadmin,
      organizations: orgs.map((o: Json) => ({ id: String(o.id), name: o.name, slug: o.slug })),
    };
  }

  /**
   * udata/core/dataset/permissions.py OwnablePermission: an organisation's datasets are edited
   * by its `admin` and `editor` members; a `partial_editor` only reads private assets. `/me/`
   * lists the organisations without the role, so the organisation's members give it.
   */
  async publishRight(me: WhoAmI, org: string | undefined): Promise<PublishRight> {
    if (!org) return { ok: true };
    const mine = me.organizations.find((o) => o.id === org || o.slug === org || o.name === org);
    if (!mine && !me.sysadmin) return { ok: false };
    const r = await this.transport.send({
      method: 'GET',
      url: `${this.api}/organizations/${enc(mine?.id ?? org)}/`,
      idempotent: true,
      accept: [404],
      dryRunResponse: { id: org, name: org, members: [] },
    });
    const b = r.body as Json;
    if (r.status === 404) return { ok: !!me.sysadmin, orgName: org };
    const orgName = typeof b?.name === 'string' ? b.name : mine?.name;
    if (me.sysadmin) return { ok: true, orgName, role: 'sysadmin' };
    const members: Json[] = Array.isArray(b?.members) ? b.members : [];
    const role = members.find((m) => String(m?.user?.id ?? '') === me.id)?.role as string | undefined;
    // A portal that hides members (or a dry run) cannot tell: let the write answer.
    if (!role) return { ok: true, orgName };
    return { ok: role === 'admin' || role === 'editor', orgName, role };
  }

  /** udata/core/dataset/api.py AllowedExtensionsAPI: the ALLOWED_RESOURCES_EXTENSIONS setting. */
  async allowedExtensions(): Promise<string[] | undefined> {
    const r = await this.transport.send({
      method: 'GET',
      url: `${this.api}/datasets/extensions/`,
      idempotent: true,
      accept: [404],
      dryRunResponse: undefined,
    });
    return r.status === 404 || !Array.isArray(r.body) ? undefined : (r.body as unknown[]).map((x) => String(x).toLowerCase());
  }

  /** Zone ids the portal suggests for a name or code (GET /spatial/zones/suggest/), for pickers. */
  async suggestZones(q: string, size = 10): Promise<{ id: string; name: string; level?: string }[]> {
    const r = await this.transport.send({
      method: 'GET',
      url: `${this.api}/spatial/zones/suggest/?q=${enc(q)}&size=${size}`,
      idempotent: true,
      dryRunResponse: [],
    });
    return Array.isArray(r.body)
      ? (r.body as Json[]).filter((z) => typeof z?.id === 'string').map((z) => ({ id: z.id, name: String(z.name ?? z.id), level: z.level }))
      : [];
  }

  /** GET /spatial/granularities/: the ids `spatial.granularity` accepts. */
  async granularities(): Promise<{ id: string; name: string }[]> {
    const r = await this.transport.send({ method: 'GET', url: `${this.api}/spatial/granularities/`, idempotent: true, dryRunResponse: [] });
    return Array.isArray(r.body) ? (r.body as Json[]).map((g) => ({ id: String(g.id), name: String(g.name ?? g.id) })) : [];
  }

  /**
   * udata/core/spatial/forms.py ZonesField refuses an unknown zone with "Unknown geoid(s)"
   * after the dataset form is sent; checked here first so nothing is created with it.
   */
  async prepareMetadata(meta: DatasetMetadata): Promise<{ meta: DatasetMetadata; warnings: Bilingual[] }> {
    const zones = meta.spatial?.zones ?? [];
    const unknown: string[] = [];
    for (const z of zones) {
      const r = await this.transport.send({
        method: 'GET',
        url: `${this.api}/spatial/zone/${enc(z)}/`,
        idempotent: true,
        accept: [404],
        dryRunResponse: { id: z },
      });
      if (r.status === 404) unknown.push(z);
    }
    const problems: string[] = [];
    if (unknown.length) {
      const hints: string[] = [];
      for (const z of unknown) {
        const code = z.split(':').pop() ?? z;
        const found = await this.suggestZones(code, 3);
        if (found.length) hints.push(`${z} → ${found.map((f) => `${f.id} (${f.name})`).join(', ')}`);
      }
      problems.push(`unknown zone(s) ${unknown.join(', ')}${hints.length ? `; the portal suggests: ${hints.join('; ')}` : ''}`);
    }
    const gran = meta.spatial?.granularity;
    if (gran && !this.transport.dryRun) {
      const known = await this.granularities();
      if (known.length && !known.some((g) => g.id === gran))
        problems.push(`unknown granularity ${gran}; known: ${known.map((g) => g.id).join(', ')}`);
    }
    if (problems.length) throw portalError('bad-spatial', problems.join('; '), { step: 'check-metadata' });
    return { meta, warnings: [] };
  }

  newMarker(): string {
    return randomUUID();
  }

  /** Lists the organization's datasets (members also see private ones), or the user's own. */
  async findDatasetByMarker(marker: string, meta: DatasetMetadata): Promise<RemoteDataset | undefined> {
    const base = meta.organization ? `${this.api}/organizations/${enc(meta.organization)}/datasets/` : `${this.api}/me/datasets/`;
    for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
      const r = await this.transport.send({
        method: 'GET',
        url: `${base}?page=${page}&page_size=100`,
        idempotent: true,
        dryRunResponse: { data: [], next_page: null },
      });
      const b = r.body as Json;
      const items: Json[] = Array.isArray(b) ? b : Array.isArray(b?.data) ? b.data : [];
      const hit = items.find((d) => d?.extras?.[UDATA_MARKER_KEY] === marker);
      if (hit) return toDataset(hit);
      if (Array.isArray(b) || !b?.next_page) return undefined;
    }
    return undefined;
  }

  async createDataset(meta: DatasetMetadata, marker: string, isPrivate: boolean): Promise<RemoteDataset> {
    const r = await this.transport.send({
      method: 'POST',
      url: `${this.api}/datasets/`,
      idempotent: false,
      json: udataDatasetBody(meta, marker, isPrivate),
      dryRunResponse: this.dryDataset(),
      progress: { step: 'create-dataset' },
    });
    return toDataset(r.body as Json);
  }

  async getDataset(id: string): Promise<RemoteDataset | undefined> {
    const r = await this.transport.send({
      method: 'GET',
      url: `${this.api}/datasets/${enc(id)}/`,
      idempotent: true,
      accept: [404, 410],
      dryRunResponse: this.dryDataset(id),
    });
    if (r.status === 404 || r.status === 410) return undefined;
    // udata/core/dataset/api.py DatasetAPI.get: the owner of a deleted dataset still reads it
    // (200 with a `deleted` date); only others get 410. Any write to it answers 410.
    const b = r.body as Json;
    if (b && b.deleted) return undefined;
    return toDataset(b);
  }

  async updateDataset(
    id: string,
    meta: DatasetMetadata,
    marker: string | undefined,
    isPrivate: boolean,
    keepExtras?: Record<string, unknown>,
  ): Promise<RemoteDataset> {
    // udata's DatasetForm answers 400 to an organisation change on update: the owner is only
    // set on create, so a changed setting never blocks the yearly update.
    const { organization: _org, ...rest } = meta;
    const r = await this.transport.send({
      method: 'PUT',
      url: `${this.api}/datasets/${enc(id)}/`,
      idempotent: true,
      json: udataDatasetBody(rest, marker, isPrivate, keepExtras),
      dryRunResponse: this.dryDataset(id),
    });
    return toDataset(r.body as Json);
  }

  async uploadResource(datasetId: string, file: UploadFile): Promise<RemoteResource> {
    // A new upload is not idempotent: a resent body could create a second resource.
    const r = await this.transport.send({
      method: 'POST',
      url: `${this.api}/datasets/${enc(datasetId)}/upload/`,
      idempotent: false,
      multipart: { fields: {}, file: { field: 'file', path: file.path, contentType: file.contentType } },
      dryRunResponse: { id: `DRY-RUN-RESOURCE-${file.marker}` },
      progress: { step: 'upload-resource', path: file.path },
    });
    return toResource(r.body as Json);
  }

  async replaceResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined> {
    // Replacing the file of a known resource gives the same end state when repeated.
    const r = await this.transport.send({
      method: 'POST',
      url: `${this.api}/datasets/${enc(datasetId)}/resources/${enc(resourceId)}/upload/`,
      idempotent: true,
      accept: [404],
      multipart: { fields: {}, file: { field: 'file', path: file.path, contentType: file.contentType } },
      dryRunResponse: { id: resourceId },
      progress: { step: 'replace-resource', path: file.path },
    });
    return r.status === 404 ? undefined : toResource(r.body as Json);
  }

  async declareResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined> {
    // udata keeps the format it detected for an uploaded file and resets a replaced file's
    // title to its name, so the title is declared again after every upload.
    const json: Json = { title: file.title, type: resourceTypeOf(file), format: file.format.toLowerCase() };
    if (file.description) json.description = file.description;
    if (file.schema)
      json.schema = file.schema.version ? { name: file.schema.name, version: file.schema.version } : { name: file.schema.name };
    const r = await this.transport.send({
      method: 'PUT',
      url: `${this.api}/datasets/${enc(datasetId)}/resources/${enc(resourceId)}/`,
      idempotent: true,
      json,
      dryRunResponse: { id: resourceId },
      progress: { step: 'declare-resource', path: file.path },
    });
    return toResource(r.body as Json);
  }
}
