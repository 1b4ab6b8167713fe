// Data Package licence names (etalab-2.0, ODbL-1.0…) → the licence ids a CKAN site lists in
// license_list (ckan/model/license.py: odc-odbl, cc-by…). Matched by id, then by the
// licence's URL, then by its title, so a site's own register (e.g. one that adds
// "fr-lo") is used as it is; no match means no licence rather than an unrecognised one.

type Licence = { id?: unknown; url?: unknown; title?: unknown };

/** Known equivalents: Data Package / SPDX name → CKAN default ids and URL fragments. */
const ALIASES: Record<string, { ids: string[]; url?: RegExp; title?: RegExp }> = {
  'etalab-2.0': {
    ids: ['lov2', 'etalab-2.0', 'fr-lo'],
    url: /etalab\.gouv\.fr\/licence-ouverte|etalab-2\.0/i,
    title: /licence ouverte|open licence/i,
  },
  'odbl-1.0': { ids: ['odc-odbl'], url: /opendatacommons\.org\/licenses\/odbl|odc-odbl/i, title: /open database license|odbl/i },
  'cc-by-4.0': { ids: ['cc-by'], url: /creativecommons\.org\/licenses\/by\/|cc-by$/i, title: /^creative commons attribution( 4\.0)?$/i },
  'cc-by-sa-4.0': { ids: ['cc-by-sa'], url: /creativecommons\.org\/licenses\/by-sa|cc-by-sa/i, title: /attribution share-?alike/i },
  'odc-by-1.0': { ids: ['odc-by'], url: /opendatacommons\.org\/licenses\/by\/|odc-by/i, title: /open data commons attribution/i },
  'pddl-1.0': { ids: ['odc-pddl'], url: /opendatacommons\.org\/licenses\/pddl|odc-pddl/i, title: /public domain dedication/i },
  'cc0-1.0': { ids: ['cc-zero'], url: /creativecommons\.org\/publicdomain\/zero|cc-zero/i, title: /cc0|cc zero/i },
  lov2: { ids: ['lov2', 'etalab-2.0', 'fr-lo'], url: /etalab/i, title: /licence ouverte/i },
};

export function matchCkanLicence(wanted: string, licences: Licence[]): string | undefined {
  const ids = licences.map((l) => String(l.id ?? ''));
  if (ids.includes(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  const byCase = ids.find((id) => id.toLowerCase() === lower);
  if (byCase) return byCase;
  const alias = ALIASES[lower];
  if (!alias) return undefined;
  for (const id of alias.ids) if (ids.includes(id)) return id;
  const byUrl = alias.url && licences.find((l) => typeof l.url === 'string' && alias.url!.test(l.url));
  if (byUrl) return String(byUrl.id);
  const byTitle = alias.title && licences.find((l) => typeof l.title === 'string' && alias.title!.test(l.title));
  return byTitle ? String(byTitle.id) : undefined;
}
