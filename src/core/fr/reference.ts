// Lookups over the French reference data (./ref-data.ts), indexed on first use; every check
// names the edition it used (`COG 2026`), so a verdict can be traced to its reference.
import { frReferenceData } from '../vendor';
import type { FrReference } from './ref-data';

/** Case, accents, hyphens, apostrophes and spacing forgiven: "saint etienne" ~ "Saint-Étienne". */
export const looseName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_'’.]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .trim();

export interface FrIndex {
  ref: FrReference;
  /** loose name → exact spellings (several communes share a name). */
  communeNames: Map<string, string[]>;
  communeExact: Set<string>;
  /** loose name → communes déléguées/associées no longer current under that name: [name, kind, current code, current name]. */
  formerCommuneNames: Map<string, FrReference['former'][string][]>;
  deptNames: Map<string, string>;
  regionNames: Map<string, string>;
  postal: Set<string>;
  alpha3: Map<string, string>;
  countryNames: Map<string, string>;
  countryExact: Set<string>;
  /** `COG 2026, @etalab/decoupage-administratif 6.0.0`, for messages. */
  cog: string;
  postalSource: string;
  isoSource: string;
}

let index: FrIndex | null = null;
export function frIndex(): FrIndex {
  if (index) return index;
  const ref = frReferenceData();
  const communeNames = new Map<string, string[]>();
  const communeExact = new Set<string>();
  for (const [name] of Object.values(ref.communes)) {
    communeExact.add(name);
    const k = looseName(name);
    const list = communeNames.get(k);
    if (!list) communeNames.set(k, [name]);
    else if (!list.includes(name)) list.push(name);
  }
  const formerCommuneNames = new Map<string, FrReference['former'][string][]>();
  const sameCode = Object.entries(ref.formerSameCode ?? {}).map(
    ([code, [name, kind]]) => [name, kind, code, ref.communes[code][0]] as FrReference['former'][string],
  );
  for (const f of [...Object.values(ref.former), ...sameCode]) {
    if (!f[0] || communeExact.has(f[0])) continue;
    const k = looseName(f[0]);
    const list = formerCommuneNames.get(k);
    if (list) list.push(f);
    else formerCommuneNames.set(k, [f]);
  }
  const byLoose = (o: Record<string, string>) => new Map(Object.values(o).map((n) => [looseName(n), n]));
  const countryNames = new Map<string, string>();
  const countryExact = new Set<string>();
  const alpha3 = new Map<string, string>();
  for (const [a2, [a3, ...names]] of Object.entries(ref.countries)) {
    alpha3.set(a3, a2);
    for (const n of names) {
      countryExact.add(n);
      countryNames.set(looseName(n), names[0]);
    }
  }
  index = {
    ref,
    communeNames,
    communeExact,
    formerCommuneNames,
    deptNames: byLoose(ref.departements),
    regionNames: byLoose(ref.regions),
    postal: new Set(ref.postalCodes),
    alpha3,
    countryNames,
    countryExact,
    cog: `COG ${ref.sources.cog}, @etalab/decoupage-administratif ${ref.sources.decoupage}`,
    postalSource: `codes-postaux ${ref.sources.codesPostaux}`,
    isoSource: `ISO 3166, i18n-iso-countries ${ref.sources.countries}`,
  };
  return index;
}
