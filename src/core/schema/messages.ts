// English and French messages for schema diagnostics. Validata's wording (error_messages.py)
// is the model for French: say what is wrong with this cell and how it should be written.
import type { Lang } from '../model';
import { show } from '../rules/lib/util';
import type { CompiledField } from './compile';
import type { ConstraintTest } from './constraints';
import { typeLabel } from './types/words';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const quoteList = (items: unknown[], lang: Lang = 'en') => items.map((v) => show(String(v), 60, lang)).join(', ');

export function typeErrorMessage(lang: Lang, f: CompiledField, raw: string): string {
  const fr = lang === 'fr';
  const head = fr
    ? `Valeur ${show(raw, 40, 'fr')} invalide pour « ${f.name} » (${typeLabel(f.label, 'fr')}) : `
    : `Invalid value ${show(raw)} for “${f.name}” (${f.label}): `;
  return head + typeHint(lang, f, raw);
}

function typeHint(lang: Lang, f: CompiledField, raw: string): string {
  const fr = lang === 'fr';
  const d = f.descriptor;
  switch (f.type) {
    case 'date': {
      if (f.label !== 'date') return fr ? `format de date attendu ${d.format}.` : `expected date format ${d.format}.`;
      const m = DMY.exec(raw);
      if (m) {
        const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
        return fr ? `la date doit être écrite sous la forme aaaa-mm-jj (${iso} ?).` : `write dates as YYYY-MM-DD (${iso}?).`;
      }
      if (/^\d{4}-\d{2}-\d{2}[T ]/.test(raw))
        return fr ? `une date sans heure est attendue (${raw.slice(0, 10)} ?).` : `a date without time is expected (${raw.slice(0, 10)}?).`;
      return fr ? 'la date doit être écrite sous la forme aaaa-mm-jj.' : 'write dates as YYYY-MM-DD.';
    }
    case 'datetime':
      return fr ? 'date et heure attendues sous la forme aaaa-mm-jjThh:mm:ss.' : 'expected a date and time as YYYY-MM-DDThh:mm:ss.';
    case 'time':
      return fr ? 'heure attendue sous la forme hh:mm:ss.' : 'expected a time as hh:mm:ss.';
    case 'year':
      return fr ? 'l’année doit comporter 4 chiffres.' : 'a year has 4 digits.';
    case 'yearmonth':
      return fr ? 'format attendu aaaa-mm.' : 'expected YYYY-MM.';
    case 'duration':
      return fr ? 'durée ISO 8601 attendue (P1Y2M10DT2H30M).' : 'expected an ISO 8601 duration (P1Y2M10DT2H30M).';
    case 'number':
      if (raw.includes(',') && !d.decimalChar)
        return fr
          ? 'le séparateur décimal à utiliser est le point (et sans séparateur de milliers).'
          : 'use a point as decimal separator (and no thousands separator).';
      return fr ? 'nombre attendu : chiffres et un point décimal seulement.' : 'expected a number: digits and a decimal point only.';
    case 'integer':
      return fr ? 'nombre entier attendu.' : 'expected a whole number.';
    case 'boolean': {
      const t = d.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const n = d.falseValues ?? ['false', 'False', 'FALSE', '0'];
      return fr
        ? `valeurs acceptées : ${quoteList(t, 'fr')} (vrai), ${quoteList(n, 'fr')} (faux).`
        : `accepted values: ${quoteList(t)} (true), ${quoteList(n)} (false).`;
    }
    case 'string':
      switch (d.format) {
        case 'email':
          return fr ? 'adresse électronique attendue (nom@domaine.fr).' : 'expected an email address (name@example.org).';
        case 'uri':
          return fr ? 'adresse web attendue, avec son protocole (https://…).' : 'expected a URI with its scheme (https://…).';
        case 'uuid':
          return fr ? 'identifiant UUID attendu.' : 'expected a UUID.';
        case 'binary':
          return fr ? 'contenu encodé en base64 attendu.' : 'expected base64-encoded content.';
      }
      return fr ? 'texte attendu.' : 'expected text.';
    case 'geopoint':
      return d.format === 'array'
        ? fr
          ? 'coordonnées attendues sous la forme [longitude, latitude].'
          : 'expected coordinates as [longitude, latitude].'
        : d.format === 'object'
          ? fr
            ? 'coordonnées attendues sous la forme {"lon": …, "lat": …}.'
            : 'expected coordinates as {"lon": …, "lat": …}.'
          : fr
            ? 'coordonnées attendues sous la forme « longitude, latitude ».'
            : 'expected coordinates as “longitude, latitude”.';
    default:
      return fr ? `valeur de type ${typeLabel(f.label, 'fr')} attendue.` : `expected a value of type ${f.label}.`;
  }
}

