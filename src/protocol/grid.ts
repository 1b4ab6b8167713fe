// The one message protocol between the grid editor (extension host) and its webview.
// Types only: the webview bundle imports it too, and nothing here may import `vscode`. The
// host checks what the webview sends with src/vscode/grid/messages.ts, the webview the pages it
// gets with isGridPage (src/core/sheet/grid-page.ts).
import type { GridPage, GridShape } from '../core/sheet/grid-page';
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
  /**
   * A sheet to show: its shape and first page (`version` numbers the loads of a view: pages of
   * an older one are dropped). A large sheet comes twice: its first page (`shape.partial`), then
   * its whole shape.
   */
  | {
      type: 'load';
      version: number;
      shape: GridShape;
      first: GridPage;
      problems: CellProblem[];
      otherSheets: Record<string, number>;
      labels: GridLabels;
    }
  /** The pages asked for by `rows` (none when the sheet is being read again). */
  | { type: 'rows'; version: number; pages: GridPage[] }
  | { type: 'problems'; problems: CellProblem[]; otherSheets: Record<string, number> }
  | { type: 'reveal'; sheet: string; row: number | null; column: number | null }
  | { type: 'loading'; sheet: string }
  | { type: 'failed'; message: string; labels: GridLabels };

export type WebviewMessage =
  | { type: 'ready'; sheet?: string }
  | { type: 'selectSheet'; sheet: string }
  | { type: 'export'; sheet: string }
  | { type: 'openRule'; rule: string }
  /** Rows `first`…`last` of load `version` are in view (or about to be) and not there yet. */
  | { type: 'rows'; version: number; first: number; last: number }
  /**
   * The grid drew a loaded sheet (`partial`: its first screen), for the open time: when the
   * page got the rows and when it drew them (its Date.now(), the same clock as the host's).
   */
  | { type: 'shown'; rows: number; partial: boolean; received?: number; drawn?: number }
  /** A revealed row is drawn with its cells (for tests): their texts, as shown. */
  | { type: 'revealed'; row: number; cells: string[] };

/** What the webview keeps across reloads (vscode.setState). */
export interface GridViewState {
  sheet?: string;
  top?: number;
  left?: number;
  selected?: { row: number; column: number };
}
