// Month and year buckets for a date column. The column's format is decided from all its
// values at the end (as the date-format rule does), so `03/04/2019` is read the same way in
// every row: raw date texts are grouped while streaming, then converted once per distinct text.
import { dateFormatsOf, decideColumnFormat, toIsoDate, type DateFormat } from '../values/date';
import type { DateBucket } from './config';
import { mergeGroup, type Group } from './group';

export interface Buckets {
  groups: Map<string, Group>;
  format: DateFormat | null;
  /** Raw texts that are no date in the decided format, with their rows. */
  invalid: { raw: string; group: Group }[];
}

/** A cheap key while streaming: ISO date-times collapse to their day, other texts stay as is. */
export function rawDateKey(v: string): string {
  return v.length > 10 && v.charCodeAt(4) === 45 && (v[10] === 'T' || v[10] === ' ') ? v.slice(0, 10) : v;
}

/** True when the text may be a date in some format (the rest is skipped at once). */
export function mayBeDate(v: string): boolean {
  return dateFormatsOf(v).length > 0;
}

export function bucketDates(raw: Map<string, Group>, bucket: Exclude<DateBucket, 'none'>): Buckets {
  const counts = new Map<DateFormat, number>();
  const candidates = new Map<string, DateFormat[]>();
  for (const [text, g] of raw) {
    const formats = dateFormatsOf(text);
    candidates.set(text, formats);
    for (const f of formats) counts.set(f, (counts.get(f) ?? 0) + g.rows);
  }
  const decided = decideColumnFormat(counts);
  const groups = new Map<string, Group>();
  const invalid: Buckets['invalid'] = [];
  const width = bucket === 'month' ? 7 : 4;
  for (const [text, g] of raw) {
    const formats = candidates.get(text)!;
    // ISO needs no decision; other texts must read in the column's format.
    const f =
      formats.includes('iso') || formats.includes('iso-datetime')
        ? formats[0]
        : decided !== null && formats.includes(decided)
          ? decided
          : null;
    const iso = f ? toIsoDate(text, f) : null;
    if (!iso) {
      invalid.push({ raw: text, group: g });
      continue;
    }
    const key = iso.slice(0, width);
    const b = groups.get(key);
    if (b) mergeGroup(b, g);
    else groups.set(key, { ...g });
  }
  const iso: DateFormat | null = counts.has('iso') ? 'iso' : counts.has('iso-datetime') ? 'iso-datetime' : null;
  return { groups, format: decided ?? iso, invalid };
}

/** Every bucket between the first and the last, so a line shows empty months as such. */
export function bucketRange(first: string, last: string, bucket: Exclude<DateBucket, 'none'>, limit: number): string[] | null {
  const out: string[] = [];
  let y = +first.slice(0, 4);
  let m = bucket === 'month' ? +first.slice(5, 7) : 1;
  for (;;) {
    const key = bucket === 'month' ? `${y}-${String(m).padStart(2, '0')}` : String(y);
    out.push(key);
    if (key >= last) return out;
    if (out.length >= limit) return null;
    if (bucket === 'year' || ++m > 12) {
      y++;
      m = 1;
    }
  }
}
