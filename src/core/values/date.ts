// Dates as exports write them. The source format of a column is decided from the whole
// column, so `03/04/2019` is never guessed cell by cell.

export type DateFormat =
  'iso' | 'iso-datetime' | 'dd/mm/yyyy' | 'mm/dd/yyyy' | 'dd-mm-yyyy' | 'dd.mm.yyyy' | 'yyyy/mm/dd' | 'dd/mm/yy' | 'excel-serial';

const ISO_DT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY2 = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;

/** Excel serials 20000..73050 cover 1954..2099: a five-digit integer in a date column. */
export function isExcelSerial(s: string): boolean {
  // `/^\d{5}(\.\d+)?$/` by hand: every number cell of a sheet comes here.
  const n0 = s.length;
  if (n0 < 5 || n0 === 6) return false;
  for (let i = 0; i < 5; i++) if ((s.charCodeAt(i) - 48) >>> 0 > 9) return false;
  if (n0 > 5) {
    if (s.charCodeAt(5) !== 46) return false;
    for (let i = 6; i < n0; i++) if ((s.charCodeAt(i) - 48) >>> 0 > 9) return false;
  }
  // The value from its digits, not Number(s): 73050 and a fraction is past the range.
  const n =
    (s.charCodeAt(0) - 48) * 10000 +
    (s.charCodeAt(1) - 48) * 1000 +
    (s.charCodeAt(2) - 48) * 100 +
    (s.charCodeAt(3) - 48) * 10 +
    (s.charCodeAt(4) - 48);
  if (n < 20000 || n > 73050) return false;
  if (n === 73050) for (let i = 6; i < n0; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

export function excelSerialToIso(n: number): string {
  // Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was: epoch 1899-12-30.
  const ms = Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

// Shared results: this runs on every cell of a file, so it must not allocate.
const NONE = Object.freeze([]) as unknown as DateFormat[];
const ONE = Object.fromEntries(
  (
    [
      'iso',
      'iso-datetime',
      'dd/mm/yyyy',
      'mm/dd/yyyy',
      'dd-mm-yyyy',
      'dd.mm.yyyy',
      'yyyy/mm/dd',
      'dd/mm/yy',
      'excel-serial',
    ] as DateFormat[]
  ).map((f) => [f, Object.freeze([f])]),
) as unknown as Record<DateFormat, DateFormat[]>;
const DMY_OR_MDY = Object.freeze(['dd/mm/yyyy', 'mm/dd/yyyy']) as unknown as DateFormat[];

/** The candidate formats a cell matches, most specific first. Cheap reject on the first char. */
/** The result is shared and frozen: do not mutate it. */
export function dateFormatsOf(s: string): DateFormat[] {
  const c = s.charCodeAt(0);
  if (!(c >= 48 && c <= 57) || s.length < 5 || s.length > 35) return NONE;
  const iso = isoDate(s);
  if (iso) return iso === 'valid' ? ONE.iso : NONE;
  // Every written form but the serial has a `-`, `/` or `.`: amounts and codes skip the regexes.
  if (!hasSeparator(s)) return isExcelSerial(s) ? ONE['excel-serial'] : NONE;
  let m: RegExpExecArray | null;
  if (ISO_DT.test(s)) return ONE['iso-datetime'];
  if ((m = DMY.exec(s))) {
    const a = +m[1];
    const b = +m[3];
    const y = +m[4];
    const sep = m[2];
    const dmy = valid(y, b, a);
    const mdy = sep === '/' && valid(y, a, b);
    if (dmy && mdy) return DMY_OR_MDY;
    if (dmy) return ONE[sep === '/' ? 'dd/mm/yyyy' : sep === '-' ? 'dd-mm-yyyy' : 'dd.mm.yyyy'];
    return mdy ? ONE['mm/dd/yyyy'] : NONE;
  }
  if ((m = YMD_SLASH.exec(s))) return valid(+m[1], +m[2], +m[3]) ? ONE['yyyy/mm/dd'] : NONE;
  if ((m = DMY2.exec(s))) return valid(2000 + +m[3], +m[2], +m[1]) ? ONE['dd/mm/yy'] : NONE;
  if (isExcelSerial(s)) return ONE['excel-serial'];
  return NONE;
}

function hasSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 47 || c === 46) return true;
  }
  return false;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || y < 1000) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS[mo - 1] + (leap ? 1 : 0);
}

/** A valid `YYYY-MM-DD` date (what `dateFormatsOf` gives `['iso']` for, without padding). */
export function isIsoDay(s: string): boolean {
  return isoDate(s) === 'valid';
}

/** `YYYY-MM-DD` checked by hand: the most common date, kept off the regex engine. */
function isoDate(s: string): 'valid' | 'invalid' | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  // Unrolled: every ISO date cell of a file comes through here.
  const y0 = s.charCodeAt(0) - 48,
    y1 = s.charCodeAt(1) - 48,
    y2 = s.charCodeAt(2) - 48,
    y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48,
    m1 = s.charCodeAt(6) - 48,
    d0 = s.charCodeAt(8) - 48,
    d1 = s.charCodeAt(9) - 48;
  // A digit is 0–9 once 48 is taken off; as unsigned, anything else is larger than 9.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9)
    return null;
  return valid(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1) ? 'valid' : 'invalid';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Converts `s` written in `format` to ISO 8601, or null when it is not such a date. */
export function toIsoDate(s: string, format: DateFormat): string | null {
  let m: RegExpExecArray | null;
  switch (format) {
    case 'iso':
    case 'iso-datetime':
      return s;
    case 'dd/mm/yyyy':
    case 'dd-mm-yyyy':
    case 'dd.mm.yyyy':
      m = DMY.exec(s);
      return m && valid(+m[4], +m[3], +m[1]) ? `${m[4]}-${pad(+m[3])}-${pad(+m[1])}` : null;
    case 'mm/dd/yyyy':
      m = DMY.exec(s);
      return m && valid(+m[4], +m[1], +m[3]) ? `${m[4]}-${pad(+m[1])}-${pad(+m[3])}` : null;
    case 'yyyy/mm/dd':
      m = YMD_SLASH.exec(s);
      return m && valid(+m[1], +m[2], +m[3]) ? `${m[1]}-${pad(+m[2])}-${pad(+m[3])}` : null;
    case 'dd/mm/yy': {
      m = DMY2.exec(s);
      // Two-digit years: 00-69 → 2000s, 70-99 → 1900s (the POSIX strptime pivot).
      const y = m ? (+m[3] < 70 ? 2000 : 1900) + +m[3] : 0;
      return m && valid(y, +m[2], +m[1]) ? `${y}-${pad(+m[2])}-${pad(+m[1])}` : null;
    }
    case 'excel-serial':
      return isExcelSerial(s) ? excelSerialToIso(Number(s)) : null;
  }
}

/**
 * Decides a column's source format from counts of candidate formats: day-first unless some
 * value only reads month-first. Returns null when the column cannot be decided.
 */
export function decideColumnFormat(counts: Map<DateFormat, number>): DateFormat | null {
  const dmy = counts.get('dd/mm/yyyy') ?? 0;
  const mdy = counts.get('mm/dd/yyyy') ?? 0;
  let best: DateFormat | null = null;
  let bestN = 0;
  for (const [f, n] of counts) {
    if (f === 'iso' || f === 'iso-datetime') continue;
    if (n > bestN) {
      best = f;
      bestN = n;
    }
  }
  if (best === 'mm/dd/yyyy' || best === 'dd/mm/yyyy') return dmy >= mdy ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
  return best;
}
