// When a cell would run as a formula in a spreadsheet (CSV injection, OWASP): it starts with
// = + - @, or with a tab or a carriage return, and is not a plain number. Excel and LibreOffice
// may trim the cell on import, so a value padded before its `=` counts too.
import { parseNumber } from './number';

const SIGNS = new Set([61, 43, 45, 64]); // = + - @

/** The value as written starts a formula: its first character is = + - @ (or a tab/CR before one). */
export function leadsFormula(v: string): boolean {
  const c = v.charCodeAt(0);
  if (SIGNS.has(c)) return v.length >= 2 && !isPlainNumber(v);
  if (c === 9 || c === 13) return startsFormula(v);
  return false;
}

/**
 * The value starts a formula once trimmed (`" =1+1 "`, `"\t=1+1"`, `"- 1+HYPERLINK(…)"`); a lone
 * sign (a dash placeholder) and numbers (`-12`, `+33 6…` as a number, `- 5`) are harmless.
 */
export function startsFormula(v: string): boolean {
  const c = v.charCodeAt(0);
  // Most cells: neither a sign nor a space first, no need to trim.
  if (!SIGNS.has(c) && !(c <= 32 || c === 160 || c >= 0x1680)) return false;
  const t = v.trim();
  if (t.length < 2 || !SIGNS.has(t.charCodeAt(0))) return false;
  return !isPlainNumber(t);
}

function isPlainNumber(t: string): boolean {
  return parseNumber(t) !== null || parseNumber(t.replace(/^([+-])\s+/, '$1')) !== null;
}

/** A cleaning fix that would turn a harmless cell into one that starts a formula (trimming " =1+1"). */
export function createsFormula(before: string, after: string): boolean {
  return leadsFormula(after) && !(leadsFormula(before) && before.charCodeAt(0) === after.charCodeAt(0));
}

/** The value made inert for spreadsheets: an apostrophe first, the way Excel marks text. */
export function neutralized(v: string): string {
  return `'${v.trim()}`;
}
