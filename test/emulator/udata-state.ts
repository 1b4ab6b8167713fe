// In-memory state of the udata emulator, with the DatasetForm rules of NOTES §4.2 and the
// private semantics: a dataset write without `private` makes the dataset public.
import { randomUUID } from 'node:crypto';
import { FREQUENCIES, LICENSES } from './catalogue';
import { checkSpatial } from './udata-spatial';

/** udata/core/organization/constants.py ORG_ROLES; default `editor`. */
export type OrgRole = 'admin' | 'editor' | 'partial_editor';
export interface EmuOrg {
  id: string;
  name: string;
  slug: string;
  role?: OrgRole;
}
export interface EmuUser {
  id: string;
  apiKey: string;
  first_name: string;
  last_name: string;
  organizations: EmuOrg[];
  /** 401 "Expired API token". */
  expired?: boolean;
  sysadmin?: boolean;
}

export interface EmuResource {
  id: string;
  title: string;
  description?: string;
  type: string;
  format: string;
  filetype: 'file';
  url: string;
  filename: string;
  filesize: number;
  mime: string;
  checksum: { type: 'sha1'; value: string };
  /** Emulator-side integrity check for tests. */
  sha256: string;
  storedPath: string;
  schema?: { name?: string; version?: string; url?: string };
  extras: Record<string, unknown>;
  last_modified: string;
}

export interface EmuDataset {
  id: string;
  slug: string;
  title: string;
  description: string;
  license?: string;
  frequency?: string;
  temporal_coverage?: unknown;
  spatial?: unknown;
  tags: string[];
  organization?: string;
  owner: string;
  private: boolean;
  extras: Record<string, unknown>;
  resources: EmuResource[];
  /** udata stores the deletion date; `true` (set by tests) counts as deleted now. */
  deleted: boolean | string;
  created_at: string;
  last_modified: string;
}

export type FieldErrors = Record<string, string[]>;

function slugify(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'dataset'
  );
}

export class UdataState {
  readonly datasets = new Map<string, EmuDataset>();

  constructor(
    readonly users: EmuUser[],
    readonly dir: string,
  ) {}

  userByKey(key: string | undefined): EmuUser | undefined {
    return key ? this.users.find((u) => u.apiKey === key) : undefined;
  }

  find(idOrSlug: string): EmuDataset | undefined {
    return this.datasets.get(idOrSlug) ?? [...this.datasets.values()].find((d) => d.slug === idOrSlug);
  }

  /** Live (not deleted) datasets, optionally with this title. */
  liveDatasets(title?: string): EmuDataset[] {
    return [...this.datasets.values()].filter((d) => !d.deleted && (title === undefined || d.title === title));
  }

  countDatasets(): number {
    return this.liveDatasets().length;
  }

  countResources(datasetId?: string): number {
    return this.liveDatasets()
      .filter((d) => !datasetId || d.id === datasetId)
      .reduce((n, d) => n + d.resources.length, 0);
  }

  roleIn(user: EmuUser | undefined, orgId: string | undefined): OrgRole | undefined {
    const o = user && orgId ? user.organizations.find((x) => x.id === orgId) : undefined;
    return o ? (o.role ?? 'editor') : undefined;
  }

  /** udata/core/dataset/permissions.py OwnablePermission: org admins and editors edit. */
  isMember(user: EmuUser | undefined, orgId: string | undefined): boolean {
    const role = this.roleIn(user, orgId);
    return role === 'admin' || role === 'editor';
  }

  canEdit(user: EmuUser | undefined, d: EmuDataset): boolean {
    return !!user && (!!user.sysadmin || d.owner === user.id || this.isMember(user, d.organization));
  }

  /** OwnableReadPermission: partial editors read private assets too. */
  canRead(user: EmuUser | undefined, d: EmuDataset): boolean {
    return !d.private || this.canEdit(user, d) || this.roleIn(user, d.organization) === 'partial_editor';
  }

  /** All the organisations the users belong to, with their members (GET /organizations/<id>/). */
  orgJson(orgId: string): Record<string, unknown> | undefined {
    const holders = this.users.filter((u) => u.organizations.some((o) => o.id === orgId));
    if (!holders.length) return undefined;
    const org = holders[0].organizations.find((o) => o.id === orgId)!;
    return {
      id: org.id,
      name: org.name,
      slug: org.slug,
      members: holders.map((u) => ({ user: { id: u.id, first_name: u.first_name, last_name: u.last_name }, role: this.roleIn(u, orgId) })),
    };
  }

