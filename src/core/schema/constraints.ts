// Field constraints compiled once: each becomes a small test over the logical value, with
// regexes and enum sets built here and never per cell. frictionless semantics: patterns are
// full matches, bounds and enum items are read with the field's own caster first.
import { typeLabel, type SchemaWords } from './types/words';
import type { Constraints } from './descriptor';
import { INVALID, keyOf, type FieldCast } from './types/cast';

export interface ConstraintTest {
  /** The constraint's name, as frictionless notes it (`constraint "maxLength" is "256"`). */
  name: keyof Constraints;
  /** The declared value, for messages. */
  param: unknown;
  ok(value: unknown, raw: string): boolean;
}

/** Turns a Python-flavoured XML Schema pattern into a full-match JS regex. */
export function compilePattern(pattern: string): RegExp {
  const js = pattern
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$');
  return new RegExp(`^(?:${js})$`);
}

/** Length in code points, as Python counts it; UTF-16 length is an upper bound. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function sizeOf(v: unknown): number {
  if (typeof v === 'string') return codePoints(v);
  if (Array.isArray(v)) return v.length;
  if (v && typeof v === 'object') return Object.keys(v).length;
  return NaN;
}

/** Reads a bound or an enum item: strings go through the field's caster, numbers stay. */
function readParam(p: unknown, fc: FieldCast): unknown {
  if (typeof p === 'string') return fc.cast(p);
  return p;
}

export interface CompiledConstraints {
  tests: ConstraintTest[];
  /** Problems in the constraints themselves (bad regex, a bound the type cannot read). */
  errors: SchemaWords[];
}

export function compileConstraints(c: Constraints | undefined, fc: FieldCast): CompiledConstraints {
  const tests: ConstraintTest[] = [];
  const errors: SchemaWords[] = [];
  if (!c) return { tests, errors };
  if (typeof c.minLength === 'number') {
    const min = c.minLength;
    tests.push({ name: 'minLength', param: min, ok: (v) => !(sizeOf(v) < min) });
  }
  if (typeof c.maxLength === 'number') {
    const max = c.maxLength;
    // UTF-16 length ≥ code points, so a short string never needs counting.
    tests.push({ name: 'maxLength', param: max, ok: (v) => (typeof v === 'string' && v.length <= max) || !(sizeOf(v) > max) });
  }
  const bound = (name: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum', cmp: (v: number, b: number) => boolean) => {
    if (c[name] === undefined) return;
    const b = readParam(c[name], fc);
    if (typeof b !== 'number') {
      errors.push({
        en: `constraint “${name}” value ${JSON.stringify(c[name])} does not fit type ${fc.label}: the constraint is not checked`,
        fr: `la valeur ${JSON.stringify(c[name])} de la contrainte « ${name} » ne convient pas au type ${typeLabel(fc.label, 'fr')} : la contrainte n’est pas vérifiée`,
      });
      return;
    }
    tests.push({ name, param: c[name], ok: (v) => typeof v !== 'number' || cmp(v, b) });
  };
  bound('minimum', (v, b) => v >= b);
  bound('maximum', (v, b) => v <= b);
  bound('exclusiveMinimum', (v, b) => v > b);
  bound('exclusiveMaximum', (v, b) => v < b);
  if (typeof c.pattern === 'string') {
    try {
      const re = compilePattern(c.pattern);
      tests.push({ name: 'pattern', param: c.pattern, ok: (_v, raw) => re.test(raw) });
    } catch (e) {
      errors.push({
        en: `constraint “pattern” is not a valid regular expression (${(e as Error).message}): the constraint is not checked`,
        fr: `la contrainte « pattern » n’est pas une expression régulière valide (${(e as Error).message}) : elle n’est pas vérifiée`,
      });
    }
  }
  if (Array.isArray(c.enum)) {
    const allowed = new Set<unknown>();
    for (const item of c.enum) {
      const v = readParam(item, fc);
      if (v === INVALID)
        errors.push({
          en: `enum value ${JSON.stringify(item)} does not fit type ${fc.label}`,
          fr: `la valeur ${JSON.stringify(item)} de la liste « enum » ne convient pas au type ${typeLabel(fc.label, 'fr')}`,
        });
      else allowed.add(keyOf(v));
    }
    tests.push({ name: 'enum', param: c.enum, ok: (v) => allowed.has(keyOf(v)) });
  }
  return { tests, errors };
}
