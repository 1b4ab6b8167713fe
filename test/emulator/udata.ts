// udata-compatible emulator (API v1 subset used by the publisher, NOTES §4): real HTTP on
// loopback, uploads stored in a temp dir with checksums, error shapes as udata sends them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { ALLOWED_EXTENSIONS, checkSchema, FREQUENCIES, LICENSES, SCHEMA_CATALOGUE } from './catalogue';
import type { FaultRule } from './faults';
import { Ctx, LogEntry, Reply, sha256, startServer } from './kit';
import { EmuDataset, EmuResource, EmuUser, UdataState } from './udata-state';
import { GRANULARITIES, resolveZone, suggestZones } from './udata-spatial';
import { ReuseStore } from './udata-reuse';
import { diagnoseRoute } from './udata-diagnose';

export interface UdataEmulatorOptions {
  port?: number;
  host?: string;
  users?: EmuUser[];
  /** Uploads above this size answer 413. */
  maxUploadBytes?: number;
  /** udata READ_ONLY_MODE: the METHOD_BLOCKLIST POSTs answer 423 (udata/api/__init__.py, settings.py). */
  readOnly?: boolean;
  /**
   * Time udata takes to copy an upload to its storage before answering and before the
   * resource exists (udata/core/dataset/api.py UploadMixin.handle_upload). Default none.
   */
  storageMsPerMB?: number;
  /** The site's ALLOWED_RESOURCES_EXTENSIONS (default udata's, without html or tsv). */
  allowedExtensions?: string[];
  faults?: FaultRule[];
}

export interface UdataEmulator {
  url: string;
  /** API key of the first user. */
  apiKey: string;
  state: UdataState;
  reuses: ReuseStore;
  log: LogEntry[];
  faults: import('./faults').FaultController;
  stop(): Promise<void>;
}

const RESOURCE_TYPES = ['main', 'documentation', 'update', 'api', 'code', 'other'];
const ok = (body: unknown, status = 200): Reply => ({ status, body });
const fail = (status: number, message: string): Reply => ({ status, body: { message } });
/** udata/api/__init__.py validate(): api.abort(400, errors=form.errors) — no `message` on most. */
const invalid = (errors: Record<string, unknown>): Reply => ({ status: 400, body: { errors } });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** METHOD_BLOCKLIST entries the publisher reaches: DatasetListAPI, UploadNew…, UploadDatasetResource, ReuseListAPI. */
const BLOCKED_IN_READ_ONLY = [
  /^\/datasets\/$/,
  /^\/datasets\/[^/]+\/upload\/$/,
  /^\/datasets\/[^/]+\/resources\/[^/]+\/upload\/$/,
  /^\/datasets\/[^/]+\/resources\/$/,
  /^\/reuses\/$/,
];

export function demoUser(): EmuUser {
  return {
    id: 'user-demo',
    apiKey: `odw-demo-${randomBytes(16).toString('hex')}`,
    first_name: 'Camille',
    last_name: 'Démo',
    organizations: [{ id: 'org-demo', name: 'Commune de Démo', slug: 'commune-de-demo' }],
  };
}

