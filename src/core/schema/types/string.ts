// `string` formats. The regexes are pragmatic versions of what frictionless-py accepts.
import type { SchemaWords } from './words';
import type { FieldDescriptor } from '../descriptor';
import { INVALID, type Cast } from './invalid';
import { FR_FORMAT_NAMES } from '../../checks/fr-format-names';

const FR_FORMATS = new Set(FR_FORMAT_NAMES);

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
/** A URI needs a scheme and no whitespace (rfc3986 with `require_presence_of('scheme')`). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
const UUID_PLAIN = /^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function stringCast(field: FieldDescriptor): { cast: Cast; error?: SchemaWords } {
  const test =
    (re: RegExp): Cast =>
    (s) =>
      re.test(s) ? s : INVALID;
  switch (field.format ?? 'default') {
    case 'default':
    case '':
      return { cast: (s) => s };
    case 'email':
      return { cast: test(EMAIL) };
    case 'uri':
      return { cast: test(URI) };
    case 'uuid':
      return { cast: test(UUID_PLAIN) };
    case 'binary':
      return { cast: test(BASE64) };
    default:
      // fr-format names (`code-postal`, `siret`…) are checked by their own check (checks/registry.ts).
      if (FR_FORMATS.has(field.format!)) return { cast: (s) => s };
      return {
        cast: (s) => s,
        error: { en: `unknown string format “${field.format}”`, fr: `format de chaîne inconnu « ${field.format} »` },
      };
  }
}
