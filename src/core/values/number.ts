// Numbers as French exports write them: `12 350 000 €`, ` 1 063 850,00 `, `24 975,00`,
// ` - ` for zero. One parser serves the linter, the cleaner and the chart aggregation.

export type NumberIssue = 'decimal-comma' | 'thousands-space' | 'thousands-dot' | 'currency' | 'padding' | 'dash-zero' | 'percent';

export interface ParsedNumber {
  value: number;
  /** The canonical open-data text: no separators, `.` decimal point, no symbol. */
  canonical: string;
  issues: NumberIssue[];
}

const PLAIN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const SPACES = /[\s\u00a0\u202f]/g;
const CURRENCY = /(€|EUR|euros?)$/i;
const GROUPED_SPACE = /^[-+]?\d{1,3}( \d{3})+(,\d+)?$/;
const GROUPED_DOT = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_DECIMAL = /^[-+]?\d+,\d+$/;

export function isPlainNumber(s: string): boolean {
  return PLAIN.test(s);
}

/** Quick reject before any regex: a number has a digit or is a lone dash. */
function mayBeNumber(s: string): boolean {
  for (let i = 0; i < s.length && i < 4; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 32 || c === 160 || c === 46) return true;
  }
  return false;
}

/** Parses a number written the plain way or one of the French/spreadsheet ways. */
/** Plain decimal without exponent, checked by hand: the common case, kept off the regex engine. */
export function isSimpleDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/**
 * Cheap reject before the regexes: only digits, separators, signs, spaces, `%` and the letters of
 * `€ EUR euros` may appear, and a `-` after a digit means a date or a range, not a number.
 */
function onlyNumberChars(s: string): boolean {
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c === 45) {
      if (digit) return false;
    } else if (!(
      c === 32 ||
      c === 160 ||
      c === 0x202f ||
      c === 44 ||
      c === 46 ||
      c === 43 ||
      c === 37 ||
      c === 8364 ||
      c === 9 ||
      'EURuroes'.includes(s[i])
    ))
      return false;
  }
  return true;
}

/** Cheap test, no allocation: could `parseNumber` accept it? (Used once exact results are no longer needed.) */
export function looksNumeric(s: string): boolean {
  return s !== '' && mayBeNumber(s) && onlyNumberChars(s) && /\d/.test(s);
}

export function parseNumber(raw: string): ParsedNumber | null {
  if (raw === '' || !mayBeNumber(raw)) return null;
  if (isSimpleDecimal(raw)) return { value: Number(raw), canonical: raw, issues: [] };
  if (!onlyNumberChars(raw)) return null;
  if (PLAIN.test(raw)) return { value: Number(raw), canonical: raw, issues: [] };
  const issues: NumberIssue[] = [];
  let s = raw;
  const trimmed = s.trim(); // the same as /^\s+|\s+$/, in linear time
  if (trimmed !== s) issues.push('padding');
  s = trimmed;
  if (s === '-' || s === '–') return { value: 0, canonical: '0', issues: [...issues, 'dash-zero'] };
  const cur = CURRENCY.exec(s);
  if (cur) {
    issues.push('currency');
    s = s.slice(0, cur.index).trimEnd();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    issues.push('percent');
    s = s.slice(0, -1).trimEnd();
  }
  let canonical: string;
  if (PLAIN.test(s)) canonical = s;
  else {
    const spaced = s.replace(/[\u00a0\u202f]/g, ' ');
    if (GROUPED_SPACE.test(spaced)) {
      issues.push('thousands-space');
      canonical = spaced.replace(SPACES, '');
    } else if (GROUPED_DOT.test(s)) {
      issues.push('thousands-dot');
      canonical = s.replace(/\./g, '');
    } else if (COMMA_DECIMAL.test(s)) canonical = s;
    else return null;
    if (canonical.includes(',')) {
      issues.push('decimal-comma');
      canonical = canonical.replace(',', '.');
    }
  }
  if (!PLAIN.test(canonical)) return null;
  const value = Number(canonical);
  if (!Number.isFinite(value)) return null;
  if (percent) return { value: value / 100, canonical: String(value / 100), issues };
  return { value, canonical, issues };
}
