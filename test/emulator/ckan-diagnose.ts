// Read-only CKAN actions the Diagnostic uses, added to the CKAN emulator by one hook:
// `organization_show` (id or name) and `package_search` with `fq=owner_org:"<id>"`, `rows`
// (default 10, at most 1000), `start`, and `include_private` (private datasets of the
// caller's organisations only), as ckan/logic/action/get.py documents them. Sorted by name.
import { randomUUID } from 'node:crypto';
import type { CkanPackage, CkanState, CkanUser } from './ckan';
import type { Reply } from './kit';
import { FLAGGED, fillers, seedDate, type SeedDataset } from './diagnose-seed';

/** DCAT-AP frequency codes whose name differs from the udata id. */
const EU_CODE: Record<string, string> = { irregular: 'IRREG', punctual: 'AS_NEEDED' };
const titles = new WeakMap<CkanState, Map<string, string>>();

export function ckanDiagnoseAction(
  action: string,
  args: Record<string, any>,
  state: CkanState,
  user: CkanUser | undefined,
  ok: (result: unknown) => Reply,
  notFound: () => Reply,
): Reply | undefined {
  const orgs = state.users.flatMap((u) => u.organizations);
  if (action === 'organization_show') {
    const o = orgs.find((x) => x.id === args.id || x.name === args.id);
    return o
      ? ok({
          id: o.id,
          name: o.name,
          title: titles.get(state)?.get(o.id) ?? o.name,
          display_name: titles.get(state)?.get(o.id) ?? o.name,
          type: 'organization',
          is_organization: true,
        })
      : notFound();
  }
  if (action !== 'package_search') return undefined;
  const fq = String(args.fq ?? '');
  const owner = /owner_org:"?([^"\s]+)"?/.exec(fq)?.[1];
  const rows = Math.min(1000, Math.max(0, Number(args.rows ?? 10) || 0));
  const start = Math.max(0, Number(args.start ?? 0) || 0);
  const withPrivate = args.include_private === true || args.include_private === 'true' || args.include_private === 'True';
  const member = (org?: string) => !!user && !!org && user.organizations.some((o) => o.id === org || o.name === org);
  const all = [...state.packages.values()]
    .filter((p) => p.state === 'active' && (!owner || p.owner_org === owner) && (!p.private || (withPrivate && member(p.owner_org))))
    .sort((a, b) => a.name.localeCompare(b.name));
  return ok({ count: all.length, results: all.slice(start, start + rows), sort: 'name asc', facets: {}, search_facets: {} });
}

export const DIAG_CKAN_ORG = { id: '8b6d2c4e-0000-4000-8000-000000000d1a', name: 'ville-de-diagville', title: 'Ville de Diagville' };

export function diagCkanUser(): CkanUser {
  return {
    id: 'user-diag',
    name: 'diag',
    apiKey: `odw-ckan-diag-${randomUUID()}`,
    organizations: [{ id: DIAG_CKAN_ORG.id, name: DIAG_CKAN_ORG.name }],
  };
}

/** Puts FLAGGED (+ `fillers`) into the CKAN emulator, resources as links to `base` (not downloadable). */
export function seedCkanDiagnose(
  state: CkanState,
  base: string,
  extra = 100,
  specs: SeedDataset[] = [...FLAGGED, ...fillers(extra)],
): void {
  titles.set(state, new Map([[DIAG_CKAN_ORG.id, DIAG_CKAN_ORG.title]]));
  for (const s of specs) {
    const id = randomUUID();
    const at = seedDate(s.ageDays).replace(/Z$/, ''); // CKAN writes naive UTC dates
    const extras = [
      ...(s.frequency
        ? [
            {
              key: 'frequency',
              value: `http://publications.europa.eu/resource/authority/frequency/${EU_CODE[s.frequency] ?? s.frequency.toUpperCase()}`,
            },
          ]
        : []),
    ];
    const p = {
      id,
      name: s.key,
      title: s.title,
      notes: s.description,
      owner_org: DIAG_CKAN_ORG.id,
      license_id: s.license,
      private: !!s.private,
      state: 'active',
      tags: [],
      extras,
      metadata_modified: at,
      metadata_created: at,
      resources: s.resources.map((r) => ({
        id: randomUUID(),
        package_id: id,
        name: r.title,
        url: `${base}/dataset/${id}/resource/${r.filename}`,
        format: r.format.toUpperCase(),
        description: r.description,
        last_modified: at,
        created: at,
        ...(r.schema ? { schema: JSON.stringify({ name: r.schema }) } : {}),
      })),
    } as unknown as CkanPackage;
    state.packages.set(id, p);
  }
}
