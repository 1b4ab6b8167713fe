// The synonym tables, one JSON file per schema in synonyms/ (kept as data so that people who
// know the exports can add wordings without reading code), bundled like the schemas.
import subventions from './synonyms/scdl/subventions.json';
import deliberations from './synonyms/scdl/deliberations.json';
import budget from './synonyms/scdl/budget.json';
import catalogue from './synonyms/scdl/catalogue.json';
import catalogueDonnees from './synonyms/etalab/schema-catalogue-donnees.json';
import irveStatique from './synonyms/etalab/schema-irve-statique.json';
import { labelKey } from './labels';

export interface FieldSynonyms {
  names: string[];
  /** Wordings that also mean another field: a weaker proposal, the values decide. */
  weak?: string[];
}

interface SynonymFile {
  fields: Record<string, FieldSynonyms>;
}

const FILES: Record<string, SynonymFile> = {
  'scdl/subventions': subventions,
  'scdl/deliberations': deliberations,
  'scdl/budget': budget,
  'scdl/catalogue': catalogue,
  'etalab/schema-catalogue-donnees': catalogueDonnees,
  'etalab/schema-irve-statique': irveStatique,
};

export interface FieldKeys {
  strong: Set<string>;
  weak: Set<string>;
  /** Word lists, for partial matches. */
  words: { words: string[]; weak: boolean }[];
}

const cache = new Map<string, Map<string, FieldKeys>>();

/** Normalised synonym keys of each field of a schema (empty for a schema without a file). */
export function synonymKeys(schema: string): Map<string, FieldKeys> {
  let m = cache.get(schema);
  if (m) return m;
  m = new Map();
  for (const [field, syn] of Object.entries(FILES[schema]?.fields ?? {})) {
    const words = [
      ...syn.names.map((n) => ({ words: labelKey(n).split(' '), weak: false })),
      ...(syn.weak ?? []).map((n) => ({ words: labelKey(n).split(' '), weak: true })),
    ];
    m.set(field, { strong: new Set(syn.names.map(labelKey)), weak: new Set((syn.weak ?? []).map(labelKey)), words });
  }
  cache.set(schema, m);
  return m;
}

/** Fields that name or identify the publishing body (prefilled from the project's organisation). */
export function organisationField(field: string): 'name' | 'siret' | null {
  if (/^(nomAttribuant|COLL_NOM|BGT_NOM|nom_orga)$/.test(field)) return 'name';
  if (/^(idAttribuant|COLL_SIRET|BGT_SIRET|siret_orga)$/.test(field)) return 'siret';
  return null;
}
