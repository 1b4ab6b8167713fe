// Compiles a Python strptime pattern (`%d/%m/%Y`, `%Y-%m-%dT%H:%M:%S%z`) into one regex and
// a reader, once per field. Python's strptime accepts one or two digits for %d/%m/%H/%M/%S.
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset from UTC in minutes, when the text carries one. */
  offset: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS_FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS = '(?:mon|tue|wed|thu|fri|sat|sun)';
const DAYS_FULL = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

type Setter = (p: DateParts, s: string) => boolean;

const DIRECTIVES: Record<string, [string, Setter | null]> = {
  Y: ['(\\d{4})', (p, s) => ((p.year = +s), true)],
  y: ['(\\d{2})', (p, s) => ((p.year = +s + (+s < 69 ? 2000 : 1900)), true)],
  m: ['(\\d{1,2})', (p, s) => ((p.month = +s), true)],
  d: ['(\\d{1,2})', (p, s) => ((p.day = +s), true)],
  H: ['(\\d{1,2})', (p, s) => ((p.hour = +s), true)],
  I: ['(\\d{1,2})', (p, s) => ((p.hour = +s % 12), +s >= 1 && +s <= 12)],
  M: ['(\\d{1,2})', (p, s) => ((p.minute = +s), true)],
  S: ['(\\d{1,2})', (p, s) => ((p.second = +s), true)],
  f: ['(\\d{1,6})', null],
  j: ['(\\d{1,3})', null],
  p: ['(AM|PM|am|pm)', (p, s) => (/pm/i.test(s) && (p.hour += 12), true)],
  b: [`(${MONTHS.join('|')})`, (p, s) => ((p.month = MONTHS.indexOf(s.toLowerCase()) + 1), true)],
  B: [`(${MONTHS_FULL.join('|')})`, (p, s) => ((p.month = MONTHS_FULL.indexOf(s.toLowerCase()) + 1), true)],
  a: [`(${DAYS})`, null],
  A: [`(${DAYS_FULL})`, null],
  z: ['(Z|[+-]\\d{2}:?\\d{2}(?::?\\d{2})?)?', (p, s) => (s ? ((p.offset = tzMinutes(s)), true) : true)],
  '%': ['%', null],
};

export function tzMinutes(s: string): number {
  if (s === 'Z' || s === 'z') return 0;
  const sign = s[0] === '-' ? -1 : 1;
  const digits = s.slice(1).replace(/:/g, '');
  return sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
}

export interface Strptime {
  read(s: string): DateParts | null;
}

/** Returns null when the pattern uses a directive we do not know (reported on the schema). */
export function compileStrptime(pattern: string): Strptime | null {
  let src = '^';
  const setters: (Setter | null)[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '%') {
      src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const d = DIRECTIVES[pattern[++i]];
    if (!d) return null;
    src += d[0];
    if (d[0].startsWith('(')) setters.push(d[1]);
  }
  const re = new RegExp(src + '$', 'i');
  return {
    read(s) {
      const m = re.exec(s);
      if (!m) return null;
      const p: DateParts = { year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0, offset: 0 };
      for (let k = 0; k < setters.length; k++) {
        const set = setters[k];
        if (set && m[k + 1] !== undefined && !set(p, m[k + 1])) return null;
      }
      return validParts(p) ? p : null;
    },
  };
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function validParts(p: DateParts): boolean {
  return (
    p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month) && p.hour <= 23 && p.minute <= 59 && p.second <= 59
  );
}