export async function startUdataEmulator(opts: UdataEmulatorOptions = {}): Promise<UdataEmulator> {
  const users = opts.users ?? [demoUser()];
  const dir = mkdtempSync(join(tmpdir(), 'odw-udata-'));
  const state = new UdataState(users, dir);
  const reuses = new ReuseStore(state);
  const allowed = opts.allowedExtensions ?? ALLOWED_EXTENSIONS;
  let base = '';

  const storeFile = (d: EmuDataset, r: Pick<EmuResource, 'id'>, filename: string, data: Buffer) => {
    const storedPath = join(dir, `${r.id}${extname(filename)}`);
    writeFileSync(storedPath, data);
    return {
      filename,
      storedPath,
      filesize: data.length,
      sha256: sha256(data),
      checksum: { type: 'sha1' as const, value: createHash('sha1').update(data).digest('hex') },
      url: `${base}/static/resources/${d.slug}/${r.id}/${encodeURIComponent(filename)}`,
      last_modified: new Date().toISOString(),
    };
  };

  /** Checks the uploaded file like udata: one `file` part, allowed extension, not HTML. */
  const takeUpload = (ctx: Ctx): Reply | { filename: string; data: Buffer; mime: string } => {
    if (!ctx.multipart) return invalid({ file: ['This field is required.'] });
    const f = ctx.multipart.files.find((p) => p.name === 'file');
    if (!f || !f.filename) return invalid({ file: ['This field is required.'] });
    const ext = extname(f.filename).slice(1).toLowerCase();
    if (!allowed.includes(ext)) return fail(400, `This file type is not allowed: ${ext}`);
    if (!['html', 'htm'].includes(ext) && /^\s*<(!doctype html|html)/i.test(f.data.subarray(0, 512).toString('utf8')))
      return fail(415, 'Incorrect file content type: HTML');
    return { filename: f.filename, data: f.data, mime: f.contentType ?? 'application/octet-stream' };
  };

  const handler = async (ctx: Ctx): Promise<Reply> => {
    // The storage copy happens before the answer and before the resource is saved, whether
    // or not the client is still waiting.
    if (opts.storageMsPerMB && ctx.method === 'POST' && /\/upload\/$/.test(ctx.path))
      await wait(Math.ceil(ctx.raw.length / 1048576) * opts.storageMsPerMB);
    return route(ctx);
  };

  const route = (ctx: Ctx): Reply => {
    const { method, path } = ctx;
    const staticFile = /^\/static\/resources\/[^/]+\/([^/]+)\//.exec(path);
    if (staticFile && method === 'GET') {
      const r = state
        .liveDatasets()
        .flatMap((d) => d.resources)
        .find((x) => x.id === staticFile[1]);
      return r ? { status: 200, bytes: readFileSync(r.storedPath), headers: { 'Content-Type': r.mime } } : fail(404, 'Not found');
    }
    if (!path.startsWith('/api/1/')) return fail(404, 'Not found');
    const p = path.slice('/api/1'.length);
    const keyHeader = ctx.headers['x-api-key'];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    const user = state.userByKey(key);
    if (key && !user) return fail(401, 'Invalid API token');
    if (user?.expired) return fail(401, 'Expired API token');
    const diagnosis = diagnoseRoute(ctx, state, base, user);
    if (diagnosis) return diagnosis; // read-only routes of the Diagnostic
    const write = method !== 'GET';
    if (write && !user) return fail(401, 'Unauthorized');
    if (
      write &&
      method === 'POST' &&
      opts.readOnly &&
      !user?.sysadmin &&
      BLOCKED_IN_READ_ONLY.some((r) => r.test(path.slice('/api/1'.length)))
    ) {
      return fail(423, 'Due to security reasons, the creation of new content is currently disabled.');
    }
    if (write && ctx.badJson) return fail(400, 'Failed to decode JSON object');
    const needJson = () =>
      /application\/json/i.test(String(ctx.headers['content-type'] ?? ''))
        ? undefined
        : invalid({ 'Content-Type': 'expecting application/json' });

    if (p === '/me/' && method === 'GET') {
      if (!user) return fail(401, 'Unauthorized');
      const { apiKey: _k, expired: _e, sysadmin, ...pub } = user;
      return ok({ ...pub, roles: sysadmin ? ['admin'] : [] });
    }
    if (p === '/me/datasets/' && method === 'GET') {
      if (!user) return fail(401, 'Unauthorized');
      return ok(
        state
          .liveDatasets()
          .filter((d) => d.owner === user.id && !d.organization)
          .map((d) => state.datasetJson(d, base)),
      );
    }
    const orgList = /^\/organizations\/([^/]+)\/datasets\/$/.exec(p);
    if (orgList && method === 'GET') {
      const all = state.liveDatasets().filter((d) => d.organization === orgList[1] && state.canRead(user, d));
      const page = Math.max(1, Number(ctx.query.get('page') ?? 1));
      const size = Math.min(100, Math.max(1, Number(ctx.query.get('page_size') ?? 20)));
      const data = all.slice((page - 1) * size, page * size).map((d) => state.datasetJson(d, base));
      const more = page * size < all.length;
      return ok({
        data,
        page,
        page_size: size,
        total: all.length,
        next_page: more ? `${base}/api/1${p}?page=${page + 1}&page_size=${size}` : null,
        previous_page: null,
      });
    }
    if (p === '/datasets/schemas/')
      return ok(Object.entries(SCHEMA_CATALOGUE).map(([name, v]) => ({ name, versions: v.map((version_name) => ({ version_name })) })));
    if (p === '/datasets/licenses/') return ok(LICENSES.map((id) => ({ id, title: id })));
    if (p === '/datasets/frequencies/') return ok(FREQUENCIES.map((id) => ({ id, label: id })));
    if (p === '/datasets/extensions/') return ok([...allowed].sort());
    const reuse = reuses.route(ctx, p, user, base);
    if (reuse) return reuse;
    const orgShow = /^\/organizations\/([^/]+)\/$/.exec(p);
    if (orgShow && method === 'GET') {
      const o = state.orgJson(orgShow[1]);
      return o ? ok(o) : fail(404, 'Not found');
    }
    if (p === '/spatial/granularities/') return ok(GRANULARITIES);
    if (p === '/spatial/zones/suggest/') return ok(suggestZones(ctx.query.get('q') ?? '', Number(ctx.query.get('size') ?? 10)));
    const zone = /^\/spatial\/zone\/([^/]+)\/$/.exec(p);
    if (zone && method === 'GET') {
      const z = resolveZone(decodeURIComponent(zone[1]));
      return z ? ok({ id: z.id, type: 'Feature', properties: { name: z.name, code: z.code, level: z.level } }) : fail(404, 'Not found');
    }

    if (p === '/datasets/' && method === 'POST') {
      const bad = needJson();
      if (bad) return bad;
      const v = state.validate(ctx.json ?? {}, user!);
      if ('errors' in v) return invalid(v.errors);
      return ok(state.datasetJson(state.create(v.values, user!), base), 201);
    }
    const m = /^\/datasets\/([^/]+)\/(?:(upload)\/|resources\/([^/]+)\/(upload\/)?)?$/.exec(p);
    if (!m) return fail(404, 'Not found');
    const d = state.find(m[1]);
    if (!d) return fail(404, 'Dataset not found');
    // udata/core/dataset/api.py DatasetAPI / ResourceAPI.get: whoever may read it (its owner,
    // its organisation's members) still gets a deleted dataset, with its `deleted` date;
    // others get 410 when it was public, 404 when private.
    if (!state.canRead(user, d) || (d.deleted && !state.canEdit(user, d) && method === 'GET')) {
      return d.deleted && !d.private ? fail(410, 'Dataset has been deleted') : fail(404, 'Dataset not found');
    }
    if (write && !state.canEdit(user, d)) return fail(403, 'You do not have the permission to modify that object.');
    // DatasetAPI.put and .delete answer 410 for a deleted dataset (unless a PUT sends
    // `deleted: null` to restore it); the upload endpoints do not check, so files land in the trash.
    if (d.deleted && !m[2] && !m[3] && (method === 'DELETE' || (method === 'PUT' && (ctx.json ?? {}).deleted !== null)))
      return fail(410, 'Dataset has been deleted');
    const touch = () => (d.last_modified = new Date().toISOString());

    if (!m[2] && !m[3]) {
      if (method === 'GET') return ok(state.datasetJson(d, base));
      if (method === 'DELETE') return ((d.deleted = true), { status: 204 });
      if (method === 'PUT') {
        const bad = needJson();
        if (bad) return bad;
        const v = state.validate(ctx.json ?? {}, user!, d);
        if ('errors' in v) return invalid(v.errors);
        Object.assign(d, v.values);
        if ((ctx.json ?? {}).deleted === null) d.deleted = false;
        touch();
        return ok(state.datasetJson(d, base));
      }
    }
    if (m[2] && method === 'POST') {
      const up = takeUpload(ctx);
      if ('status' in up) return up;
      const id = randomUUID();
      const r: EmuResource = {
        id,
        title: up.filename,
        type: 'main',
        format: extname(up.filename).slice(1).toLowerCase(),
        filetype: 'file',
        mime: up.mime,
        extras: {},
        ...storeFile(d, { id }, up.filename, up.data),
      };
      d.resources.push(r);
      touch();
      return ok(state.resourceJson(r), 201);
    }
    const r = m[3] ? d.resources.find((x) => x.id === m[3]) : undefined;
    if (m[3] && !r) return fail(404, 'Resource not found');
    if (r && m[4] && method === 'POST') {
      const up = takeUpload(ctx);
      if ('status' in up) return up;
      rmSync(r.storedPath, { force: true }); // udata deletes the old file
      // UploadDatasetResource.post: the replaced resource takes the new file's name as title.
      Object.assign(r, storeFile(d, r, up.filename, up.data), {
        mime: up.mime,
        title: up.filename,
        format: extname(up.filename).slice(1).toLowerCase(),
      });
      touch();
      return ok(state.resourceJson(r));
    }
    if (r && !m[4] && method === 'PUT') {
      const bad = needJson();
      if (bad) return bad;
      const b = ctx.json ?? {};
      const errors: Record<string, string[]> = {};
      if (typeof b.title !== 'string' || !b.title.trim()) errors.title = ['This field is required.'];
      if (b.type !== undefined && !RESOURCE_TYPES.includes(b.type)) errors.type = ['Not a valid choice.'];
      if (b.filetype !== undefined && b.filetype !== r.filetype) errors.filetype = ['Cannot modify filetype after creation'];
      let schema: EmuResource['schema'] | null | undefined;
      if ('schema' in b) {
        const s = checkSchema(b.schema);
        if ('error' in s) errors.schema = [s.error];
        else schema = s.schema;
      }
      if (Object.keys(errors).length) return invalid(errors);
      r.title = b.title;
      if (b.description !== undefined) r.description = b.description;
      if (b.type) r.type = b.type;
      // The format of an uploaded file is the one udata detected; a declared one is ignored.
      if (b.format && r.filetype !== 'file') r.format = String(b.format).toLowerCase();
      if (schema !== undefined) r.schema = schema ?? undefined;
      touch();
      return ok(state.resourceJson(r));
    }
    if (r && !m[4] && method === 'GET') return ok(state.resourceJson(r));
    if (r && !m[4] && method === 'DELETE') {
      d.resources = d.resources.filter((x) => x !== r);
      rmSync(r.storedPath, { force: true });
      return { status: 204 };
    }
    return fail(405, 'Method not allowed');
  };

  const srv = await startServer(handler, {
    port: opts.port,
    host: opts.host,
    faults: opts.faults,
    maxBodyBytes: opts.maxUploadBytes,
    tooLarge: () => ({ message: 'The file is too large' }),
  });
  base = srv.url;
  return {
    url: srv.url,
    apiKey: users[0].apiKey,
    state,
    reuses,
    log: srv.log,
    faults: srv.faults,
    stop: async () => {
      await srv.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
