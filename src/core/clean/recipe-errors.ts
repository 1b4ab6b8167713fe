// Why a recipe file is refused, one line per ajv error of schemas/recipe.schema.json. Ajv speaks
// English only: English keeps its words, French gets its own for every keyword the schema uses.
import type { ErrorObject } from 'ajv';
import type { Lang } from '../model';
import { jsonErrorFr } from '../catalog/raw';
import { jsonTypeFr } from '../schema/types/words';

/** The kinds of source a schema field can have (the `oneOf` of definitions/source). */
const SOURCES = 'column, constant, join, split, date, period, map, lookup';

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

/** The recipe is not JSON at all. */
export function recipeJsonError(e: unknown, lang: Lang): string {
  return lang === 'fr' ? `JSON invalide : ${jsonErrorFr(e)}` : `invalid JSON: ${(e as Error).message}`;
}
