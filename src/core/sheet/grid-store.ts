// The sheets the grid views show, kept in the grid's worker process and handed out a page at a
// time. Why here and not on the host: the worker read the sheet anyway, it is the grid's own
// process (a fatal read kills only it), and the extension host, shared by every extension,
// then never holds more than the pages in flight. Each sheet is kept compact, a JSON text per
// page sealed as the read goes (a few bytes per cell instead of an object per cell, and less
// than the arrays the whole sheet was read into before), and at most GRID_STORE_SHEETS sheets
// are kept: an evicted one is read again when its view asks (the host reloads it).
import { readGridInto, type GridMeta } from './grid-data';
import { GRID_PAGE_ROWS, hiddenIn, pageOf, type GridPage, type GridShape } from './grid-page';
import type { ZipLimits } from './zip';

/** Sheets kept at once (one per open grid view, the least recently used dropped). */
export const GRID_STORE_SHEETS = 4;

interface StoredSheet {
  meta: GridMeta;
  /** Page i as the JSON text of `{ rows, kinds }`; undefined for a page without a stored row. */
  pages: (string | undefined)[];
}

/** A sheet read whole into compact pages. */
export async function readGridPages(
  path: string,
  options: { sheet?: string; maxRows?: number; zipLimits?: ZipLimits; signal?: AbortSignal } = {},
): Promise<StoredSheet> {
  const pages: (string | undefined)[] = [];
  let index = -1;
  let rows: (string[] | null)[] = [];
  let kinds: (string | null)[] = [];
  const seal = () => {
    if (index >= 0) pages[index] = JSON.stringify({ rows, kinds });
    rows = [];
    kinds = [];
  };
  const meta = await readGridInto(path, options, {
    add(number, values, k) {
      const p = pageOf(number);
      if (p !== index) (seal(), (index = p));
      const at = number - 1 - p * GRID_PAGE_ROWS;
      while (rows.length < at) (rows.push(null), kinds.push(null));
      rows.push(values);
      kinds.push(k);
    },
  });
  seal();
  return { meta, pages };
}

export function shapeOf(meta: GridMeta, partial = false): GridShape {
  const { sheets, sheet, rowCount, width, header, headerRows, above, merges, hiddenColumns, truncated } = meta;
  return { sheets, sheet, rowCount, width, header, headerRows, above, merges, hiddenColumns, truncated, ...(partial ? { partial } : {}) };
}

export function pageFrom(sheet: StoredSheet, index: number): GridPage {
  const text = sheet.pages[index];
  const { rows, kinds } = text ? (JSON.parse(text) as Pick<GridPage, 'rows' | 'kinds'>) : { rows: [], kinds: [] };
  return { index, rows, kinds, hidden: hiddenIn(sheet.meta.hiddenRows, index) };
}

/**
 * The first screen: the sheet read up to its first page only (not kept). `partial` when there
 * is more: merges, hidden columns and the row count then come with openGridSheet.
 */
export async function readGridFirst(
  path: string,
  options: { sheet?: string; zipLimits?: ZipLimits; signal?: AbortSignal } = {},
): Promise<{ shape: GridShape; first: GridPage }> {
  const sheet = await readGridPages(path, { ...options, maxRows: GRID_PAGE_ROWS });
  const more = sheet.meta.truncated;
  return { shape: shapeOf({ ...sheet.meta, truncated: false }, more), first: pageFrom(sheet, 0) };
}

/** The open sheets by view key, least recently used first. */
const store = new Map<string, Promise<StoredSheet>>();

/** Reads `sheet` for view `key` (replacing what it had); its shape and first page. */
export async function openGridSheet(
  key: string,
  path: string,
  options: { sheet?: string; signal?: AbortSignal } = {},
): Promise<{ shape: GridShape; first: GridPage }> {
  const read = readGridPages(path, options);
  store.delete(key);
  store.set(key, read);
  while (store.size > GRID_STORE_SHEETS) store.delete(store.keys().next().value!);
  read.catch(() => store.get(key) === read && store.delete(key));
  const sheet = await read;
  return { shape: shapeOf(sheet.meta), first: pageFrom(sheet, 0) };
}

/** Pages of view `key`'s sheet; null when it is not kept (evicted, or the worker restarted). */
export async function gridSheetPages(key: string, indices: number[]): Promise<GridPage[] | null> {
  const read = store.get(key);
  if (!read) return null;
  store.delete(key);
  store.set(key, read);
  const sheet = await read.catch(() => null);
  return sheet && indices.map((i) => pageFrom(sheet, i));
}

export function closeGridSheet(key: string): void {
  store.delete(key);
}
