// `number` and `integer` casting with frictionless-py's semantics: the text must be a
// decimal (Python's Decimal/int accept surrounding spaces and `_` digit groups), after
// `groupChar` is removed, `decimalChar` mapped to `.`, and, when `bareNumber` is false,
// leading/trailing non-numeric characters (`€`, `%`) stripped.
import type { FieldDescriptor } from '../descriptor';
import { INVALID, type Cast } from './invalid';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWs = (c: number) => c === 32 || (c >= 9 && c <= 13);
const SPECIAL = /^\s*[+-]?(inf|infinity|nan)\s*$/i;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Reads Python's decimal grammar by scanning (the hot path for amounts): optional spaces,
 * sign, digits with single `_` between digits, optional fraction, optional exponent.
 * Returns NaN when the text is not a decimal. Up to 15 significant digits the value is
 * computed while scanning (m / 10^k is correctly rounded, as Number() would give).
 * No inner function: one capturing these counters would keep them in a heap context, and this
 * runs on every cell of a number column.
 */
export function scanDecimal(s: string, allowFraction: boolean): number {
  let i = 0;
  let n = s.length;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  while (n > i && isWs(s.charCodeAt(n - 1))) n--;
  const from = i;
  let negative = false;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) negative = s.charCodeAt(i++) === 45;
  let digits = 0;
  let mantissa = 0;
  let scale = 0;
  let underscore = false;
  let exponent = false;
  // Up to three runs of digits: integer part, fraction, exponent.
  for (let part = 0; part < 3; part++) {
    if (part === 1) {
      if (!allowFraction || i >= n || s.charCodeAt(i) !== 46) continue;
      i++;
    } else if (part === 2) {
      if (digits === 0) return NaN;
      if (!allowFraction || i >= n || (s.charCodeAt(i) !== 101 && s.charCodeAt(i) !== 69)) break;
      i++;
      if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    }
    const before = digits;
    let prevDigit = false;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) {
        digits++;
        if (part < 2) mantissa = mantissa * 10 + (c - 48);
        if (part === 1) scale++;
        prevDigit = true;
      } else if (c === 95 && prevDigit && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
        prevDigit = false;
        underscore = true;
      } else break;
      i++;
    }
    if (part === 2) {
      if (digits === before) return NaN;
      exponent = true;
    }
  }
  if (digits === 0 || i !== n) return NaN;
  // With an exponent or more digits than a double holds exactly, Number() reads the text.
  if (!exponent && digits <= 15) {
    const v = scale ? mantissa / POW10[scale] : mantissa;
    return negative ? -v : v;
  }
  const text = s.slice(from, n);
  return Number(underscore ? text.replace(/_/g, '') : text);
}

/** Strips what `bareNumber: false` allows around a number (frictionless' `((^[^-\d]*)|(\D*$))`). */
const NON_BARE = /(^[^-\d]*)|(\D*$)/g;

export function numberCast(field: FieldDescriptor, integer: boolean): Cast {
  const group = field.groupChar || '';
  const decimal = !integer && field.decimalChar && field.decimalChar !== '.' ? field.decimalChar : '';
  const bare = field.bareNumber !== false;
  if (!group && !decimal && bare) {
    // The common case, kept free of any string rewriting.
    return integer
      ? (raw) => {
          const v = scanDecimal(raw, false);
          return Number.isNaN(v) ? INVALID : v;
        }
      : (raw) => {
          const v = scanDecimal(raw, true);
          return !Number.isNaN(v) ? v : SPECIAL.test(raw) ? special(raw) : INVALID;
        };
  }
  return (raw) => {
    let s = raw;
    if (group) s = s.split(group).join('');
    if (decimal) s = s.split(decimal).join('.');
    if (!bare) s = s.replace(NON_BARE, '');
    const v = scanDecimal(s, !integer);
    if (!Number.isNaN(v)) return v;
    return !integer && SPECIAL.test(s) ? special(s) : INVALID;
  };
}

function special(s: string): number {
  const t = s.trim().toLowerCase();
  if (t.endsWith('nan')) return NaN;
  return t.startsWith('-') ? -Infinity : Infinity;
}
