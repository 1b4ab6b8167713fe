// How a typed cell value becomes the text the rules, the grid and the CSV export see:
// dates as ISO 8601, numbers with a decimal point and no float noise, booleans as true/false.

export type DateKind = 'date' | 'datetime' | 'time';

/** Excel shows 15 significant digits; beyond them binary noise (0.30000000000000004) is not data. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  // Up to 15 significant digits String() is already exact; only longer forms carry noise.
  if (s.length <= 15 || (Number.isInteger(n) && Math.abs(n) < 1e21)) return s;
  return String(Number(n.toPrecision(15)));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Converts a spreadsheet serial (days since the epoch, fraction = time of day) to ISO text. */
export function serialToIso(serial: number, kind: DateKind, date1904 = false): string {
  // Day 0 is 1899-12-30 because Excel counts a 29 Feb 1900 that never was; 1904 workbooks start on 1904-01-01.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round((serial * 86400000) / 1000) * 1000;
  const d = new Date(epoch + ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (kind === 'time') return time;
  if (kind === 'date') return date;
  return `${date}T${time}`;
}

/** The date kind a number format shows, or null when it shows a number. */
export function dateKindOf(code: string): DateKind | null {
  // Colours, conditions and quoted literals ([Red], [<=9999], "kr") are not date tokens.
  // `_x` (pad as wide as x) and `*x` (repeat x) name characters, not tokens either.
  const f = code.replace(/\[[^\]]*\]|"[^"]*"|\\.|[_*]./g, '');
  const hasDate = /[dy]/i.test(f) || /m{3,}/i.test(f);
  const hasTime = /[hs]/i.test(f);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return null;
}

/** ISO text for an ISO-8601 date-time written by ODS or XLSX `t="d"` cells: the date alone at midnight. */
export function isoDateTimeText(v: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(?:\.\d+)?)?/.exec(v);
  if (!m) return v;
  return !m[2] || m[2] === '00:00:00' ? m[1] : `${m[1]}T${m[2]}`;
}

/** ODS time values are ISO durations: PT13H30M00S → 13:30:00. */
export function isoDurationTime(v: string): string {
  const m = /^-?PT(\d+)H(\d+)M(\d+)(?:[.,]\d+)?S$/.exec(v);
  return m ? `${pad(+m[1])}:${pad(+m[2])}:${pad(+m[3])}` : v;
}

export const booleanText = (b: boolean): string => (b ? 'true' : 'false');
