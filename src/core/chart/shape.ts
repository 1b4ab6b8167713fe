// Turns groups into the points a chart draws: aggregation, top-N with an "others" point,
// sort order, and date buckets with their gaps. Cheap: it runs again on every control
// change without re-reading the file.
import { MAX_POINTS, type ChartConfig } from './config';
import { bucketRange } from './date-buckets';
import { groupRows, groupValue, mergeGroup, newGroup, type Group } from './group';
import { SUB_OVERFLOW, type Grouped } from './grouper';
import type { ChartSeries, ChildPoints, OthersPoint } from './series';

interface Point {
  label: string;
  value: number | null;
  group: Group;
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export function shape(g: Grouped, config: ChartConfig): ChartSeries {
  const agg = config.aggregation;
  const skipped = agg === 'count' && g.kind !== 'scatter' ? g.rowSkips : [...g.rowSkips, ...g.valueSkips];
  const stats = {
    rows: g.rows,
    used: 0,
    categories: g.groups.size,
    skipped,
    truncated: g.overflow !== null,
    sampled: g.sampled,
    dateFormat: g.dateFormat,
  };
  if (g.kind === 'scatter')
    return { kind: 'scatter', labels: [], values: [], rows: [], others: null, xy: g.xy, stats: { ...stats, used: g.points } };
  const points: Point[] = [];
  for (const [label, group] of g.groups) {
    const value = groupValue(group, agg);
    if (value === null) continue;
    points.push({ label, value, group });
    stats.used += groupRows(group, agg);
  }
  if (g.overflow) stats.used += groupRows(g.overflow, agg);
  let others: OthersPoint | null = null;
  let shown: Point[];
  if (g.kind === 'dates') {
    points.sort((a, b) => (a.label < b.label ? -1 : 1));
    const bucket = config.dateBucket === 'year' ? 'year' : 'month';
    if (points.length > MAX_POINTS) {
      stats.truncated = true;
      points.splice(0, points.length - MAX_POINTS);
    }
    shown = fillGaps(points, bucket, agg === 'count' || agg === 'sum' ? 0 : null);
    if (config.sort === 'value-desc' || config.sort === 'value-asc') sortPoints(shown, config.sort);
  } else {
    // Top-N keeps the largest values whatever the display order, then sorts what it kept.
    sortPoints(points, 'value-desc');
    const n = Math.min(config.topN, MAX_POINTS - 1);
    shown = points.slice(0, n);
    const rest = points.slice(n);
    if (rest.length || g.overflow) others = fold(rest, g.overflow, config);
    sortPoints(shown, config.sort);
  }
  const children = g.kind === 'categories' && shown.some((p) => p.group.children) ? shown.map((p) => childrenOf(p, shown, config)) : null;
  return {
    kind: g.kind,
    labels: shown.map((p) => p.label),
    values: shown.map((p) => p.value),
    rows: shown.map((p) => groupRows(p.group, agg)),
    others,
    ...(children ? { children } : {}),
    xy: [],
    stats,
  };
}

/** A subcategory under this share of the whole chart is too small to see: it folds into its category's "others". */
export const SMALL_SHARE = 0.01;

/**
 * The subcategories of one shown category: its top-N (within MAX_POINTS for the whole
 * chart), minus those too small to see, which fold into one "others" — unless that would
 * fold a single one, or leave the category with none.
 */
function childrenOf(parent: Point, shown: Point[], config: ChartConfig): ChildPoints {
  const agg = config.aggregation;
  const points: Point[] = [];
  let overflow: Group | null = null;
  for (const [label, group] of parent.group.children ?? []) {
    const value = groupValue(group, agg);
    if (label === SUB_OVERFLOW) overflow = group;
    else if (value !== null) points.push({ label, value, group });
  }
  sortPoints(points, 'value-desc');
  const room = Math.max(1, Math.floor((MAX_POINTS - shown.length - 1) / Math.max(1, shown.length)) - 1);
  const total = shown.reduce((t, p) => t + Math.max(0, p.value ?? 0), 0);
  let n = Math.min(config.topN, room, points.length);
  while (n > 1 && Math.max(0, points[n - 1].value ?? 0) < total * SMALL_SHARE) n--;
  if (n === points.length - 1 && !overflow && n < Math.min(config.topN, room)) n++;
  const rest = points.slice(n);
  const kept = points.slice(0, n);
  return {
    labels: kept.map((p) => p.label),
    values: kept.map((p) => p.value ?? 0),
    rows: kept.map((p) => groupRows(p.group, agg)),
    others: rest.length || overflow ? fold(rest, overflow, config) : null,
  };
}

function sortPoints(points: Point[], sort: ChartConfig['sort']): void {
  const v = (p: Point) => p.value ?? -Infinity;
  if (sort === 'value-desc') points.sort((a, b) => v(b) - v(a) || collator.compare(a.label, b.label));
  else if (sort === 'value-asc') points.sort((a, b) => v(a) - v(b) || collator.compare(a.label, b.label));
  else if (sort === 'label') points.sort((a, b) => collator.compare(a.label, b.label));
  else points.sort((a, b) => a.group.order - b.group.order);
}

function fold(rest: Point[], overflow: Group | null, config: ChartConfig): OthersPoint {
  const acc = newGroup(Infinity, Infinity);
  for (const p of rest) mergeGroup(acc, p.group);
  if (overflow) mergeGroup(acc, overflow);
  return {
    categories: rest.length + (overflow ? 1 : 0),
    value: groupValue(acc, config.aggregation) ?? 0,
    rows: groupRows(acc, config.aggregation),
  };
}

/** Adds the empty months/years between the first and last bucket (when they fit in MAX_POINTS). */
function fillGaps(points: Point[], bucket: 'month' | 'year', empty: number | null): Point[] {
  if (points.length < 2) return points;
  const range = bucketRange(points[0].label, points[points.length - 1].label, bucket, MAX_POINTS);
  if (!range) return points;
  const byLabel = new Map(points.map((p) => [p.label, p]));
  return range.map((label, i) => byLabel.get(label) ?? { label, value: empty, group: newGroup(i, 0) });
}
