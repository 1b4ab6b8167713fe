// Streams data rows into groups: one per category label, or per date text when bucketing
// by month/year (bucketed at the end), or a sample of points for a scatter. Memory depends
// on the number of distinct categories, never on the number of rows.
import type { Row } from '../model';
import { hasEdgeSpace, isBlank, isBlankRow, isSpace, trimAll } from '../rules/lib/util';
import { parseNumber } from '../values/number';
import type { DateBucket } from './config';
import { bucketDates, mayBeDate, rawDateKey } from './date-buckets';
import { addValue, newGroup, type Group } from './group';
import { ScatterSampler } from './scatter';
import type { Skip } from './series';
import { SkipCounter } from './skips';
import type { DateFormat } from '../values/date';

/** Distinct categories kept; rows of later new categories go to "others" (a 1 GB file of unique names). */
export const MAX_GROUPS = 500_000;

export interface ColumnRef {
  index: number;
  name: string;
}

export interface GroupSpec {
  category: ColumnRef;
  value: ColumnRef | null;
  dateBucket: DateBucket;
  scatter: boolean;
  /** Rows whose cell at `index` is not `value` are left out (not counted as skipped). */
  filter?: { index: number; value: string } | null;
}

export interface Grouped {
  kind: 'categories' | 'dates' | 'scatter';
  groups: Map<string, Group>;
  /** Rows of categories past MAX_GROUPS, shown inside "others". */
  overflow: Group | null;
  xy: { x: number; y: number }[];
  sampled: boolean;
  /** Scatter: rows with two numbers, of which `xy` is a sample. */
  points: number;
  rows: number;
  /** Rows no aggregation can use (blank, short, totals, bad category). */
  rowSkips: Skip[];
  /** Rows whose value cell is no number: left out of sum, mean, min and max, not of count. */
  valueSkips: Skip[];
  dateFormat: DateFormat | null;
}

/** A cell that is only "Total", "Sous-total", "TOTAL GÉNÉRAL", "Total Résultat" (pivot tables)…: a computed line, not a record. */
const TOTALS = /^\s*(sous[- ]?)?tota(l|ux)(\s+(g[ée]n[ée]ral|r[ée]sultat|result))?\s*:?\s*$/i;

export class Grouper {
  private readonly groups = new Map<string, Group>();
  private overflow: Group | null = null;
  private readonly rowSkips = new SkipCounter();
  private readonly valueSkips = new SkipCounter();
  private readonly sampler: ScatterSampler | null;
  private rows = 0;

  constructor(private readonly spec: GroupSpec) {
    this.sampler = spec.scatter ? new ScatterSampler() : null;
  }

  push(row: Row): void {
    const f = this.spec.filter;
    if (f && (row.values[f.index] ?? '').trim() !== f.value) return;
    this.rows++;
    const vals = row.values;
    const { category } = this.spec;
    if (isBlankRow(row)) return this.rowSkips.add('blank-row', null, row.number, '');
    const c = vals[category.index];
    if (c === undefined) return this.rowSkips.add('missing-cell', category.name, row.number, '');
    if (TOTALS.test(c) || TOTALS.test(vals[0])) return this.rowSkips.add('totals-row', null, row.number, TOTALS.test(c) ? c : vals[0]);
    if (isBlank(c) && this.onlyValueFilled(row)) return this.rowSkips.add('totals-row', null, row.number, vals[this.spec.value!.index]);
    if (this.sampler) return this.pushPoint(row, c);
    const dates = this.spec.dateBucket !== 'none';
    const key = dates ? this.dateKey(row, c) : label(c);
    if (key === null) return;
    let g = this.groups.get(key);
    if (!g) {
      // Each distinct text is checked once: later rows with the same date are one lookup.
      if (dates && !mayBeDate(key)) return this.rowSkips.add('not-a-date', category.name, row.number, c);
      if (this.groups.size < MAX_GROUPS) this.groups.set(key, (g = newGroup(this.groups.size, row.number)));
      else g = this.overflow ??= newGroup(MAX_GROUPS, row.number);
    }
    g.rows++;
    const n = this.number(row, this.spec.value, this.valueSkips);
    if (n !== null) addValue(g, n);
  }

  /** A row holding nothing but an amount (`;;;19 256 523 €` at the end of an export) is an unlabelled total. */
  private onlyValueFilled(row: Row): boolean {
    const v = this.spec.value;
    if (!v || this.spec.scatter) return false;
    return row.values.every((x, i) => (i === v.index) !== isBlank(x));
  }

  /** The raw date key of a category cell, or null (and counted) when it is empty. */
  private dateKey(row: Row, c: string): string | null {
    const t = hasEdgeSpace(c) ? trimAll(c) : c;
    if (t === '') {
      this.rowSkips.add('empty', this.spec.category.name, row.number, c);
      return null;
    }
    return rawDateKey(t);
  }

  private pushPoint(row: Row, _c: string): void {
    const x = this.number(row, this.spec.category, this.rowSkips);
    if (x === null) return;
    const y = this.number(row, this.spec.value, this.rowSkips);
    if (y !== null) this.sampler!.add(x, y);
  }

  /** The number in `col`, or null (and the reason counted) when there is none. */
  private number(row: Row, col: ColumnRef | null, skips: SkipCounter): number | null {
    if (!col) return null;
    const v = row.values[col.index];
    if (v === undefined) skips.add('missing-cell', col.name, row.number, '');
    else if (isBlank(v)) skips.add('empty', col.name, row.number, v);
    else {
      const p = parseNumber(v);
      if (p) return p.value;
      skips.add('not-a-number', col.name, row.number, v);
    }
    return null;
  }

  finish(): Grouped {
    const base = {
      overflow: this.overflow,
      rows: this.rows,
      valueSkips: this.valueSkips.list(),
      xy: [] as Grouped['xy'],
      sampled: false,
      points: 0,
      dateFormat: null,
    };
    if (this.sampler) {
      return {
        ...base,
        kind: 'scatter',
        groups: new Map(),
        xy: this.sampler.points,
        sampled: this.sampler.sampled,
        points: this.sampler.seen,
        rowSkips: this.rowSkips.list(),
      };
    }
    if (this.spec.dateBucket === 'none') return { ...base, kind: 'categories', groups: this.groups, rowSkips: this.rowSkips.list() };
    const b = bucketDates(this.groups, this.spec.dateBucket);
    for (const { raw, group } of b.invalid)
      this.rowSkips.addMany('not-a-date', this.spec.category.name, group.rows, { row: group.firstRow, value: raw });
    return { ...base, kind: 'dates', groups: b.groups, rowSkips: this.rowSkips.list(), dateFormat: b.format };
  }
}

/**
 * The label a category cell groups under: trimmed, inner runs of spaces collapsed, because
 * exports pad names (`OAJLP GYMNASTIQUE  `) and the same beneficiary must be one bar.
 */
export function label(v: string): string {
  if (v.length === 0) return v;
  if (!isSpace(v.charCodeAt(0)) && !isSpace(v.charCodeAt(v.length - 1)) && !v.includes('  ')) return v;
  return trimAll(v).replace(/[\s\u00a0\u202f\u2007]+/g, ' ');
}
