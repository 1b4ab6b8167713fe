// Checks a catalog document (schemas.json as schema.data.gouv.fr publishes it, or the bundled
// copy) before anything uses it: a truncated, hostile or mistyped document is refused whole,
// with a reason (in the caller's language), so the catalog in use is never replaced by a broken one.
import type { Lang } from '../model';

export interface RawVersion {
  version_name: string;
  schema_url: string;
}

export interface RawEntry {
  name: string;
  title: string;
  description?: string;
  schema_type: string;
  labels: string[];
  homepage?: string;
  examples: { title?: string; path: string }[];
  versions: RawVersion[];
  schema_url: string;
}

/** Limits far above the real catalog (95 entries, ≈ 300 versions, 150 KB). */
export const LIMITS = { bytes: 20_000_000, entries: 5_000, versions: 500, depth: 40 };

const str = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;

/** Nesting depth of a JSON text, counted without parsing it (a deep document must not reach JSON.parse's recursion). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Why JSON.parse refused a text, in French (its own message is English): where, when it says. */
export function jsonErrorFr(e: unknown): string {
  const m = (e as Error).message ?? '';
  if (/end of JSON input/i.test(m)) return 'fin de texte inattendue';
  const at = /position (\d+)/.exec(m);
  return at ? `erreur à la position ${at[1]}` : 'syntaxe incorrecte';
}

/** The entries of a catalog document, or why it cannot be used (said in `lang`). */
export function parseCatalogText(text: string, lang: Lang = 'en'): Parsed<RawEntry[]> {
  const fr = lang === 'fr';
  const no = (en: string, frText: string): Parsed<RawEntry[]> => ({ ok: false, reason: fr ? frText : en });
  if (text.length > LIMITS.bytes)
    return no(`catalog larger than ${LIMITS.bytes / 1e6} MB`, `catalogue de plus de ${LIMITS.bytes / 1e6} Mo`);
  if (jsonDepth(text) > LIMITS.depth)
    return no(`catalog nested more than ${LIMITS.depth} levels deep`, `catalogue imbriqué sur plus de ${LIMITS.depth} niveaux`);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return no(`not valid JSON (${(e as Error).message}); truncated?`, `JSON invalide (${jsonErrorFr(e)}) ; document tronqué ?`);
  }
  return checkCatalog(doc, lang);
}

export function checkCatalog(doc: unknown, lang: Lang = 'en'): Parsed<RawEntry[]> {
  const fr = lang === 'fr';
  const no = (en: string, frText: string): Parsed<RawEntry[]> => ({ ok: false, reason: fr ? frText : en });
  const list = (doc as { schemas?: unknown } | null)?.schemas;
  if (!doc || typeof doc !== 'object' || !Array.isArray(list)) return no('no "schemas" list', 'pas de liste « schemas »');
  if (list.length === 0) return no('the "schemas" list is empty', 'la liste « schemas » est vide');
  if (list.length > LIMITS.entries) return no(`more than ${LIMITS.entries} schemas`, `plus de ${LIMITS.entries} schémas`);
  const out: RawEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as Record<string, unknown> | null;
    const where = `schemas[${i}]`;
    if (!e || typeof e !== 'object') return no(`${where} is not an object`, `${where} n’est pas un objet`);
    if (!str(e.name, 200) || !/^[\w.-]+\/[\w.-]+$/.test(e.name))
      return no(`${where}.name is not an "owner/name" string`, `${where}.name n’est pas une chaîne « propriétaire/nom »`);
    if (!str(e.schema_type, 50)) return no(`${where}.schema_type is not a string`, `${where}.schema_type n’est pas une chaîne`);
    if (!Array.isArray(e.versions) || e.versions.length > LIMITS.versions)
      return no(`${where}.versions is not a list`, `${where}.versions n’est pas une liste`);
    const versions: RawVersion[] = [];
    for (const v of e.versions as Record<string, unknown>[]) {
      if (!v || !str(v.version_name, 50) || !str(v.schema_url, 2000) || !/^https?:\/\//.test(v.schema_url))
        return no(
          `${where}.versions has an entry without version_name / schema_url`,
          `${where}.versions contient une entrée sans version_name ou schema_url`,
        );
      versions.push({ version_name: v.version_name, schema_url: v.schema_url });
    }
    const labels = Array.isArray(e.labels) ? e.labels.filter((l): l is string => str(l, 200)) : [];
    const examples = Array.isArray(e.examples)
      ? (e.examples as Record<string, unknown>[])
          .filter((x) => x && str(x.path, 2000))
          .map((x) => ({ title: str(x.title, 500) ? x.title : undefined, path: x.path as string }))
      : [];
    out.push({
      name: e.name,
      title: str(e.title, 500) ? e.title : e.name,
      description: str(e.description) ? e.description : undefined,
      schema_type: e.schema_type,
      labels,
      homepage: str(e.homepage, 2000) ? e.homepage : undefined,
      examples,
      versions,
      schema_url: str(e.schema_url, 2000) ? e.schema_url : (versions[versions.length - 1]?.schema_url ?? ''),
    });
  }
  return { ok: true, value: out };
}
