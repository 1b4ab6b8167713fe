// Why a recipe file is refused, one line per ajv error of schemas/recipe.schema.json. Ajv speaks
// English only: English keeps its words, French gets its own for every keyword the schema uses.
// A misspelt source is one line of our own (recipe-collapse.ts), in both languages.
import type { ErrorObject } from 'ajv';
import type { Lang } from '../model';
import { jsonErrorFr } from '../catalog/raw';
import { jsonTypeFr } from '../schema/types/words';
import { collapseBranches, SOURCE_KINDS, stepOf, type RecipeProblem, type SourceProblem } from './recipe-collapse';

/** The kinds of source a schema field can have (the `oneOf` of definitions/source). */
const SOURCES = SOURCE_KINDS.join(', ');
/** At most this many lines for one step of a recipe; the rest are counted on one more line. */
const MAX_LINES_PER_STEP = 5;

function french(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const list = (v: unknown) => (v as unknown[]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  switch (e.keyword) {
    case 'required':
      return `doit avoir la propriété obligatoire « ${p.missingProperty} »`;
    case 'additionalProperties':
      return `ne doit pas avoir la propriété « ${p.additionalProperty} »`;
    case 'type':
      return `doit être de type ${jsonTypeFr(String(p.type))}`;
    case 'const':
      return `doit valoir ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `doit valoir l’une de ces valeurs : ${list(p.allowedValues)}`;
    case 'minimum':
      return `doit valoir au moins ${p.limit}`;
    case 'pattern':
      return `doit correspondre au motif « ${p.pattern} »`;
    case 'format':
      return p.format === 'date-time' ? 'doit être une date et heure ISO 8601 (format date-time)' : `doit respecter le format ${p.format}`;
    case 'minLength':
      return p.limit === 1 ? 'ne doit pas être vide' : `doit compter au moins ${p.limit} caractères`;
    case 'minItems':
      return `doit contenir au moins ${p.limit} élément${Number(p.limit) > 1 ? 's' : ''}`;
    case 'uniqueItems':
      return `ne doit pas contenir de doublons (les éléments ${p.j} et ${p.i} sont identiques)`;
    case 'oneOf':
      return /\/standardise\/fields\/[^/]+$/.test(e.instancePath)
        ? `doit être une seule de ces sources : ${SOURCES}`
        : 'doit correspondre à une seule des formes permises';
    case 'not':
      return /\/part$/.test(e.instancePath) ? 'ne doit pas valoir 0 (1 = première partie, -1 = dernière)' : 'a une valeur interdite';
    default:
      return `ne respecte pas le format des recettes (mot-clé ${e.keyword})`;
  }
}

/** One line of a recipe's refusal: the JSON pointer, then what is wrong there. */
export function recipeError(e: ErrorObject, lang: Lang): string {
  return `${e.instancePath || '/'} ${lang === 'fr' ? french(e) : (e.message ?? e.keyword)}`;
}

const or = (names: string[], lang: Lang) => names.join(lang === 'fr' ? ' ou ' : ' or ');

function sourceLine(p: SourceProblem, lang: Lang): string {
  const fr = lang === 'fr';
  const where = `${p.instancePath} (${fr ? 'étape' : 'step'} ${p.step})`;
  const known = fr ? `les sources connues sont ${SOURCES}` : `the known sources are ${SOURCES}`;
  switch (p.kind) {
    case 'unknown-source':
      if (fr) return `${where} a une source inconnue « ${p.typed} » : ${p.near.length ? `vouliez-vous dire ${or(p.near, lang)} ?` : known}`;
      return `${where} has an unknown source "${p.typed}": ${p.near.length ? `did you mean ${or(p.near, lang)}?` : known}`;
    case 'no-source':
      return fr ? `${where} ne nomme aucune source : ${known}` : `${where} names no source: ${known}`;
    case 'two-sources':
      return fr
        ? `${where} a plusieurs sources (${p.found.join(', ')}) : n’en garder qu’une`
        : `${where} has more than one source (${p.found.join(', ')}): keep one`;
  }
}

const lineOf = (p: RecipeProblem, lang: Lang) => ('keyword' in p ? recipeError(p, lang) : sourceLine(p, lang));

/**
 * Every line of a recipe's refusal: oneOf branches reduced to the one the user meant, and no
 * more than a handful of lines for one step.
 */
export function recipeErrors(errors: readonly ErrorObject[], data: unknown, lang: Lang): string[] {
  const problems = collapseBranches(errors, data);
  const perStep = new Map<number, number>();
  for (const p of problems) {
    const s = stepOf(p.instancePath);
    if (s !== undefined) perStep.set(s, (perStep.get(s) ?? 0) + 1);
  }
  const lines: string[] = [];
  const shown = new Map<number, number>();
  for (const p of problems) {
    const s = stepOf(p.instancePath);
    const total = s === undefined ? 0 : perStep.get(s)!;
    if (s === undefined || total <= MAX_LINES_PER_STEP) {
      lines.push(lineOf(p, lang));
      continue;
    }
    const n = (shown.get(s) ?? 0) + 1;
    shown.set(s, n);
    if (n < MAX_LINES_PER_STEP) lines.push(lineOf(p, lang));
    else if (n === MAX_LINES_PER_STEP) {
      const more = total - MAX_LINES_PER_STEP + 1;
      lines.push(
        lang === 'fr' ? `/steps/${s - 1} (étape ${s}) : ${more} autres problèmes` : `/steps/${s - 1} (step ${s}): ${more} more problems`,
      );
    }
  }
  return lines;
}

/** The recipe is not JSON at all. */
export function recipeJsonError(e: unknown, lang: Lang): string {
  return lang === 'fr' ? `JSON invalide : ${jsonErrorFr(e)}` : `invalid JSON: ${(e as Error).message}`;
}
