// Reuses in the udata emulator, as udata/core/reuse/api.py and models.py have them: POST
// /reuses/ (title, description, type in REUSE_TYPES, topic in REUSE_TOPICS, url unique per
// site, datasets), GET/PUT/DELETE /reuses/<id>/ (410 on a deleted one, PUT patches),
// POST /reuses/<id>/image/, GET /me/reuses/.
import { randomUUID } from 'node:crypto';
import type { Ctx, Reply } from './kit';
import type { EmuUser, UdataState } from './udata-state';

const TYPES = ['api', 'application', 'idea', 'news_article', 'paper', 'post', 'visualization', 'hardware'];
const TOPICS = [
  'health',
  'transport_and_mobility',
  'housing_and_development',
  'food_and_agriculture',
  'culture_and_recreation',
  'economy_and_business',
  'environment_and_energy',
  'work_and_training',
  'politics_and_public_life',
  'safety_and_security',
  'education_and_research',
  'society_and_demography',
  'law_and_justice',
  'open_data_tools',
  'others',
];

export interface EmuReuse {
  id: string;
  title: string;
  description: string;
  type: string;
  topic: string;
  url: string;
  datasets: string[];
  owner: string;
  organization?: string;
  extras: Record<string, unknown>;
  image?: { size: number };
  deleted?: string;
  private: boolean;
}

export class ReuseStore {
  readonly reuses = new Map<string, EmuReuse>();
  constructor(private readonly state: UdataState) {}

  live(): EmuReuse[] {
    return [...this.reuses.values()].filter((r) => !r.deleted);
  }

  json(r: EmuReuse, base: string): Record<string, unknown> {
    return {
      ...r,
      datasets: r.datasets.map((id) => ({ id })),
      deleted: r.deleted ?? null,
      image: r.image ? `${base}/images/reuses/${r.id}.png` : null,
      page: `${base}/fr/reuses/${r.id}/`,
    };
  }

  private validate(b: any, existing?: EmuReuse): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    const get = (k: string) => (k in b ? b[k] : (existing as any)?.[k]);
    for (const k of ['title', 'description', 'url'])
      if (typeof get(k) !== 'string' || !get(k).trim()) errors[k] = ['This field is required.'];
    if (!TYPES.includes(get('type'))) errors.type = ['Not a valid choice.'];
    if (!TOPICS.includes(get('topic'))) errors.topic = ['Not a valid choice.'];
    const url = get('url');
    // models.py check_url_does_not_exists: the urlhash is unique.
    if (typeof url === 'string' && this.live().some((r) => r.url === url && r !== existing))
      errors.url = ['This URL is already registered'];
    if (
      'datasets' in b &&
      (!Array.isArray(b.datasets) || b.datasets.some((d: unknown) => !this.state.find(typeof d === 'string' ? d : String((d as any)?.id))))
    )
      errors.datasets = ['Unknown dataset'];
    return errors;
  }

  /** Undefined when the path is not a reuse endpoint. */
  route(ctx: Ctx, p: string, user: EmuUser | undefined, base: string): Reply | undefined {
    const fail = (status: number, message: string): Reply => ({ status, body: { message } });
    if (p === '/me/reuses/' && ctx.method === 'GET') {
      if (!user) return fail(401, 'Unauthorized');
      return {
        status: 200,
        body: this.live()
          .filter((r) => r.owner === user.id)
          .map((r) => this.json(r, base)),
      };
    }
    if (p === '/reuses/' && ctx.method === 'POST') {
      const b = ctx.json ?? {};
      const errors = this.validate(b);
      if (Object.keys(errors).length) return { status: 400, body: { errors } };
      const r: EmuReuse = {
        id: randomUUID().replace(/-/g, '').slice(0, 24),
        title: b.title,
        description: b.description,
        type: b.type,
        topic: b.topic,
        url: b.url,
        datasets: (b.datasets ?? []).map((d: any) => (typeof d === 'string' ? d : d.id)),
        owner: user!.id,
        organization: b.organization,
        extras: b.extras ?? {},
        private: b.private === true,
      };
      this.reuses.set(r.id, r);
      return { status: 201, body: this.json(r, base) };
    }
    const m = /^\/reuses\/([^/]+)\/(image\/)?$/.exec(p);
    if (!m) return undefined;
    const r = this.reuses.get(m[1]);
    if (!r) return fail(404, 'Reuse not found');
    const canEdit = !!user && (r.owner === user.id || this.state.isMember(user, r.organization));
    if (ctx.method === 'GET' && !m[2]) {
      if (r.deleted && !canEdit) return fail(410, 'This reuse has been deleted');
      return { status: 200, body: this.json(r, base) };
    }
    if (!canEdit) return fail(403, 'You do not have the permission to modify that object.');
    if (m[2] && ctx.method === 'POST') {
      const f = ctx.multipart?.files.find((x) => x.name === 'file');
      if (!f) return { status: 400, body: { errors: { file: ['This field is required.'] } } };
      r.image = { size: f.data.length };
      return { status: 200, body: { success: true, image: `${base}/images/reuses/${r.id}.png` } };
    }
    if (ctx.method === 'PUT') {
      if (r.deleted && (ctx.json ?? {}).deleted !== null) return fail(410, 'This reuse has been deleted');
      const b = ctx.json ?? {};
      const errors = this.validate(b, r);
      if (Object.keys(errors).length) return { status: 400, body: { errors } };
      for (const k of ['title', 'description', 'type', 'topic', 'url', 'extras']) if (k in b) (r as any)[k] = b[k];
      if ('datasets' in b) r.datasets = b.datasets.map((d: any) => (typeof d === 'string' ? d : d.id));
      return { status: 200, body: this.json(r, base) };
    }
    if (ctx.method === 'DELETE') {
      if (r.deleted) return fail(410, 'This reuse has been deleted');
      r.deleted = new Date().toISOString();
      return { status: 204 };
    }
    return fail(405, 'Method not allowed');
  }
}
