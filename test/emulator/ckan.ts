// CKAN-compatible emulator (Action API subset, NOTES §4.4): POST /api/3/action/<action>,
// `Authorization` token, {help, success, result|error} envelope, multipart `upload`.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { FaultController, FaultRule } from './faults';
import { Ctx, LogEntry, Reply, sha256, startServer } from './kit';
import { ckanDiagnoseAction } from './ckan-diagnose';

/** ckan/authz.py: `member` reads, `editor` and `admin` create datasets. Default `editor`. */
export interface CkanUser {
  id: string;
  apiKey: string;
  name: string;
  organizations: { id: string; name: string; title?: string; capacity?: 'admin' | 'editor' | 'member' }[];
}

/** ckan/model/license.py default register (id, title, url), served by license_list. */
export const CKAN_LICENSES = [
  { id: 'notspecified', title: 'License not specified', url: '' },
  {
    id: 'odc-pddl',
    title: 'Open Data Commons Public Domain Dedication and License (PDDL)',
    url: 'http://www.opendefinition.org/licenses/odc-pddl',
  },
  { id: 'odc-odbl', title: 'Open Data Commons Open Database License (ODbL)', url: 'http://www.opendefinition.org/licenses/odc-odbl' },
  { id: 'odc-by', title: 'Open Data Commons Attribution License', url: 'http://www.opendefinition.org/licenses/odc-by' },
  { id: 'cc-zero', title: 'Creative Commons CCZero', url: 'http://www.opendefinition.org/licenses/cc-zero' },
  { id: 'cc-by', title: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by' },
  { id: 'cc-by-sa', title: 'Creative Commons Attribution Share-Alike', url: 'http://www.opendefinition.org/licenses/cc-by-sa' },
  { id: 'gfdl', title: 'GNU Free Documentation License', url: 'http://www.opendefinition.org/licenses/gfdl' },
  { id: 'other-open', title: 'Other (Open)', url: '' },
  { id: 'other-pd', title: 'Other (Public Domain)', url: '' },
  { id: 'other-at', title: 'Other (Attribution)', url: '' },
  { id: 'uk-ogl', title: 'UK Open Government Licence (OGL)', url: 'http://reference.data.gov.uk/id/open-government-licence' },
  { id: 'cc-nc', title: 'Creative Commons Non-Commercial (Any)', url: 'http://creativecommons.org/licenses/by-nc/2.0/' },
  { id: 'other-nc', title: 'Other (Non-Commercial)', url: '' },
  { id: 'other-closed', title: 'Other (Not Open)', url: '' },
];

export interface CkanResource {
  id: string;
  package_id: string;
  name: string;
  url: string;
  format?: string;
  description?: string;
  size?: number;
  sha256?: string;
  storedPath?: string;
  [extra: string]: unknown;
}
export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  notes?: string;
  owner_org?: string;
  license_id?: string;
  private: boolean;
  state: 'active' | 'deleted';
  tags: { name: string }[];
  extras: { key: string; value: string }[];
  resources: CkanResource[];
}

export class CkanState {
  readonly packages = new Map<string, CkanPackage>();
  constructor(readonly users: CkanUser[]) {}
  find(idOrName: string): CkanPackage | undefined {
    return this.packages.get(idOrName) ?? [...this.packages.values()].find((p) => p.name === idOrName);
  }
  countDatasets(): number {
    return [...this.packages.values()].filter((p) => p.state === 'active').length;
  }
  countResources(): number {
    return [...this.packages.values()].filter((p) => p.state === 'active').reduce((n, p) => n + p.resources.length, 0);
  }
}

export interface CkanEmulator {
  url: string;
  apiKey: string;
  state: CkanState;
  log: LogEntry[];
  faults: FaultController;
  stop(): Promise<void>;
}

export interface CkanEmulatorOptions {
  port?: number;
  host?: string;
  users?: CkanUser[];
  /** ckan.max_resource_size in MB (ckan/config/config_declaration.yaml): default 10. */
  maxResourceMB?: number;
  /** What the web server in front accepts (413 above). Default 100 MiB. */
  maxUploadBytes?: number;
  faults?: FaultRule[];
}

