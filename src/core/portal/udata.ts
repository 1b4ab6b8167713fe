// udata client (data.gouv.fr, demo.data.gouv.fr, any udata), API v1, per NOTES §4.2–4.3.
// Every dataset write sends `private` explicitly: udata makes a dataset public otherwise.
import type { PortalClient, RemoteDataset, RemoteResource, UploadFile, WhoAmI } from './client';
import { portalError } from './errors';
import { HttpTransport, TransportOptions } from './transport';
import type { DatasetMetadata, PortalProfile } from './types';
import { siteRoot } from './url';
import { randomUUID } from 'node:crypto';

/** Key of the dataset `extras` entry that lets an interrupted create be found again. */
export const UDATA_MARKER_KEY = 'odw:publish-id';
/** Stop listing an organization's datasets after this many pages (100 each). */
const MAX_LOOKUP_PAGES = 20;

export type ClientOptions = Omit<TransportOptions, 'secrets' | 'authHeaders'>;

type Json = Record<string, any>;
const enc = encodeURIComponent;

export function udataDatasetBody(meta: DatasetMetadata, marker: string | undefined, isPrivate: boolean): Json {
  const body: Json = { title: meta.title, description: meta.description, private: isPrivate };
  if (meta.license) body.license = meta.license;
  if (meta.frequency) body.frequency = meta.frequency;
  if (meta.temporalCoverage) body.temporal_coverage = meta.temporalCoverage;
  if (meta.spatial) body.spatial = meta.spatial;
  if (meta.tags) body.tags = meta.tags;
  if (meta.organization) body.organization = meta.organization;
  if (marker) body.extras = { [UDATA_MARKER_KEY]: marker };
  return body;
}

function toResource(r: Json | undefined): RemoteResource {
  if (!r || typeof r.id !== 'string') throw portalError('protocol', 'resource without id');
  return { id: r.id, title: r.title, url: r.url, checksum: r.checksum ?? undefined };
}

function toDataset(d: Json | undefined): RemoteDataset {
  if (!d || typeof d.id !== 'string') throw portalError('protocol', 'dataset without id');
  return { id: d.id, url: d.page, private: d.private, resources: Array.isArray(d.resources) ? d.resources.map(toResource) : [] };
}

export class UdataClient implements PortalClient {
  readonly kind = 'udata' as const;
  readonly transport: HttpTransport;
  private readonly site: string;
  private readonly api: string;

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
      method: 'GET', url: `${this.api}/me/`, idempotent: true,
      dryRunResponse: { id: 'DRY-RUN-USER', organizations: [] },
    });
    const b = r.body as Json;
    const name = [b?.first_name, b?.last_name].filter(Boolean).join(' ') || undefined;
    const orgs = Array.isArray(b?.organizations) ? b.organizations : [];
    const sysadmin = Array.isArray(b?.roles) && b.roles.includes('admin');
    return { id: String(b?.id ?? ''), name, sysadmin, organizations: orgs.map((o: Json) => ({ id: String(o.id), name: o.name })) };
  }

  newMarker(): string {
    return randomUUID();
  }

  /** Lists the organization's datasets (members also see private ones), or the user's own. */
  async findDatasetByMarker(marker: string, meta: DatasetMetadata): Promise<RemoteDataset | undefined> {
    const base = meta.organization ? `${this.api}/organizations/${enc(meta.organization)}/datasets/` : `${this.api}/me/datasets/`;
    for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
      const r = await this.transport.send({
        method: 'GET', url: `${base}?page=${page}&page_size=100`, idempotent: true,
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
      method: 'POST', url: `${this.api}/datasets/`, idempotent: false,
      json: udataDatasetBody(meta, marker, isPrivate), dryRunResponse: this.dryDataset(),
      progress: { step: 'create-dataset' },
    });
    return toDataset(r.body as Json);
  }

  async getDataset(id: string): Promise<RemoteDataset | undefined> {
    const r = await this.transport.send({
      method: 'GET', url: `${this.api}/datasets/${enc(id)}/`, idempotent: true, accept: [404, 410],
      dryRunResponse: this.dryDataset(id),
    });
    return r.status === 404 || r.status === 410 ? undefined : toDataset(r.body as Json);
  }

  async updateDataset(id: string, meta: DatasetMetadata, marker: string | undefined, isPrivate: boolean): Promise<RemoteDataset> {
    const r = await this.transport.send({
      method: 'PUT', url: `${this.api}/datasets/${enc(id)}/`, idempotent: true,
      json: udataDatasetBody(meta, marker, isPrivate), dryRunResponse: this.dryDataset(id),
    });
    return toDataset(r.body as Json);
  }

  async uploadResource(datasetId: string, file: UploadFile): Promise<RemoteResource> {
    // A new upload is not idempotent: a resent body could create a second resource.
    const r = await this.transport.send({
      method: 'POST', url: `${this.api}/datasets/${enc(datasetId)}/upload/`, idempotent: false,
      multipart: { fields: {}, file: { field: 'file', path: file.path, contentType: file.contentType } },
      dryRunResponse: { id: `DRY-RUN-RESOURCE-${file.marker}` },
      progress: { step: 'upload-resource', path: file.path },
    });
    return toResource(r.body as Json);
  }

  async replaceResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined> {
    // Replacing the file of a known resource gives the same end state when repeated.
    const r = await this.transport.send({
      method: 'POST', url: `${this.api}/datasets/${enc(datasetId)}/resources/${enc(resourceId)}/upload/`,
      idempotent: true, accept: [404],
      multipart: { fields: {}, file: { field: 'file', path: file.path, contentType: file.contentType } },
      dryRunResponse: { id: resourceId },
      progress: { step: 'replace-resource', path: file.path },
    });
    return r.status === 404 ? undefined : toResource(r.body as Json);
  }

  async declareResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined> {
    const json: Json = { title: file.title, type: 'main', format: file.format.toLowerCase() };
    if (file.description) json.description = file.description;
    if (file.schema) json.schema = file.schema.version ? { name: file.schema.name, version: file.schema.version } : { name: file.schema.name };
    const r = await this.transport.send({
      method: 'PUT', url: `${this.api}/datasets/${enc(datasetId)}/resources/${enc(resourceId)}/`, idempotent: true,
      json, dryRunResponse: { id: resourceId },
      progress: { step: 'declare-resource', path: file.path },
    });
    return toResource(r.body as Json);
  }
}
