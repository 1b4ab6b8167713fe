// The messages between the Standardise panel (extension host) and its webview. Both sides
// import this file; each checks what it receives, because a message is only JSON from the
// other side. A mapping from the webview is checked like a recipe step (spec-guard) before any use.
import { isTable, parseSpec } from '../core/standardise/spec-guard';
import type { StandardiseSpec, TableOps } from '../core/standardise/spec';
import type { ProposalView, PreviewView } from '../core/standardise/task';
import type { ShapeReport } from '../core/standardise/table-ops';
import type { RowSet } from '../core/standardise/ragged';

export const STANDARDISE_VIEW_TYPE = 'openData.standardise';

/** Every user-visible text of the webview, translated by the host. `{0}`… are filled in by the webview. */
export interface StandardiseStrings {
  target: string;
  version: string;
  fields: string;
  field: string;
  source: string;
  required: string;
  none: string;
  constant: string;
  /** {0} column label. */
  column: string;
  /** {0} expression kind, {1} column label. */
  expression: string;
  /** {0} confidence in %, {1} reason. */
  proposed: string;
  unmapped: string;
  keepUnmapped: string;
  preview: string;
  /** {0} errors, {1} warnings, {2} rows checked, {3} ms. */
  counts: string;
  /** {0} problems in this field. */
  fieldProblems: string;
  write: string;
  writing: string;
  updating: string;
  noUnmapped: string;
  tableOps: string;
  headerRow: string;
  dropBlank: string;
  dropTotals: string;
  /** `{0}`: why the proposal turned a table operation on. */
  proposedOp: string;
  unpivot: string;
  unpivotName: string;
  unpivotValue: string;
  apply: string;
  /** After the detected schema's name in the picker. */
  detected: string;
  dropWhere: string;
  /** Placeholder: the values of the chosen column whose rows are dropped, separated by `;`. */
  dropValues: string;
  /** Buttons adding a "drop where" rule and removing one. */
  addRule: string;
  removeRule: string;
  stack: string;
  /** Placeholder of the name of the column saying where each row came from. */
  stackColumn: string;
  /** Names of the expressions in the source select. */
  kinds: { join: string; split: string; date: string; period: string; map: string; lookup: string };
  separator: string;
  part: string;
  day: string;
  month: string;
  year: string;
  start: string;
  end: string;
  /** Value map: leave the value as it is. */
  keep: string;
  lookupFile: string;
  lookupKey: string;
  lookupValue: string;
  notices: NoticeStrings;
}

/** A sentence for one row and one for several: `{0}` the count, `{1}` the lines (or labels). */
export interface Plural {
  one: string;
  other: string;
}

/** The notices area: the rows the run leaves out or that are worth a look (webview-ui/standardise/notices.ts). */
export interface NoticeStrings {
  /** Headings of the area: the preview read the whole file; it read the first `{0}` lines only; after Write. */
  preview: string;
  previewFirst: string;
  written: string;
  /** `{0}` the line numbers, `1, 2, …`. */
  lines: Plural;
  /** A label of a repeated header: `{0}` the label; with `{1}` its line. */
  label: string;
  labelAt: string;
  leftOut: Plural;
  shifted: Plural;
  repaired: Plural;
  blank: Plural;
  repeatedHeader: Plural;
  sectionHeading: Plural;
  byRepeatedHeader: Plural;
  unmatchedLabels: Plural;
  totalsWritten: Plural;
  totalsDropped: Plural;
}

/** The counts of the run's report, in the order the notices (and the CLI's summary) give them. */
export const ROW_NOTICES = [
  'leftOut',
  'shifted',
  'repaired',
  'blank',
  'repeatedHeader',
  'sectionHeading',
  'byRepeatedHeader',
  'unmatchedLabels',
  'totalsWritten',
  'totalsDropped',
] as const satisfies readonly (keyof ShapeReport)[];
export type NoticeKind = (typeof ROW_NOTICES)[number];

/** A notice as the webview shows it; `action`: the table operations its button applies. */
export interface ShownNotice {
  kind: NoticeKind;
  text: string;
  action?: TableOps;
}

/** A file of the workspace, or a sheet of a workbook, that can be stacked under the table. */
export interface StackCandidate {
  /** Path relative to the source's folder, `/`-separated (as the recipe keeps it). */
  path: string;
  sheet?: string;
  /** The value of the source column for its rows. */
  label: string;
  /** What the picker shows. */
  title: string;
}

export interface StandardiseView {
  /** URI of the source table and its sheet: what the panel is revived from after a reload. */
  source: string;
  sheet?: string;
  /** File name (and sheet) shown as the panel's heading. */
  title: string;
  proposal: ProposalView;
  /** The table operations the proposal turned on, with the reason in the interface's language. */
  proposedOps: { operation: string; reason: string }[];
  stackCandidates: StackCandidate[];
  strings: StandardiseStrings;
}

