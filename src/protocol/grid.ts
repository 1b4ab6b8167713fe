// The one message protocol between the grid editor (extension host) and its webview.
// Types only: the webview bundle imports it too, and nothing here may import `vscode`.
import type { GridData } from '../core/sheet/grid-data';
import type { Severity } from '../core/model';

export interface CellProblem {
  row: number | null;
  column: number | null;
  cell: string;
  severity: Severity;
  rule: string;
  message: string;
}

/** UI words the webview shows, translated by the host (vscode.l10n). */
export const GRID_LABELS = [
  'problems',
  'noProblems',
  'exportCsv',
  'loading',
  'truncated',
  'sheetHidden',
  'sheetProblems',
  'otherSheets',
  'ruleDocs',
] as const;
export type GridLabel = (typeof GRID_LABELS)[number];
export type GridLabels = Record<GridLabel, string>;

export type HostMessage =
  | { type: 'load'; data: GridData; problems: CellProblem[]; otherSheets: Record<string, number>; labels: GridLabels }
  | { type: 'problems'; problems: CellProblem[]; otherSheets: Record<string, number> }
  | { type: 'reveal'; sheet: string; row: number | null; column: number | null }
  | { type: 'loading'; sheet: string }
  | { type: 'failed'; message: string; labels: GridLabels };

export type WebviewMessage =
  | { type: 'ready'; sheet?: string }
  | { type: 'selectSheet'; sheet: string }
  | { type: 'export'; sheet: string }
  | { type: 'openRule'; rule: string }
  /**
   * The grid drew a loaded sheet (`partial`: its first screen), for the open time: when the
   * page got the rows and when it drew them (its Date.now(), the same clock as the host's).
   */
  | { type: 'shown'; rows: number; partial: boolean; received?: number; drawn?: number };

/** What the webview keeps across reloads (vscode.setState). */
export interface GridViewState {
  sheet?: string;
  top?: number;
  left?: number;
  selected?: { row: number; column: number };
}
