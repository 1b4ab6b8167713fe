// The reader's budgets: what a real workbook never exceeds, enforced inside the parser
// callbacks so that a tiny hostile file ends in a clear error, never a crash or a hang.
import { SheetReadError } from './errors';

export const SHEET_LIMITS = {
  /** One cell's text, as for a CSV row (src/core/read/csv.ts MAX_ROW_CHARS). */
  cellChars: 32 * 1024 * 1024,
  /** Excel's last column (XFD) and last row. */
  columns: 16384,
  rows: 1048576,
  /**
   * Cells of one row, up to its last non-empty one: tables are a few hundred columns wide; a
   * stray far-right cell on every row would make each row 16 384 cells to lint.
   */
  rowCells: 4096,
  /** Cells handed to the linter for one sheet, gaps padded (the 200 MB bench workbook: 27 million). */
  sheetCells: 30_000_000,
  /**
   * Stored cells per byte of the file: a cell takes at least 2 compressed bytes unless repeats
   * expand it (an 826-byte ODS can ask for 17 billion cells); 8 leaves honest files 4× below.
   */
  cellsPerByte: 8,
  /** Cells any file may hold whatever its size. */
  minCells: 1_000_000,
  /** Shared strings: entries and their total length. */
  sharedStrings: 10_000_000,
  sharedChars: 256 * 1024 * 1024,
  /** Merged ranges of one sheet. */
  merges: 20_000,
} as const;

export type LimitId =
  'cell-chars' | 'row-cells' | 'sheet-cells' | 'cell-density' | 'row-number' | 'shared-strings' | 'shared-chars' | 'merges' | 'xml-size';

/** `where` is a place (`Feuil1!C12`, `xl/sharedStrings.xml`); the message names the limit. */
export function limitError(id: LimitId, where: string): SheetReadError {
  return new SheetReadError('limit', `${id}@${where}`);
}

/** An integer attribute, or `fallback` when absent or not a number. */
export function intAttr(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

/** A repeat or span count clamped to what fits in a sheet. */
export function clampCount(v: string | undefined, max: number): number {
  const n = intAttr(v, 1);
  return n < 1 ? 1 : n > max ? max : n;
}

/** Columns as bits: `<col min="1" max="16384" hidden="1">` sets bits, it never allocates a list. */
export class ColumnSet {
  private readonly bits = new Uint8Array((SHEET_LIMITS.columns >> 3) + 1);
  private any = false;

  /** Marks columns min..max (1-based, inclusive), clamped to 1..16384; nonsense bounds mark nothing. */
  addRange(min: number, max: number): void {
    if (!Number.isFinite(min) || !Number.isFinite(max)) return;
    const lo = Math.max(1, Math.trunc(min));
    const hi = Math.min(SHEET_LIMITS.columns, Math.trunc(max));
    let c = lo;
    for (; c <= hi && c & 7; c++) this.bits[c >> 3] |= 1 << (c & 7);
    // Whole bytes at once: 20 000 `<col min="1" max="16384">` cost 40 million stores, not 330 million.
    if (c + 7 <= hi) {
      const to = (hi + 1) >> 3;
      this.bits.fill(0xff, c >> 3, to);
      c = to << 3;
    }
    for (; c <= hi; c++) this.bits[c >> 3] |= 1 << (c & 7);
    if (lo <= hi) this.any = true;
  }

  /** Marked columns up to `extent` (the sheet's last used column), in order. */
  list(extent: number): number[] {
    const out: number[] = [];
    if (!this.any) return out;
    const hi = Math.min(extent, SHEET_LIMITS.columns);
    for (let c = 1; c <= hi; c++) if (this.bits[c >> 3] & (1 << (c & 7))) out.push(c);
    return out;
  }
}

/** Cells a reader may hand over for one sheet of a file of `fileBytes`: linear in the input. */
export function cellsAllowed(fileBytes: number): number {
  return Math.min(SHEET_LIMITS.sheetCells, Math.max(SHEET_LIMITS.minCells, fileBytes * SHEET_LIMITS.cellsPerByte));
}

/** Counts the cells a sheet hands over; throws `sheet-cells` (or `cell-density` for a small file) past the budget. */
export class CellBudget {
  private used = 0;
  constructor(
    private readonly sheet: string,
    private readonly max: number = SHEET_LIMITS.sheetCells,
  ) {}
  take(n: number): void {
    this.used += n;
    if (this.used <= this.max) return;
    if (this.max >= SHEET_LIMITS.sheetCells) throw limitError('sheet-cells', this.sheet);
    throw limitError('cell-density', `${this.sheet}, ${this.max.toLocaleString('en')} cells`);
  }
}

/** Checks a signal every `every` calls: cheap enough for a per-row or per-cell handler. */
export function abortChecker(signal: AbortSignal | undefined, every = 1024): () => void {
  if (!signal) return () => {};
  let n = 0;
  return () => {
    if (++n >= every) {
      n = 0;
      signal.throwIfAborted();
    }
  };
}
