// The grid view's sheet in pages: the shape the grid sizes itself from (posted at once) and
// fixed-size pages of rows (posted as the user scrolls to them). Pure and plain data: the
// worker builds them, the host passes them on, the webview draws them.
import type { CellRange } from './address';
import type { SheetState } from './types';

/** Rows per page: the first page is the first screen and some scrolling. */
export const GRID_PAGE_ROWS = 256;

/** What the grid needs to size and label itself, without any row beyond the header. */
export interface GridShape {
  sheets: { name: string; state: SheetState }[];
  sheet: string;
  /** Physical rows, up to the last non-blank one read. */
  rowCount: number;
  width: number;
  /** The labels of the (last) header row, for the frozen header. */
  header: string[];
  headerRows: number[];
  above: number[];
  merges: CellRange[];
  hiddenColumns: number[];
  /** The sheet has more rows than the grid reads (GRID_MAX_ROWS / GRID_MAX_CELLS). */
  truncated: boolean;
  /** Only the first page is known yet: the sheet's whole shape follows. */
  partial?: boolean;
}

/** Rows `index * GRID_PAGE_ROWS + 1` … of a sheet. */
export interface GridPage {
  index: number;
  /** Row `first + i` is `rows[i]`; null for a blank or absent row. Shorter than a page at the sheet's end. */
  rows: (string[] | null)[];
  /** One character per cell (see GridData.kinds). */
  kinds: (string | null)[];
  /** The hidden rows of the page, by physical number. */
  hidden: number[];
}

/** The page holding physical row `row` (1-based). */
export const pageOf = (row: number): number => Math.floor((Math.max(1, row) - 1) / GRID_PAGE_ROWS);

/** The first physical row of page `index`. */
export const pageStart = (index: number): number => index * GRID_PAGE_ROWS + 1;

/** The pages a sheet of `rowCount` rows has. */
export const pageCount = (rowCount: number): number => Math.ceil(Math.max(0, rowCount) / GRID_PAGE_ROWS);

/** The pages rows `first`…`last` span, within a sheet of `rowCount` rows. */
export function pagesFor(first: number, last: number, rowCount: number): number[] {
  const end = Math.min(last, rowCount);
  if (end < 1 || first > end) return [];
  const pages: number[] = [];
  for (let p = pageOf(first); p <= pageOf(end); p++) pages.push(p);
  return pages;
}

/** The hidden rows of page `index`, from a sheet's sorted list. */
export function hiddenIn(hiddenRows: readonly number[], index: number): number[] {
  const lo = pageStart(index);
  const hi = lo + GRID_PAGE_ROWS;
  return hiddenRows.filter((r) => r >= lo && r < hi);
}

/** Pages a `rows` request may ask at once (a screen needs one or two). */
export const GRID_MAX_REQUEST_PAGES = 8;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');

/** A page as the grid draws it: a message is only JSON, and every cell becomes text. */
export function isGridPage(v: unknown): v is GridPage {
  if (!isObject(v) || !isIndex(v.index) || !Array.isArray(v.rows) || !Array.isArray(v.kinds) || !Array.isArray(v.hidden)) return false;
  if (v.rows.length > GRID_PAGE_ROWS || v.kinds.length !== v.rows.length) return false;
  return (
    v.rows.every((r) => r === null || isTexts(r)) && v.kinds.every((k) => k === null || typeof k === 'string') && v.hidden.every(isIndex)
  );
}