  /** DatasetForm: validates `body`, merged over `existing` on PUT. */
  validate(body: any, user: EmuUser, existing?: EmuDataset): { errors: FieldErrors } | { values: Partial<EmuDataset> } {
    const errors: FieldErrors = {};
    const err = (f: string, m: string) => (errors[f] ??= []).push(m);
    const v: Partial<EmuDataset> = {};
    const has = (k: string) => Object.prototype.hasOwnProperty.call(body, k);
    const title = has('title') ? body.title : existing?.title;
    if (typeof title !== 'string' || !title.trim()) err('title', 'This field is required.');
    else if (title.length > 350) err('title', 'Field cannot be longer than 350 characters.');
    else v.title = title;
    const desc = has('description') ? body.description : existing?.description;
    if (typeof desc !== 'string' || !desc.trim()) err('description', 'This field is required.');
    else v.description = desc;
    if (has('license')) LICENSES.includes(body.license) ? (v.license = body.license) : err('license', `Unknown licence "${body.license}".`);
    if (has('frequency')) FREQUENCIES.includes(body.frequency) ? (v.frequency = body.frequency) : err('frequency', 'Not a valid choice.');
    if (has('tags')) {
      if (!Array.isArray(body.tags)) err('tags', 'Must be a list.');
      else {
        for (const t of body.tags)
          if (typeof t !== 'string' || t.length < 3 || t.length > 96) err('tags', `Tag "${t}" must be between 3 and 96 characters long.`);
        v.tags = body.tags;
      }
    }
    if (has('temporal_coverage')) v.temporal_coverage = body.temporal_coverage;
    if (has('spatial')) {
      const bad = checkSpatial(body.spatial);
      if (bad) bad.forEach((m) => err('spatial', m));
      else v.spatial = body.spatial;
    }
    if (has('extras')) typeof body.extras === 'object' && body.extras ? (v.extras = body.extras) : err('extras', 'Must be an object.');
    if (has('organization') && body.organization) {
      // udata/forms/fields.py PublishAsField: the owner is not changed by an update.
      if (existing && body.organization !== existing.organization)
        err('organization', 'Cannot change owner after creation. Please use transfer feature.');
      else if (!user.sysadmin && !this.isMember(user, body.organization)) err('organization', 'Permission denied for this organization');
      else v.organization = body.organization;
    }
    if (has('private') && typeof body.private !== 'boolean') err('private', 'Not a valid boolean.');
    // NOTES §4.1: "otherwise the update makes it public".
    v.private = body.private === true;
    return Object.keys(errors).length ? { errors } : { values: v };
  }

  create(values: Partial<EmuDataset>, user: EmuUser): EmuDataset {
    const now = new Date().toISOString();
    let slug = slugify(values.title!);
    for (let i = 1; this.find(slug); i++) slug = `${slugify(values.title!)}-${i}`;
    const d: EmuDataset = {
      id: randomUUID().replace(/-/g, '').slice(0, 24),
      slug,
      title: values.title!,
      description: values.description!,
      tags: [],
      owner: user.id,
      private: false,
      extras: {},
      resources: [],
      deleted: false,
      created_at: now,
      last_modified: now,
      ...values,
    };
    this.datasets.set(d.id, d);
    return d;
  }

  resourceJson(r: EmuResource): Record<string, unknown> {
    const { sha256: _s, storedPath: _p, filename: _f, ...pub } = r;
    return { ...pub, schema: r.schema ?? null };
  }

  datasetJson(d: EmuDataset, base: string): Record<string, unknown> {
    const org = d.organization ? this.users.flatMap((u) => u.organizations).find((o) => o.id === d.organization) : undefined;
    return {
      id: d.id,
      slug: d.slug,
      title: d.title,
      description: d.description,
      license: d.license ?? 'notspecified',
      frequency: d.frequency ?? 'unknown',
      temporal_coverage: d.temporal_coverage ?? null,
      spatial: d.spatial ?? null,
      tags: d.tags,
      private: d.private,
      extras: d.extras,
      created_at: d.created_at,
      last_modified: d.last_modified,
      deleted: d.deleted === true ? d.last_modified : d.deleted || null,
      organization: org ? { id: org.id, name: org.name, slug: org.slug } : null,
      owner: d.organization ? null : { id: d.owner },
      resources: d.resources.map((r) => this.resourceJson(r)),
      page: `${base}/fr/datasets/${d.slug}/`,
      uri: `${base}/api/1/datasets/${d.id}/`,
    };
  }
}
