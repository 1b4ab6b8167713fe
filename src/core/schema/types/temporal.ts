// date, time, datetime, year, yearmonth and duration. Logical values are numbers (UTC ms,
// seconds…) so minimum/maximum/enum/unique compare them without allocating.
import type { SchemaWords } from './words';
import type { FieldDescriptor } from '../descriptor';
import { INVALID, type Cast } from './invalid';
import { compileStrptime, daysInMonth, tzMinutes, validParts, type DateParts } from './strptime';

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const YEARMONTH = /^(\d{4})-(\d{1,2})$/;
const DURATION =
  /^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$/;
/** What `format: any` accepts for dates: ISO, day-first and year-first with / - . separators. */
const ANY_DATE = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/, /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/];

const utc = (p: DateParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - p.offset * 60_000;

/** `YYYY-MM-DD` read by hand: it is the hottest date path (SCDL dates). */
function isoDate(s: string): number | typeof INVALID {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 7);
    const d = digits(s, 8, 10);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return INVALID;
    return Date.UTC(y, m - 1, d);
  }
  // Python's strptime also takes one-digit months and days (`2019-5-3`).
  const r = ISO_DATE.exec(s);
  if (!r) return INVALID;
  const y = +r[1],
    m = +r[2],
    d = +r[3];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? Date.UTC(y, m - 1, d) : INVALID;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function anyDate(s: string): number | typeof INVALID {
  let m = ANY_DATE[0].exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = ANY_DATE[1].exec(s);
  if (!m) return INVALID;
  const dayFirst = ymd(+m[3], +m[2], +m[1]);
  return dayFirst !== INVALID ? dayFirst : ymd(+m[3], +m[1], +m[2]);
}

const ymd = (y: number, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? Date.UTC(y, m - 1, d) : INVALID);

function isoDatetime(s: string): number | typeof INVALID {
  const m = ISO_DATETIME.exec(s);
  if (!m) return INVALID;
  const p: DateParts = {
    year: +m[1],
    month: +m[2],
    day: +m[3],
    hour: +m[4],
    minute: +m[5],
    second: +m[6],
    offset: m[8] ? tzMinutes(m[8]) : 0,
  };
  return validParts(p) ? utc(p) : INVALID;
}

function isoTime(s: string): number | typeof INVALID {
  const m = ISO_TIME.exec(s);
  if (!m) return INVALID;
  const h = +m[1],
    mi = +m[2],
    se = +m[3];
  if (h > 23 || mi > 59 || se > 59) return INVALID;
  return h * 3600 + mi * 60 + se - (m[5] ? tzMinutes(m[5]) * 60 : 0);
}

/** Builds the caster; `error` is set when the format itself is unusable. */
export function temporalCast(field: FieldDescriptor, type: string): { cast: Cast; error?: SchemaWords } {
  const format = field.format ?? 'default';
  if (type === 'year') return { cast: (s) => (/^\d{4}$/.test(s) ? +s : INVALID) };
  if (type === 'yearmonth')
    return {
      cast: (s) => {
        const m = YEARMONTH.exec(s);
        return m && +m[2] >= 1 && +m[2] <= 12 ? +m[1] * 12 + +m[2] - 1 : INVALID;
      },
    };
  if (type === 'duration') return { cast: durationSeconds };
  if (format === 'default' || format === '') return { cast: type === 'date' ? isoDate : type === 'time' ? isoTime : isoDatetime };
  const any: Cast =
    type === 'date' ? anyDate : type === 'time' ? isoTime : (s) => (isoDatetime(s) !== INVALID ? isoDatetime(s) : anyDate(s));
  if (format === 'any') return { cast: any };
  // frictionless v1 also allowed `fmt:%d/%m/%Y`.
  const pattern = format.startsWith('fmt:') ? format.slice(4) : format;
  const reader = compileStrptime(pattern);
  // An unusable pattern switches the pattern off, not the column: every cell failing it would be a false alarm.
  if (!reader)
    return {
      cast: any,
      error: {
        en: `unknown date pattern “${format}”: read as format "any"`,
        fr: `motif de date inconnu « ${format} » : lu comme le format « any »`,
      },
    };
  if (type === 'time')
    return {
      cast: (s) => {
        const p = reader.read(s);
        return p ? p.hour * 3600 + p.minute * 60 + p.second - p.offset * 60 : INVALID;
      },
    };
  if (type === 'date')
    return {
      cast: (s) => {
        const p = reader.read(s);
        return p ? Date.UTC(p.year, p.month - 1, p.day) : INVALID;
      },
    };
  return {
    cast: (s) => {
      const p = reader.read(s);
      return p ? utc(p) : INVALID;
    },
  };
}

function durationSeconds(s: string): number | typeof INVALID {
  const m = DURATION.exec(s);
  if (!m) return INVALID;
  const n = (g: string | undefined) => (g ? parseFloat(g) : 0);
  // Calendar units have no fixed length; these approximations only order durations.
  return n(m[1]) * 365 * 86400 + n(m[2]) * 30 * 86400 + n(m[3]) * 7 * 86400 + n(m[4]) * 86400 + n(m[6]) * 3600 + n(m[7]) * 60 + n(m[8]);
}
