// What the aggregation hands to the panel: at most MAX_POINTS points plus the counts that
// tell the user what was left out and why. Plain data, so it crosses to the worker and the
// webview unchanged.
import type { DateFormat } from '../values/date';

/**
 * Why a data row did not make it into the chart.
 * - `blank-row`: every cell is empty;
 * - `missing-cell`: the row stops before the category or value column;
 * - `totals-row`: the row is a "Total" line (counting it would double the chart);
 * - `empty` / `not-a-number` / `not-a-date`: the cell of `column` cannot be used.
 */
export type SkipReason = 'blank-row' | 'missing-cell' | 'totals-row' | 'empty' | 'not-a-number' | 'not-a-date';

export interface Skip {
  reason: SkipReason;
  /** The column whose cell was unusable; null for whole-row reasons. */
  column: string | null;
  rows: number;
  /** The first few offending rows (1-based, header = 1) and their cell text, for the user. */
  examples: { row: number; value: string }[];
}

/** The categories folded into one "others" point by top-N. */
export interface OthersPoint {
  categories: number;
  value: number;
  rows: number;
}

export interface SeriesStats {
  /** Data rows read (the header is not counted). */
  rows: number;
  /** Rows that went into the chart, before top-N folded some into "others". */
  used: number;
  /** Distinct categories or date buckets found. */
  categories: number;
  skipped: Skip[];
  /** Some groups could not be shown: too many date buckets, or too many distinct categories. */
  truncated: boolean;
  /** Scatter only: the points drawn are a random sample of `used`. */
  sampled: boolean;
  /** The date format read in the category column when bucketing by month or year. */
  dateFormat: DateFormat | null;
}

export interface ChartSeries {
  kind: 'categories' | 'dates' | 'scatter';
  /** Category labels ('' is a blank cell) or date buckets (`2019-03`, `2019`). */
  labels: string[];
  /** One per label; null where a date bucket holds no value (a gap in a line). */
  values: (number | null)[];
  /** Rows behind each point. */
  rows: number[];
  others: OthersPoint | null;
  /** A treemap's second level, one entry per label (not for "others"); absent without a subcategory. */
  children?: ChildPoints[];
  /** Scatter points; empty for the other kinds. */
  xy: { x: number; y: number }[];
  stats: SeriesStats;
}

/** The subcategories inside one category: the largest, then the small ones folded into "others". */
export interface ChildPoints {
  labels: string[];
  values: number[];
  rows: number[];
  others: OthersPoint | null;
}

export type ColumnKind = 'number' | 'date' | 'text';

/** What the panel needs to offer a column in its selects. */
export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Numbers that are identifiers (SIRET, codes, years): offered as categories, not measures. */
  code: boolean;
}
