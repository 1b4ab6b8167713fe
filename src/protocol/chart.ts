// The messages between the chart panel (extension host) and its webview, and the state the
// webview keeps across reloads. Both sides import this file; each checks what it receives
// with the guards below, because a message is only JSON from the other side.
import { parseChartConfig, subcategoryOf, type ChartConfig } from '../core/chart/config';
import type { ChartResult } from '../core/chart/aggregate';

export const CHART_VIEW_TYPE = 'openData.chart';

/** Every user-visible text of the webview, translated by the host (vscode.l10n). `{0}`… are filled in by the webview. */
export interface ChartStrings {
  chartType: string;
  bar: string;
  barHorizontal: string;
  line: string;
  pie: string;
  doughnut: string;
  treemap: string;
  /** The treemap's second-level select, and its "no second level" option. */
  subcategory: string;
  noSubcategory: string;
  /** {0} the heading of one level, {1} the second-level column. */
  headingThenBy: string;
  /** {0} column, {1} value: the rows a filtered chart keeps. */
  filterNote: string;
  /** {0} column: the select switching the row filter's value. */
  filterRows: string;
  scatter: string;
  category: string;
  xAxis: string;
  value: string;
  yAxis: string;
  noValue: string;
  aggregation: string;
  sum: string;
  count: string;
  mean: string;
  min: string;
  max: string;
  topN: string;
  sort: string;
  sortValueDesc: string;
  sortValueAsc: string;
  sortLabel: string;
  sortFile: string;
  dates: string;
  bucketNone: string;
  bucketMonth: string;
  bucketYear: string;
  exportPng: string;
  saveChart: string;
  /** {0} aggregation, {1} value column, {2} category column. */
  headingValue: string;
  /** {0} category column. */
  headingCount: string;
  /** {0} y column, {1} x column. */
  headingScatter: string;
  /** {0} number of categories folded. */
  others: string;
  blank: string;
  /** {0} rows read, {1} rows charted. */
  rowsUsed: string;
  /** {0} shown, {1} categories in all, {2} folded into others. */
  topNote: string;
  /** {0} points drawn, {1} points in all. */
  sampleNote: string;
  truncatedNote: string;
  /** {0} rows left out. */
  skippedTitle: string;
  skipBlankRow: string;
  /** {0} rows, {1} column (for the reasons below too). */
  skipMissingCell: string;
  skipTotalsRow: string;
  skipEmpty: string;
  skipNotANumber: string;
  skipNotADate: string;
  /** {0} row number, {1} cell text. */
  skipExample: string;
  /** {0} missing column names. */
  missingColumns: string;
  tableCaption: string;
  tableLabel: string;
  tableValue: string;
  tableRows: string;
  /** {0} the chart heading. */
  canvasLabel: string;
  updating: string;
}

export interface ChartView {
  /** URI of the table charted (a string: it crosses to the webview and into its saved state). */
  source: string;
  /** Name shown above the chart (the file name). */
  title: string;
  /** BCP 47 locale for number formatting (VS Code's display language). */
  locale: string;
  result: ChartResult;
  strings: ChartStrings;
}

export type ToWebview =
  | { type: 'show'; view: ChartView }
  | { type: 'busy' }
  | { type: 'problem'; message: string }
  /** The host needs the canvas as PNG (the image of a reuse); answered by `png` with the same id. */
  | { type: 'png-request'; id: number };

export type FromWebview =
  | { type: 'ready' }
  /** A control changed: draw this config. */
  | { type: 'config'; config: ChartConfig }
  /** The canvas as `data:image/png;base64,…`, for the host to write where the user says. */
  | { type: 'export-png'; dataUrl: string }
  | { type: 'save'; config: ChartConfig }
  /** Answer to `png-request`: null when nothing is drawn. */
  | { type: 'png'; id: number; dataUrl: string | null };

/** What the webview keeps with setState, and what the panel serializer revives it from. */
export interface ChartState {
  source: string;
  config: ChartConfig | null;
  view: ChartView | null;
}

/** A 4000 × 4000 PNG stays well under this; anything bigger is not our canvas. */
const MAX_PNG_DATA_URL = 48 * 1024 * 1024;
const PNG_PREFIX = 'data:image/png;base64,';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isPngDataUrl(d: unknown): d is string {
  return (
    typeof d === 'string' &&
    d.startsWith(PNG_PREFIX) &&
    d.length <= MAX_PNG_DATA_URL &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(d.slice(PNG_PREFIX.length))
  );
}

/** Host side: the only messages it acts on. */
export function parseFromWebview(v: unknown): FromWebview | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'config':
    case 'save': {
      const config = parseChartConfig(v.config);
      return config && { type: v.type, config };
    }
    case 'export-png': {
      const d = v.dataUrl;
      return isPngDataUrl(d) ? { type: 'export-png', dataUrl: d } : null;
    }
    case 'png': {
      if (typeof v.id !== 'number' || !Number.isSafeInteger(v.id)) return null;
      if (v.dataUrl === null) return { type: 'png', id: v.id, dataUrl: null };
      return isPngDataUrl(v.dataUrl) ? { type: 'png', id: v.id, dataUrl: v.dataUrl } : null;
    }
    default:
      return null;
  }
}

/** Webview side: a message from the host, checked for the shape the renderer relies on. */
export function isToWebview(v: unknown): v is ToWebview {
  if (!isObject(v)) return false;
  if (v.type === 'busy') return true;
  if (v.type === 'problem') return typeof v.message === 'string';
  if (v.type === 'png-request') return typeof v.id === 'number';
  return v.type === 'show' && isChartView(v.view);
}

function isChartView(v: unknown): v is ChartView {
  if (!isObject(v) || typeof v.source !== 'string' || typeof v.title !== 'string' || typeof v.locale !== 'string') return false;
  if (!isObject(v.strings) || !isObject(v.result)) return false;
  const r = v.result;
  return (
    parseChartConfig(r.config) !== null && Array.isArray(r.columns) && Array.isArray(r.missing) && (r.series === null || isObject(r.series))
  );
}

/** The panel serializer's input: whatever the webview last stored, possibly from an older version. */
export function parseChartState(v: unknown): ChartState | null {
  if (!isObject(v) || typeof v.source !== 'string' || v.source === '') return null;
  return { source: v.source, config: parseChartConfig(v.config), view: isChartView(v.view) ? v.view : null };
}

/** Fills `{0}`, `{1}`… in a translated template. */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[+i] === undefined ? m : String(args[+i])));
}

/** The sentence naming a chart: "Sum of montant by nomBeneficiaire". Also the default title of a saved chart. */
export function chartHeading(c: ChartConfig, s: ChartStrings): string {
  const category = c.category ?? '';
  if (c.type === 'scatter') return fill(s.headingScatter, c.value ?? '', category);
  const one =
    c.aggregation === 'count' || c.value === null
      ? fill(s.headingCount, category)
      : fill(s.headingValue, s[c.aggregation], c.value, category);
  const sub = subcategoryOf(c);
  return sub ? fill(s.headingThenBy, one, sub) : one;
}
