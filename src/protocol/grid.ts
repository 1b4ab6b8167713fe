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
  'moveWaits',
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
  | { type: 'failed'; message: string; labels: GridLabels }
  /** Tell what the grid shows (`seen`) whenever it changes: the host runs its tests. */
  | { type: 'watch' }
  /** A person's input, replayed as they would make it (host tests: openData._gridInput). */
  | { type: 'input'; input: GridInput };

/** A key pressed on the grid (it gets the focus first), a click on a sheet tab or on a drawn cell. */
export type GridInput = { key: string; ctrl?: boolean } | { tab: string } | { cell: { row: number; column: number } };

/** What the grid shows a person, as drawn (for the host tests: openData._gridState). */
export interface GridSeen {
  /** The sheet tab drawn selected. */
  sheet: string;
  /** The status line: the selected cell's reference, then its value or problems, or that a move waits. */
  status: string;
  notice: string;
  /** The cell drawn selected: its row and column, its text, and the texts of its row's cells drawn. */
  selected: { row: number; column: number; text: string; cells: string[] } | null;
  /** The rows wholly in view below the frozen header, and the first one's cells as drawn. */
  rows: { first: number; last: number; cells: string[] };
  /** Rows in view not drawn with their cells yet (not drawn at all, or empty while their page is on its way). */
  waiting: number;
  /** The grid has the keyboard focus. */
  focused: boolean;
}

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
  | { type: 'revealed'; row: number; cells: string[] }
  /** What the grid shows now, sent when it changed (for tests). */
  | { type: 'seen'; seen: GridSeen };

/** What the webview keeps across reloads (vscode.setState). */
export interface GridViewState {
  sheet?: string;
  top?: number;
  left?: number;
  selected?: { row: number; column: number };
}
