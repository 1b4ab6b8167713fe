// udata reuses (udata/core/reuse/api.py, models.py): POST /api/1/reuses/ with title,
// description, type, topic, url (unique per site: "This URL is already registered") and the
// datasets; PUT /reuses/<id>/ patches; POST /reuses/<id>/image/ takes the image; a deleted
// reuse reads 410 for others, like datasets. Our marker rides in `extras`, so an interrupted
// create is found in GET /me/reuses/ before anything is created again.
import type { HttpTransport } from './transport';
import { portalError } from './errors';

type Json = Record<string, any>;
const enc = encodeURIComponent;
export const REUSE_MARKER_KEY = 'odw:reuse-id';

export interface RemoteReuse {
  id: string;
  /** The reuse's page on the portal. */
  page?: string;
  url?: string;
  marker?: string;
  deleted?: boolean;
}

export interface ReuseFields {
  title: string;
  description: string;
  url: string;
  datasets: string[];
  organization?: string;
}

const toReuse = (r: Json | undefined): RemoteReuse => {
  if (!r || typeof r.id !== 'string') throw portalError('protocol', 'reuse without id');
  const marker = typeof r.extras?.[REUSE_MARKER_KEY] === 'string' ? r.extras[REUSE_MARKER_KEY] : undefined;
  return { id: r.id, page: r.page, url: r.url, marker, deleted: !!r.deleted };
};

export class UdataReuses {
  constructor(
    private readonly t: HttpTransport,
    private readonly api: string,
    private readonly site: string,
  ) {}

  private body(f: ReuseFields, marker: string): Json {
    const b: Json = {
      title: f.title,
      description: f.description,
      type: 'visualization',
      topic: 'others',
      url: f.url,
      datasets: f.datasets,
      extras: { [REUSE_MARKER_KEY]: marker },
    };
    if (f.organization) b.organization = f.organization;
    return b;
  }

  private dry(id = 'DRY-RUN-REUSE-ID'): Json {
    return { id, page: `${this.site}/fr/reuses/${id}/` };
  }

  async get(id: string): Promise<RemoteReuse | undefined> {
    const r = await this.t.send({
      method: 'GET',
      url: `${this.api}/reuses/${enc(id)}/`,
      idempotent: true,
      accept: [404, 410],
      dryRunResponse: this.dry(id),
    });
    if (r.status === 404 || r.status === 410) return undefined;
    const reuse = toReuse(r.body as Json);
    return reuse.deleted ? undefined : reuse;
  }

  async findByMarker(marker: string): Promise<RemoteReuse | undefined> {
    const r = await this.t.send({ method: 'GET', url: `${this.api}/me/reuses/`, idempotent: true, dryRunResponse: [] });
    const list: Json[] = Array.isArray(r.body) ? r.body : Array.isArray((r.body as Json)?.data) ? (r.body as Json).data : [];
    const hit = list.find((x) => x?.extras?.[REUSE_MARKER_KEY] === marker && !x.deleted);
    return hit ? toReuse(hit) : undefined;
  }

  async create(f: ReuseFields, marker: string): Promise<RemoteReuse> {
    const r = await this.t.send({
      method: 'POST',
      url: `${this.api}/reuses/`,
      idempotent: false,
      json: this.body(f, marker),
      dryRunResponse: this.dry(),
    });
    return toReuse(r.body as Json);
  }

  async update(id: string, f: ReuseFields, marker: string): Promise<RemoteReuse> {
    const { organization: _o, ...rest } = f;
    const r = await this.t.send({
      method: 'PUT',
      url: `${this.api}/reuses/${enc(id)}/`,
      idempotent: true,
      json: this.body(rest, marker),
      dryRunResponse: this.dry(id),
    });
    return toReuse(r.body as Json);
  }

  async setImage(id: string, png: string): Promise<void> {
    await this.t.send({
      method: 'POST',
      url: `${this.api}/reuses/${enc(id)}/image/`,
      idempotent: true,
      multipart: { fields: {}, file: { field: 'file', path: png, contentType: 'image/png' } },
      dryRunResponse: {},
    });
  }
}
