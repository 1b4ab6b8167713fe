// What a chart shows: the settings the panel's controls edit, a saved chart stores and the
// aggregation reads. Columns are named, not numbered, so a saved chart survives a column move.

export const CHART_TYPES = ['bar', 'bar-horizontal', 'line', 'pie', 'doughnut', 'treemap', 'scatter'] as const;
export const AGGREGATIONS = ['sum', 'count', 'mean', 'min', 'max'] as const;
/** `label` is alphabetical (chronological for dates); `file` keeps the order of first appearance. */
export const SORT_ORDERS = ['value-desc', 'value-asc', 'label', 'file'] as const;
export const DATE_BUCKETS = ['none', 'month', 'year'] as const;

export type ChartType = (typeof CHART_TYPES)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];
export type DateBucket = (typeof DATE_BUCKETS)[number];

/** No chart sends more points than this to the webview, whatever the file size. */
export const MAX_POINTS = 1000;
/** Top-N keeps room for the "others" point inside MAX_POINTS. */
export const MAX_TOP_N = MAX_POINTS - 1;
export const DEFAULT_TOP_N = 15;

export interface ChartConfig {
  type: ChartType;
  /** Column whose values label the points (the x column for a scatter). */
  category: string | null;
  /** Column holding the measure (the y column for a scatter); unused by `count`. */
  value: string | null;
  aggregation: Aggregation;
  /** Categories kept before the rest fold into "others"; ignored for date buckets and scatter. */
  topN: number;
  sort: SortOrder;
  /** Group the category column's dates by month or year instead of by exact value. */
  dateBucket: DateBucket;
  /** Only the rows whose `column` holds `value` (a budget's dépenses or recettes). */
  filter?: { column: string; value: string } | null;
  /** Treemap only: each category's rectangle is split by this column (a budget's natures inside its chapters). */
  subcategory?: string | null;
}

export const DEFAULT_CONFIG: ChartConfig = {
  type: 'bar',
  category: null,
  value: null,
  aggregation: 'count',
  topN: DEFAULT_TOP_N,
  sort: 'value-desc',
  dateBucket: 'none',
};

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);
const columnName = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v.length <= 1000);

/**
 * Reads a config from untrusted JSON (a webview message, a saved chart file). Returns null
 * when it is not one; missing optional settings take their defaults; top-N is clamped.
 */
export function parseChartConfig(v: unknown): ChartConfig | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!oneOf(CHART_TYPES, o.type) || !oneOf(AGGREGATIONS, o.aggregation)) return null;
  if (!columnName(o.category) || !columnName(o.value)) return null;
  const subcategory = o.subcategory === undefined ? null : o.subcategory;
  if (!columnName(subcategory)) return null;
  const sort = o.sort === undefined ? DEFAULT_CONFIG.sort : o.sort;
  const dateBucket = o.dateBucket === undefined ? DEFAULT_CONFIG.dateBucket : o.dateBucket;
  if (!oneOf(SORT_ORDERS, sort) || !oneOf(DATE_BUCKETS, dateBucket)) return null;
  const topN = o.topN === undefined ? DEFAULT_TOP_N : o.topN;
  if (typeof topN !== 'number' || !Number.isFinite(topN)) return null;
  const f = o.filter as { column?: unknown; value?: unknown } | null | undefined;
  if (
    f !== undefined &&
    f !== null &&
    (typeof f !== 'object' ||
      typeof f.column !== 'string' ||
      f.column.length > 1000 ||
      typeof f.value !== 'string' ||
      f.value.length > 1000)
  )
    return null;
  return {
    ...(f ? { filter: { column: f.column as string, value: f.value as string } } : {}),
    ...(subcategory ? { subcategory } : {}),
    type: o.type,
    category: o.category,
    value: o.value,
    aggregation: o.aggregation,
    topN: clampTopN(topN),
    sort,
    dateBucket,
  };
}

export function clampTopN(n: number): number {
  return Math.min(MAX_TOP_N, Math.max(1, Math.round(n)));
}

/**
 * The settings that need a pass over the file. The others (type, aggregation, sort, top-N)
 * reshape groups already computed, because every group keeps count, sum, min and max.
 */
export function groupingKey(c: ChartConfig): string {
  return JSON.stringify([c.category, c.value, c.dateBucket, c.type === 'scatter', c.filter ?? null, subcategoryOf(c)]);
}

/** The second level actually grouped: a treemap's, over plain categories (not dates). */
export function subcategoryOf(c: ChartConfig): string | null {
  return c.type === 'treemap' && c.dateBucket === 'none' ? (c.subcategory ?? null) : null;
}
