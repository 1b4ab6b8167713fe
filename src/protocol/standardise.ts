// The messages between the Standardise panel (extension host) and its webview. Both sides
// import this file; each checks what it receives, because a message is only JSON from the
// other side. A mapping from the webview is checked like a recipe step (spec-guard) before any use.
import { isTable, parseSpec } from '../core/standardise/spec-guard';
import type { StandardiseSpec, TableOps } from '../core/standardise/spec';
import type { ProposalView, PreviewView } from '../core/standardise/task';

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
  stackCandidates: StackCandidate[];
  strings: StandardiseStrings;
}

export type ToWebview =
  | { type: 'init'; view: StandardiseView }
  | { type: 'preview'; generation: number; preview: PreviewView }
  | { type: 'problem'; generation?: number; message: string }
  | { type: 'busy'; writing?: boolean }
  /** A sentence for the status line (e.g. where the file was written). */
  | { type: 'status'; message: string };

export type FromWebview =
  | { type: 'ready' }
  /** The user chose another target schema: propose again. */
  | { type: 'schema'; name: string }
  /** The table operations changed: propose again on the shaped table. */
  | { type: 'table'; table: TableOps }
  /** The mapping changed: preview it (`generation` orders the answers). */
  | { type: 'spec'; generation: number; spec: StandardiseSpec }
  | { type: 'write'; spec: StandardiseSpec };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
    case 'preview':
      return (
        typeof v.generation === 'number' &&
        isObject(v.preview) &&
        Array.isArray(v.preview.header) &&
        Array.isArray(v.preview.rows) &&
        isObject(v.preview.counts)
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
