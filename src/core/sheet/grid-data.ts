// One sheet read whole for the grid view: display text of every stored row, a type code per
// cell for alignment, and what the grid marks (header rows, merges, hidden rows/columns).
import type { CellRange } from './address';
import { detectHeader } from './header';
import { openWorkbook } from './open';
import { readStop } from './read-stop';
import type { SheetRow, SheetState } from './types';
import type { ZipLimits } from './zip';

export interface GridData {
  sheets: { name: string; state: SheetState }[];
  sheet: string;
  /** Physical row r is `rows[r - 1]`; null for a blank or absent row. */
  rows: (string[] | null)[];
  /** One character per cell of `rows`: n number, d date, b boolean, f formula, e error, s text, space if empty. */
  kinds: (string | null)[];
  width: number;
  headerRows: number[];
  above: number[];
  merges: CellRange[];
  hiddenRows: number[];
  hiddenColumns: number[];
  /** The sheet has more rows than were read. */
  truncated: boolean;
  /** Only the first screen of the sheet: the whole of it follows (set by the host). */
  partial?: boolean;
}

export const GRID_MAX_ROWS = 200_000;
/** Cells the grid keeps in memory: far-right cells on every row stop the grid, not the worker. */
export const GRID_MAX_CELLS = 10_000_000;

const KIND: Record<string, string> = { number: 'n', date: 'd', boolean: 'b', formula: 'f', error: 'e', string: 's', empty: ' ' };

/** Where the read rows go: arrays (readGrid) or compact pages (grid-store.ts). */
export interface GridRowSink {
  /** A non-blank row, in increasing physical order. */
  add(number: number, values: string[], kinds: string): void;
}

/** A sheet read into a sink: everything of GridData but its rows, and how many there are. */
export type GridMeta = Omit<GridData, 'rows' | 'kinds'> & { rowCount: number; header: string[] };

/**
 * Reads `sheet` (by default the first visible one); the other sheets are only listed. With
 * `maxRows` (a first screen) the read stops past that row: merges and hidden columns, stated
 * after the rows, and the sheets after this one are then not known.
 */
export async function readGrid(
  path: string,
  options: { sheet?: string; maxRows?: number; zipLimits?: ZipLimits; signal?: AbortSignal } = {},
): Promise<GridData> {
  const rows: (string[] | null)[] = [];
  const kinds: (string | null)[] = [];
  const meta = await readGridInto(path, options, {
    add(number, values, k) {
      while (rows.length < number - 1) (rows.push(null), kinds.push(null));
      rows.push(values);
      kinds.push(k);
    },
  });
  const { rowCount: _count, header: _header, ...rest } = meta;
  return { ...rest, rows, kinds };
}

/** readGrid's read, its rows handed to `sink`. */
export async function readGridInto(
  path: string,
  options: { sheet?: string; maxRows?: number; zipLimits?: ZipLimits; signal?: AbortSignal },
  sink: GridRowSink,
): Promise<GridMeta> {
  const book = await openWorkbook(path, options.zipLimits);
  const max = options.maxRows ?? GRID_MAX_ROWS;
  const stop = readStop(options.signal);
  const data: GridMeta = {
    sheets: [],
    sheet: '',
    rowCount: 0,
    header: [],
    width: 0,
    headerRows: [],
    above: [],
    merges: [],
    hiddenRows: [],
    hiddenColumns: [],
    truncated: false,
  };
  const firstRows: SheetRow[] = [];
  let reading = false;
  let cellCount = 0;
  const read = book.read(
    {
      sheet(meta) {
        data.sheets.push({ name: meta.name, state: meta.state });
        const wanted = options.sheet !== undefined ? meta.name === options.sheet : !data.sheet && meta.state === 'visible';
        reading = wanted && !data.sheet;
        if (reading) data.sheet = meta.name;
        return reading;
      },
      row(r) {
        if (r.number > max || cellCount + r.values.length > GRID_MAX_CELLS) {
          data.truncated = true;
          if (options.maxRows !== undefined) stop.stop();
          return;
        }
        if (firstRows.length < 40) firstRows.push(r);
        if (r.hidden) data.hiddenRows.push(r.number);
        if (r.values.length === 0) return;
        cellCount += r.values.length;
        sink.add(r.number, r.values, r.cells.map((c) => KIND[c?.type ?? 'empty'] ?? ' ').join(''));
        data.rowCount = r.number;
        data.width = Math.max(data.width, r.values.length);
      },
      sheetEnd(end) {
        if (!reading) return;
        data.merges = end.merges;
        data.hiddenColumns = end.hiddenColumns;
        reading = false;
      },
    },
    stop.signal,
  );
  await read.catch((e: unknown) => {
    if (!stop.isStop(e)) throw e;
  });
  // No visible sheet: show the first one rather than nothing.
  if (!data.sheet && data.sheets.length > 0 && options.sheet === undefined)
    return readGridInto(path, { ...options, sheet: data.sheets[0].name }, sink);
  const guess = detectHeader(firstRows);
  data.headerRows = guess.rows;
  data.above = guess.above;
  const last = guess.rows[guess.rows.length - 1];
  data.header = firstRows.find((r) => r.number === last)?.values ?? [];
  return data;
}