const NAME_RE = /^[a-z0-9_-]{2,100}$/;
const PACKAGE_FIELDS = ['title', 'notes', 'owner_org', 'license_id', 'private', 'tags', 'extras'];

export async function startCkanEmulator(opts: CkanEmulatorOptions = {}): Promise<CkanEmulator> {
  const users = opts.users ?? [
    {
      id: 'user-demo',
      name: 'demo',
      apiKey: `odw-ckan-${randomBytes(16).toString('hex')}`,
      organizations: [{ id: 'org-demo', name: 'commune-de-demo' }],
    },
  ];
  const state = new CkanState(users);
  const dir = mkdtempSync(join(tmpdir(), 'odw-ckan-'));
  let base = '';

  const envelope = (action: string, status: number, payload: { result?: unknown; error?: Record<string, unknown> }): Reply => ({
    status,
    body: { help: `${base}/api/3/action/help_show?name=${action}`, success: !payload.error, ...payload },
  });

  const handler = (ctx: Ctx): Reply => {
    const action = /^\/api\/3\/action\/([a-z_]+)$/.exec(ctx.path)?.[1];
    if (!action) return { status: 404, body: { message: 'Not found' } };
    const ok = (result: unknown) => envelope(action, 200, { result });
    const err = (status: number, __type: string, fields: Record<string, unknown>) =>
      envelope(action, status, { error: { __type, ...fields } });
    const notFound = () => err(404, 'Not Found Error', { message: 'Not found' });
    // ckan/views/__init__.py identify_user: a token that matches no user leaves the request
    // anonymous; nothing says the key was wrong.
    const token = String(ctx.headers.authorization ?? '');
    const user = users.find((u) => u.apiKey === token);
    const args: Record<string, any> = ctx.multipart ? { ...ctx.multipart.fields } : (ctx.json ?? Object.fromEntries(ctx.query));
    const upload = ctx.multipart?.files.find((f) => f.name === 'upload');
    const member = (org?: string) =>
      !!user && !!org && user.organizations.some((o) => (o.id === org || o.name === org) && (o.capacity ?? 'editor') !== 'member');
    const readable = (p: CkanPackage) =>
      !p.private || (!!user && user.organizations.some((o) => o.id === p.owner_org || o.name === p.owner_org));
    // ckan/lib/uploader.py _copy_file: ValidationError({'upload': ['File upload too large']}) → 409.
    if (upload && upload.data.length > (opts.maxResourceMB ?? 10) * 1024 * 1024)
      return err(409, 'Validation Error', { upload: ['File upload too large'] });
    // Reads are open to anonymous callers (ckan/logic/auth/get.py); writes need a user.
    if (ctx.method === 'POST' && !user && !['package_show', 'organization_list_for_user', 'license_list'].includes(action))
      return err(403, 'Authorization Error', { message: 'Access denied' });

    const storeUpload = (r: CkanResource, pkg: CkanPackage) => {
      if (!upload) return;
      const storedPath = join(dir, `${r.id}${extname(upload.filename ?? '')}`);
      writeFileSync(storedPath, upload.data);
      Object.assign(r, {
        storedPath,
        size: upload.data.length,
        sha256: sha256(upload.data),
        url: `${base}/dataset/${pkg.id}/resource/${r.id}/download/${upload.filename}`,
        url_type: 'upload',
      });
    };
    const setResourceFields = (r: CkanResource, a: Record<string, any>) => {
      for (const [k, v] of Object.entries(a)) if (!['id', 'package_id', 'upload'].includes(k)) r[k] = v;
    };
    const pkgOfResource = (rid: string) => [...state.packages.values()].find((p) => p.resources.some((r) => r.id === rid));

    const diagnosis = ckanDiagnoseAction(action, args, state, user, ok, notFound);
    if (diagnosis) return diagnosis; // read-only actions of the Diagnostic
    switch (action) {
      case 'organization_list_for_user': {
        // ckan/logic/action/get.py: with permission=create_dataset only editor/admin capacities.
        if (!user) return ok([]);
        const perm = String(args.permission ?? 'manage_group');
        const orgs = user.organizations.filter((o) => perm === 'read' || (o.capacity ?? 'editor') !== 'member');
        return ok(orgs.map((o) => ({ id: o.id, name: o.name, title: o.title ?? o.name, capacity: o.capacity ?? 'editor' })));
      }
      case 'license_list':
        return ok(CKAN_LICENSES);
      case 'package_show': {
        const p = state.find(String(args.id ?? ''));
        return p && p.state === 'active' && readable(p) ? ok(p) : notFound();
      }
      case 'package_create': {
        const errors: Record<string, string[]> = {};
        const name = String(args.name ?? '');
        if (!NAME_RE.test(name)) errors.name = ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'];
        else if (state.find(name)) errors.name = ['That URL is already in use.'];
        if (!args.owner_org) errors.owner_org = ['Missing value'];
        else if (!member(args.owner_org)) errors.owner_org = ['Organization does not exist or you do not have permission'];
        if (Object.keys(errors).length) return err(409, 'Validation Error', errors);
        const p: CkanPackage = {
          id: randomUUID(),
          name,
          title: args.title ?? name,
          private: args.private === true,
          state: 'active',
          tags: [],
          extras: [],
          resources: [],
        };
        for (const k of PACKAGE_FIELDS) if (k in args && k !== 'private') (p as any)[k] = args[k];
        state.packages.set(p.id, p);
        return ok(p);
      }
      case 'package_patch': {
        const p = state.find(String(args.id ?? ''));
        if (!p || p.state !== 'active') return notFound();
        if (!member(p.owner_org)) return err(403, 'Authorization Error', { message: 'User not authorized to edit this package' });
        for (const k of PACKAGE_FIELDS) if (k in args) (p as any)[k] = args[k];
        return ok(p);
      }
      case 'package_delete': {
        const p = state.find(String(args.id ?? ''));
        if (!p) return notFound();
        p.state = 'deleted';
        return ok(null);
      }
      case 'resource_create': {
        const p = state.find(String(args.package_id ?? ''));
        if (!p || p.state !== 'active') return notFound();
        if (!member(p.owner_org)) return err(403, 'Authorization Error', { message: 'User not authorized to edit this package' });
        if (!upload && !args.url) return err(409, 'Validation Error', { url: ['Missing value'] });
        const r: CkanResource = { id: randomUUID(), package_id: p.id, name: '', url: String(args.url ?? '') };
        setResourceFields(r, args);
        storeUpload(r, p);
        p.resources.push(r);
        return ok(r);
      }
      case 'resource_update':
      case 'resource_patch': {
        const p = pkgOfResource(String(args.id ?? ''));
        const old = p?.resources.find((r) => r.id === args.id);
        if (!p || !old) return notFound();
        if (!member(p.owner_org)) return err(403, 'Authorization Error', { message: 'User not authorized to edit this package' });
        // resource_update drops fields that are not sent; resource_patch keeps them.
        const r: CkanResource =
          action === 'resource_update'
            ? { id: old.id, package_id: p.id, name: '', url: old.url, storedPath: old.storedPath, size: old.size, sha256: old.sha256 }
            : old;
        setResourceFields(r, args);
        if (upload) {
          if (old.storedPath) rmSync(old.storedPath, { force: true });
          storeUpload(r, p);
        }
        p.resources = p.resources.map((x) => (x.id === r.id ? r : x));
        return ok(r);
      }
      default:
        return err(400, 'Bad Request', { message: `Action name not known: ${action}` });
    }
  };

  const srv = await startServer(handler, {
    port: opts.port,
    host: opts.host,
    faults: opts.faults,
    maxBodyBytes: opts.maxUploadBytes ?? 100 * 1024 * 1024,
    tooLarge: () => ({ success: false, error: { __type: 'Validation Error', upload: ['File upload too large'] } }),
  });
  base = srv.url;
  return {
    url: srv.url,
    apiKey: users[0].apiKey,
    state,
    log: srv.log,
    faults: srv.faults,
    stop: async () => {
      await srv.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