export type ToWebview =
  | { type: 'init'; view: StandardiseView }
  | { type: 'preview'; generation: number; preview: PreviewView }
  | { type: 'problem'; generation?: number; message: string }
  | { type: 'busy'; writing?: boolean }
  /** A sentence for the status line (e.g. where the file was written). */
  | { type: 'status'; message: string }
  /** The file is written: the sentence for the status line and what the run left out or kept. */
  | { type: 'written'; message: string; report: ShapeReport };

export type FromWebview =
  | { type: 'ready' }
  /** The user chose another target schema: propose again. */
  | { type: 'schema'; name: string }
  /** The table operations changed: propose again on the shaped table. */
  | { type: 'table'; table: TableOps }
  /** The mapping changed: preview it (`generation` orders the answers). */
  | { type: 'spec'; generation: number; spec: StandardiseSpec }
  | { type: 'write'; spec: StandardiseSpec }
  /** What the notices area shows (its heading and lines), for the host's test hook. */
  | { type: 'shown'; heading: string; notices: ShownNotice[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isShortText = (v: unknown): v is string => typeof v === 'string' && v.length <= 4000;
/** The run keeps the first 20 lines of each count (ragged.ts MAX_LINES, not imported: the webview bundle stays small). */
const MAX_LINES = 100;

function isRowSet(v: unknown): v is RowSet {
  return isObject(v) && isCount(v.count) && Array.isArray(v.lines) && v.lines.length <= MAX_LINES && v.lines.every(isCount);
}

/** The run's report as the renderer reads it: counts, lines, labels (cells: text, shown as text). */
export function isShapeReport(v: unknown): v is ShapeReport {
  if (!isObject(v)) return false;
  for (const k of ROW_NOTICES) if (k !== 'unmatchedLabels' && !isRowSet(v[k])) return false;
  const u = v.unmatchedLabels;
  return (
    isObject(u) &&
    isCount(u.count) &&
    Array.isArray(u.labels) &&
    u.labels.length <= MAX_LINES &&
    u.labels.every((l) => isObject(l) && typeof l.label === 'string' && (l.line === undefined || isCount(l.line)))
  );
}

function parseShownNotice(v: unknown): ShownNotice | null {
  if (!isObject(v) || !(ROW_NOTICES as readonly unknown[]).includes(v.kind) || !isShortText(v.text)) return null;
  if (v.action !== undefined && !isTable(v.action)) return null;
  return { kind: v.kind as NoticeKind, text: v.text, ...(v.action !== undefined ? { action: v.action as TableOps } : {}) };
}

/** Host side: the only messages it acts on. */
export function parseFromWebview(v: unknown): FromWebview | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'schema':
      return typeof v.name === 'string' && v.name.length < 200 ? { type: 'schema', name: v.name } : null;
    case 'table':
      return isTable(v.table) ? { type: 'table', table: v.table } : null;
    case 'spec': {
      const spec = parseSpec(v.spec);
      return spec && Number.isSafeInteger(v.generation) ? { type: 'spec', generation: v.generation as number, spec } : null;
    }
    case 'write': {
      const spec = parseSpec(v.spec);
      return spec && { type: 'write', spec };
    }
    case 'shown': {
      if (!isShortText(v.heading) || !Array.isArray(v.notices) || v.notices.length > ROW_NOTICES.length) return null;
      const notices = v.notices.map(parseShownNotice);
      return notices.every((n) => n !== null) ? { type: 'shown', heading: v.heading, notices } : null;
    }
    default:
      return null;
  }
}

/** Webview side: a message from the host, checked for the shape the renderer relies on. */
export function isToWebview(v: unknown): v is ToWebview {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'busy':
      return true;
    case 'problem':
    case 'status':
      return typeof v.message === 'string';
    case 'written':
      return typeof v.message === 'string' && isShapeReport(v.report);
    case 'preview':
      return (
        typeof v.generation === 'number' &&
        isObject(v.preview) &&
        Array.isArray(v.preview.header) &&
        Array.isArray(v.preview.rows) &&
        isObject(v.preview.counts) &&
        isShapeReport(v.preview.report) &&
        isObject(v.preview.read) &&
        typeof v.preview.read.line === 'number' &&
        typeof v.preview.read.whole === 'boolean'
      );
    case 'init': {
      const view = v.view;
      if (!isObject(view) || typeof view.title !== 'string' || !isObject(view.strings) || !isObject(view.proposal)) return false;
      if (!Array.isArray(view.stackCandidates)) return false;
      const p = view.proposal;
      return (
        Array.isArray(p.fields) && Array.isArray(p.columns) && Array.isArray(p.schemas) && Array.isArray(p.proposal) && isObject(p.spec)
      );
    }
    default:
      return false;
  }
}

/** What the webview keeps with setState, and what the panel serializer revives it from. */
export interface StandardiseState {
  source: string;
  sheet?: string;
}

export function parseStandardiseState(v: unknown): StandardiseState | null {
  if (!isObject(v) || typeof v.source !== 'string' || v.source === '') return null;
  return { source: v.source, ...(typeof v.sheet === 'string' ? { sheet: v.sheet } : {}) };
}

/** Fills `{0}`, `{1}`… in a translated template. */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[+i] === undefined ? m : String(args[+i])));
}
