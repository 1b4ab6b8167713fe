// How points are named and numbers written in the panel: blank cells, the "others" point,
// month buckets in the user's language, numbers with the locale's separators.
import type { ChartSeries } from '../../src/core/chart/series';
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
}

/** The series' points with "others" last, labels ready to show. */
export function pointsOf(series: ChartSeries, f: Formatters, s: ChartStrings): Point[] {
  const points = series.labels.map((l, i) => ({ label: f.label(l), value: series.values[i], rows: series.rows[i], others: false }));
  if (series.others)
    points.push({ label: fill(s.others, series.others.categories), value: series.others.value, rows: series.others.rows, others: true });
  return points;
}
