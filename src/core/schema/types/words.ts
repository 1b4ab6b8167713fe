// Words of the schema's types in both languages: its own problems, and the type a cell should have.
import type { Lang } from '../../model';

/** A problem of the schema itself, in both languages (it is reported in the user's). */
export type SchemaWords = { en: string; fr: string };

/** Table Schema types in French; English messages name the type as the schema writes it. */
const TYPES_FR: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  integer: 'entier',
  boolean: 'booléen',
  date: 'date',
  datetime: 'date et heure',
  time: 'heure',
  year: 'année',
  yearmonth: 'année-mois',
  duration: 'durée',
  geopoint: 'point géographique',
  geojson: 'GeoJSON',
  object: 'objet',
  array: 'tableau',
  list: 'liste',
  any: 'quelconque',
};

/** A field's type label (`type` or `type/format`, see compileCast) in a message: `date/%d/%m/%Y` → `date, format %d/%m/%Y`. */
export function typeLabel(label: string, lang: Lang): string {
  if (lang === 'en') return label;
  const i = label.indexOf('/');
  const type = i < 0 ? label : label.slice(0, i);
  const word = TYPES_FR[type] ?? type;
  return i < 0 ? word : `${word}, format ${label.slice(i + 1)}`;
}

/** JSON types (of a schema's own JSON, as ajv names them) in French. */
const JSON_TYPES_FR: Record<string, string> = {
  string: 'chaîne',
  number: 'nombre',
  integer: 'entier',
  boolean: 'booléen',
  object: 'objet',
  array: 'tableau',
  null: 'null',
};

export const jsonTypeFr = (type: string): string =>
  type
    .split(',')
    .map((t) => JSON_TYPES_FR[t] ?? t)
    .join(', ');
