// Host side of the grid protocol: a message from the webview is only JSON from a page that
// shows file content (cell texts, sheet names). Only well-formed messages are acted on, and a
// rule page is opened only for a rule of the registry (an id like `../../x` would preview any
// Markdown file). Same guards as src/protocol/chart.ts.
import { ruleIds } from '../../core/rules/ids';
import { GRID_MAX_REQUEST_PAGES, GRID_PAGE_ROWS } from '../../core/sheet/grid-page';
import type { GridSeen, WebviewMessage } from '../../protocol/grid';

/** Longer than any real sheet name (Excel: 31 characters); past it the message is not ours. */
const MAX_SHEET_NAME = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSheet = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_SHEET_NAME;
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

/** A row's cell texts as drawn: a screen's width of cells, each as long as a spreadsheet allows. */
const isCells = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 1000 && v.every((t) => typeof t === 'string' && t.length <= 32_767);

/** A row range the grid may ask: 1-based, in order, a few pages at most. */
function rowsRequest(v: Record<string, unknown>): WebviewMessage | null {
  const { version, first, last } = v;
  if (!isCount(version, 0) || !isCount(first, 1) || !isCount(last, first)) return null;
  if (last - first >= GRID_MAX_REQUEST_PAGES * GRID_PAGE_ROWS) return null;
  return { type: 'rows', version, first, last };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 32_767;

/** What the grid shows, as the tests read it: its texts bounded like cells, its numbers rows. */
function seen(v: unknown): GridSeen | null {
  if (!isObject(v) || !isSheet(v.sheet) || !isText(v.status) || !isText(v.notice) || typeof v.focused !== 'boolean') return null;
  if (!isCount(v.waiting, 0) || !isObject(v.rows) || !isCount(v.rows.first, 1) || !isCount(v.rows.last, 1) || !isCells(v.rows.cells))
    return null;
  const s = v.selected;
  if (s !== null && !(isObject(s) && isCount(s.row, 1) && isCount(s.column, 1) && isText(s.text) && isCells(s.cells))) return null;
  const rows = { first: v.rows.first, last: v.rows.last, cells: v.rows.cells };
  const selected = s && { row: s.row as number, column: s.column as number, text: s.text as string, cells: s.cells as string[] };
  return { sheet: v.sheet, status: v.status, notice: v.notice, selected, rows, waiting: v.waiting, focused: v.focused };
}

/** `{ [key]: v }` for a finite time, else nothing. */
const time = (key: 'received' | 'drawn', v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? { [key]: v } : {});

export function parseGridMessage(v: unknown): WebviewMessage | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'ready':
      return v.sheet === undefined ? { type: 'ready' } : isSheet(v.sheet) ? { type: 'ready', sheet: v.sheet } : null;
    case 'selectSheet':
    case 'export':
      return isSheet(v.sheet) ? { type: v.type, sheet: v.sheet } : null;
    case 'shown':
      if (typeof v.rows !== 'number' || typeof v.partial !== 'boolean') return null;
      return { type: 'shown', rows: v.rows, partial: v.partial, ...time('received', v.received), ...time('drawn', v.drawn) };
    case 'rows':
      return rowsRequest(v);
    case 'revealed':
      return isCount(v.row, 1) && isCells(v.cells) ? { type: 'revealed', row: v.row, cells: v.cells } : null;
    case 'seen': {
      const s = seen(v.seen);
      return s && { type: 'seen', seen: s };
    }
    case 'openRule':
      return typeof v.rule === 'string' && ruleIds.has(v.rule) ? { type: 'openRule', rule: v.rule } : null;
    default:
      return null;
  }
}
