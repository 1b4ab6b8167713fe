// Picks the caster for a field's type and format, once per schema.
import type { FieldDescriptor } from '../descriptor';
import { INVALID, type Cast } from './invalid';
import { numberCast } from './number';
import { stringCast } from './string';
import { arrayCast, booleanCast, geojsonCast, geopointCast, listCast, objectCast } from './structured';
import { temporalCast } from './temporal';
import type { SchemaWords } from './words';

export type { SchemaWords } from './words';

export interface FieldCast {
  cast: Cast;
  /** `type` or `type/format`, as frictionless notes it in type errors. */
  label: string;
  /** Set when the descriptor asks for something we cannot read (unknown type or format). */
  error?: SchemaWords;
}

export function compileCast(field: FieldDescriptor): FieldCast {
  const type = field.type ?? 'string';
  const format = field.format && field.format !== 'default' ? field.format : '';
  const label = format ? `${type}/${format}` : type;
  const r = castFor(field, type);
  return { label, ...r };
}

function castFor(field: FieldDescriptor, type: string): { cast: Cast; error?: SchemaWords } {
  switch (type) {
    case 'string':
      return stringCast(field);
    case 'number':
      return { cast: numberCast(field, false) };
    case 'integer':
      return { cast: numberCast(field, true) };
    case 'boolean':
      return { cast: booleanCast(field) };
    case 'date':
    case 'time':
    case 'datetime':
    case 'year':
    case 'yearmonth':
    case 'duration':
      return temporalCast(field, type);
    case 'geopoint':
      return geopointCast(field);
    case 'geojson':
      return { cast: geojsonCast(field) };
    case 'object':
      return { cast: objectCast };
    case 'array':
      return { cast: arrayCast };
    case 'list': {
      const item = castFor({ name: field.name, type: field.itemType ?? 'string' }, field.itemType ?? 'string');
      return { cast: listCast(field, item.cast), error: item.error };
    }
    case 'any':
      return { cast: (s) => s };
    default:
      return { cast: (s) => s, error: { en: `unknown field type “${type}”`, fr: `type de champ inconnu « ${type} »` } };
  }
}

/** A primitive that identifies a logical value, for unique, enum and key sets. */
export function keyOf(v: unknown): string | number | boolean {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

export { INVALID };