export function constraintMessage(lang: Lang, f: CompiledField, t: ConstraintTest | 'required', raw: string): string {
  const fr = lang === 'fr';
  if (t === 'required') return fr ? `Cellule vide : « ${f.name} » est obligatoire.` : `Empty cell: “${f.name}” is required.`;
  const p = t.param;
  switch (t.name) {
    case 'minLength':
      return fr
        ? `${show(raw, 40, 'fr')} est trop court pour « ${f.name} » : ${[...raw].length} caractères, au moins ${p} attendus.`
        : `${show(raw)} is too short for “${f.name}”: ${[...raw].length} characters, at least ${p} expected.`;
    case 'maxLength':
      return fr
        ? `${show(raw, 40, 'fr')} est trop long pour « ${f.name} » : ${[...raw].length} caractères, au plus ${p} autorisés.`
        : `${show(raw)} is too long for “${f.name}”: ${[...raw].length} characters, at most ${p} allowed.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return fr
        ? `${show(raw, 40, 'fr')} est inférieur au minimum de « ${f.name} » (${t.name === 'minimum' ? '≥' : '>'} ${p}).`
        : `${show(raw)} is below the minimum for “${f.name}” (${t.name === 'minimum' ? '≥' : '>'} ${p}).`;
    case 'maximum':
    case 'exclusiveMaximum':
      return fr
        ? `${show(raw, 40, 'fr')} est supérieur au maximum de « ${f.name} » (${t.name === 'maximum' ? '≤' : '<'} ${p}).`
        : `${show(raw)} is above the maximum for “${f.name}” (${t.name === 'maximum' ? '≤' : '<'} ${p}).`;
    case 'pattern': {
      // Validata shows the field's description and example: the regex means little to users.
      const d = f.descriptor;
      const example = d.example ?? (d as { examples?: unknown }).examples;
      const hint = [
        d.description?.trim(),
        example !== undefined ? (fr ? `Exemple : ${show(String(example), 60, 'fr')}` : `Example: ${show(String(example), 60)}`) : '',
      ]
        .filter(Boolean)
        .join(' ');
      const base = fr ? `Format incorrect pour « ${f.name} » : ${show(raw, 40, 'fr')}` : `Wrong format for “${f.name}”: ${show(raw)}`;
      return hint ? `${base}. ${hint}` : fr ? `${base} ne respecte pas le motif ${p}.` : `${base} does not match the pattern ${p}.`;
    }
    case 'enum':
      return fr
        ? `${show(raw, 40, 'fr')} n’est pas une valeur autorisée pour « ${f.name} ». Valeurs possibles : ${quoteList(p as unknown[], 'fr')}.`
        : `${show(raw)} is not an allowed value for “${f.name}”. Allowed: ${quoteList(p as unknown[])}.`;
    default:
      return fr
        ? `${show(raw, 40, 'fr')} ne respecte pas la contrainte « ${t.name} » de « ${f.name} ».`
        : `${show(raw)} breaks the ${t.name} constraint of “${f.name}”.`;
  }
}

export const uniqueMessage = (lang: Lang, f: CompiledField, raw: string, first: number) =>
  lang === 'fr'
    ? `Valeur déjà présente : ${show(raw, 40, 'fr')} figure déjà en ligne ${first} dans « ${f.name} », qui doit être unique.`
    : `Duplicate value: ${show(raw)} already appears in row ${first} of “${f.name}”, which must be unique.`;

export const keyMessage = (lang: Lang, kind: 'primary-key' | 'unique-key', names: string[], first: number | null) => {
  const cols = names.join(', ');
  // null: a value of the key is missing or is not of its field's type (a type error says which).
  if (first === null)
    return lang === 'fr'
      ? `Clé primaire (${cols}) sans valeur lisible : vide ou d’un autre type que son champ.`
      : `Primary key (${cols}) has no readable value: empty, or not of its field's type.`;
  const what = kind === 'primary-key' ? (lang === 'fr' ? 'Clé primaire' : 'Primary key') : lang === 'fr' ? 'Clé unique' : 'Unique key';
  return lang === 'fr'
    ? `${what} (${cols}) en double : mêmes valeurs qu’en ligne ${first}.`
    : `${what} (${cols}) repeated: same values as row ${first}.`;
};

export const foreignKeyMessage = (lang: Lang, from: string[], to: string[], values: string[]) =>
  lang === 'fr'
    ? `Référence introuvable : (${from.join(', ')}) = ${quoteList(values, 'fr')} n’existe pas dans (${to.join(', ')}).`
    : `Reference not found: (${from.join(', ')}) = ${quoteList(values)} does not exist in (${to.join(', ')}).`;
