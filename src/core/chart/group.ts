// One point of a chart before shaping: every statistic any aggregation needs, so switching
// between sum, count, mean, min and max never re-reads the file.
import type { Aggregation } from './config';

export interface Group {
  /** Rows with this category, whatever their value cell holds (what `count` counts). */
  rows: number;
  /** Rows whose value parsed as a number, and their statistics. */
  n: number;
  sum: number;
  min: number;
  max: number;
  /** Rank of first appearance in the file, for the `file` sort order. */
  order: number;
  /** First row (1-based, header = 1) with this category, to point at bad dates. */
  firstRow: number;
  /** A treemap's second level: the same statistics per subcategory label. */
  children?: Map<string, Group>;
}

export function newGroup(order: number, firstRow: number): Group {
  return { rows: 0, n: 0, sum: 0, min: Infinity, max: -Infinity, order, firstRow };
}

export function addValue(g: Group, v: number): void {
  g.n++;
  g.sum += v;
  if (v < g.min) g.min = v;
  if (v > g.max) g.max = v;
}

/** Adds `src` into `dst` (date buckets, the "others" point). */
export function mergeGroup(dst: Group, src: Group): void {
  dst.rows += src.rows;
  dst.n += src.n;
  dst.sum += src.sum;
  if (src.min < dst.min) dst.min = src.min;
  if (src.max > dst.max) dst.max = src.max;
  if (src.order < dst.order) dst.order = src.order;
  if (src.firstRow < dst.firstRow) dst.firstRow = src.firstRow;
}

/** The group's value under `agg`; null when it holds no number to aggregate. */
export function groupValue(g: Group, agg: Aggregation): number | null {
  if (agg === 'count') return g.rows;
  if (g.n === 0) return null;
  switch (agg) {
    case 'sum':
      return g.sum;
    case 'mean':
      return g.sum / g.n;
    case 'min':
      return g.min;
    case 'max':
      return g.max;
  }
}

/** Rows a point stands for under `agg`: all its rows for count, the numeric ones otherwise. */
export function groupRows(g: Group, agg: Aggregation): number {
  return agg === 'count' ? g.rows : g.n;
}
