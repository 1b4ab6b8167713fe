// How points are named and numbers written in the panel: blank cells, the "others" point,
// month buckets in the user's language, numbers with the locale's separators.
import type { ChartSeries, ChildPoints } from '../../src/core/chart/series';
import { fill, type ChartStrings } from '../../src/protocol/chart';

export interface Formatters {
  number(n: number | null): string;
  label(raw: string): string;
}

export function formatters(locale: string, kind: ChartSeries['kind'], s: ChartStrings): Formatters {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    number: (n) => (n === null ? '—' : num.format(n)),
    label(raw) {
      if (raw === '') return s.blank;
      // Month buckets (`2019-03`) read better as "mars 2019"; years stay as they are.
      if (kind === 'dates' && /^\d{4}-\d{2}$/.test(raw)) return month.format(new Date(Date.UTC(+raw.slice(0, 4), +raw.slice(5) - 1, 1)));
      return raw;
    },
  };
}

/** One row of the chart and of its data table. */
export interface Point {
  label: string;
  value: number | null;
  rows: number;
  others: boolean;
  /** A treemap's second level inside this point, "others" last; absent on one level. */
  children?: Point[];
}

/** The series' points with "others" last, labels ready to show. */
export function pointsOf(series: ChartSeries, f: Formatters, s: ChartStrings): Point[] {
  const kids = Array.isArray(series.children) && series.children.length === series.labels.length ? series.children : null;
  const points: Point[] = series.labels.map((l, i) => ({
    label: f.label(l),
    value: series.values[i],
    rows: series.rows[i],
    others: false,
    ...(kids ? { children: childPoints(kids[i], f, s) } : {}),
  }));
  if (series.others)
    points.push({ label: fill(s.others, series.others.categories), value: series.others.value, rows: series.others.rows, others: true });
  return points;
}

function childPoints(c: ChildPoints, f: Formatters, s: ChartStrings): Point[] {
  const points = c.labels.map((l, i) => ({ label: f.label(l), value: c.values[i], rows: c.rows[i], others: false }));
  if (c.others) points.push({ label: fill(s.others, c.others.categories), value: c.others.value, rows: c.others.rows, others: true });
  return points;
}
