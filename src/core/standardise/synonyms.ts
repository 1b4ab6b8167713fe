// The synonym tables, one JSON file per schema in synonyms/ (kept as data so that people who
// know the exports can add wordings without reading code), bundled like the schemas.
import subventions from './synonyms/scdl/subventions.json';
import deliberations from './synonyms/scdl/deliberations.json';
import budget from './synonyms/scdl/budget.json';
import catalogue from './synonyms/scdl/catalogue.json';
import catalogueDonnees from './synonyms/etalab/schema-catalogue-donnees.json';
import irveStatique from './synonyms/etalab/schema-irve-statique.json';
import { labelKey } from './labels';
import { valueKey } from './value-map';

export interface FieldSynonyms {
  names: string[];
  /** Wordings that also mean another field: a weaker proposal, the values decide. */
  weak?: string[];
  /** Codes and wordings exports use for the schema's values: schema value → source values. */
  values?: Record<string, string[]>;
  /** Values that name the kind of document (e.g. `compte administratif`): when a column of the file
   *  says one, this field is the likelier. */
  context?: string[];
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
  /** valueKey of a source value → schema value. */
  values: Map<string, string>;
  context: string[];
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
    const values = new Map<string, string>();
    for (const [to, from] of Object.entries(syn.values ?? {})) for (const v of from) values.set(valueKey(v), to);
    m.set(field, {
      strong: new Set(syn.names.map(labelKey)),
      weak: new Set((syn.weak ?? []).map(labelKey)),
      words,
      values,
      context: syn.context ?? [],
    });
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
