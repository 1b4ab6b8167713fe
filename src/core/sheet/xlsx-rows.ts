// Builds the rows of one XLSX worksheet from its cells, whichever scanner reads the XML
// (saxes in xlsx-sheet.ts, the byte scanner in xlsx-scan.ts): values typed, shared formulas
// resolved, hidden columns, merges, and every budget of limits.ts enforced as cells arrive.
import type { SheetCellFacts } from '../model';
import { cellRef, parseRange, type CellRange } from './address';
import { CellValues, P_ERROR, PLAIN_TYPES } from './xlsx-cell-value';
import { abortChecker, CellBudget, ColumnSet, limitError, SHEET_LIMITS } from './limits';
import { PLAIN_STYLE, type CellStyle } from './xlsx-styles';
import type { SheetEnd, SheetRow } from './types';
import type { Bytes } from './xml-bytes';
import type { SharedStrings } from './shared-strings';
import { TextIds } from './text-ids';

export interface XlsxSheetContext {
  strings: SharedStrings;
  styles: CellStyle[];
  date1904: boolean;
  /** Cells one sheet may hold (limits.ts cellsAllowed). */
  maxCells?: number;
  /** Ids of the texts the reader makes (text-ids.ts), shared by the scanners of a read. */
  textIds?: TextIds;
}

/** Column number of "AB12" without allocating (0 when the reference has no letters). */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

export class XlsxRowBuilder {
  private readonly hidden = new ColumnSet();
  private readonly merges: CellRange[] = [];
  private readonly sharedFormulas = new Map<string, string>();
  // Plain cells of one type and style share one frozen facts object: no allocation per cell.
  private readonly factsCache: SheetCellFacts[][] = PLAIN_TYPES.map(() => []);
  private readonly budget: CellBudget;
  private readonly tick: () => void;
  private lastColumn = 0;
  private readonly typed: CellValues;

  rowNumber = 0;
  private values: string[] = [];
  private cells: (SheetCellFacts | undefined)[] = [];
  private ids: number[] = [];
  private rowHidden = false;
  private stored = false;
  inRow = false;

  private col = 0;
  private style = 0;
  private type = 'n';
  /** Text of the cell's `<v>` or inline `<t>` runs, and of its `<f>`. */
  value = '';
  hasValue = false;
  formula: string | null = null;
  private sharedId: string | undefined;

  constructor(
    private readonly ctx: XlsxSheetContext,
    private readonly onRow: (row: SheetRow) => void,
    private readonly part: string,
    signal?: AbortSignal,
  ) {
    this.budget = new CellBudget(part, ctx.maxCells);
    this.typed = new CellValues(ctx.strings, ctx.date1904, (ctx.textIds ??= new TextIds(ctx.strings.length)));
    this.tick = abortChecker(signal, 256);
  }

  startRow(r: string | undefined, hidden: boolean): void {
    const n = r === undefined ? NaN : Number(r);
    if (n > SHEET_LIMITS.rows) throw limitError('row-number', `${this.part}, row ${r!.slice(0, 20)}`);
    this.startRowAt(n, hidden);
  }

  startRowAt(n: number, hidden: boolean): void {
    // Rows are ascending; a missing, broken or backward number means "the next row".
    if (n > SHEET_LIMITS.rows) throw limitError('row-number', `${this.part}, row ${n}`);
    this.rowNumber = Number.isInteger(n) && n > this.rowNumber ? n : this.rowNumber + 1;
    if (this.rowNumber > SHEET_LIMITS.rows) throw limitError('row-number', `${this.part}, row ${this.rowNumber}`);
    this.values = [];
    this.cells = [];
    this.ids = [];
    this.rowHidden = hidden;
    this.stored = false;
    this.inRow = true;
    this.col = 0;
    this.tick();
  }

  startCell(r: string | undefined, s: string | undefined, t: string | undefined): void {
    this.startCellAt(r ? columnOf(r) : -1, s ? Number(s) : 0, t ?? 'n');
  }

  /** `col` -1: the column after the previous cell (no reference). */
  startCellAt(col: number, style: number, type: string): void {
    this.col = col === -1 ? this.col + 1 : col;
    if (this.col > this.lastColumn && this.col <= SHEET_LIMITS.columns) this.lastColumn = this.col;
    this.style = style;
    this.type = type;
    this.value = '';
    this.hasValue = false;
    this.formula = null;
    this.sharedId = undefined;
    this.stored = true;
  }

  /** Appends text to the value (`<v>`, inline `<t>`) or to the formula. */
  addValue(text: string): void {
    this.value += text;
    if (this.value.length > SHEET_LIMITS.cellChars) throw limitError('cell-chars', this.where());
  }

  /** A scanner holding the cell's text itself says when it grows past the limit. */
  tooLong(): never {
    throw limitError('cell-chars', this.where());
  }

  startFormula(shared: string | undefined): void {
    this.formula = '';
    this.sharedId = shared;
  }

  addFormula(text: string): void {
    this.formula += text;
    if (this.formula!.length > SHEET_LIMITS.cellChars) throw limitError('cell-chars', this.where());
  }

  endFormula(): void {
    // Cells sharing a formula store it once, on the first cell of the group.
    if (this.sharedId === undefined) return;
    if (this.formula) this.sharedFormulas.set(this.sharedId, this.formula);
    else this.formula = this.sharedFormulas.get(this.sharedId) ?? '';
  }

  endCell(): void {
    if (!this.inRow || (!this.hasValue && this.formula === null)) return;
    if (this.col < 1 || this.col > SHEET_LIMITS.columns) return;
    const st = this.ctx.styles[this.style] ?? PLAIN_STYLE;
    this.place(this.typed.text(this.type, this.value, st), st);
  }

  /**
   * A cell with one plain value and no formula, its value's bytes s..e given as they are (the
   * byte scanner's common case); `num`: the value of the bytes when they are 1–9 digits, else -1.
   */
  bytesCell(col: number, style: number, type: string, b: Bytes, s: number, e: number, ascii: boolean, num: number): void {
    this.startCellAt(col, style, type);
    this.hasValue = true;
    if (!this.inRow || this.col < 1 || this.col > SHEET_LIMITS.columns) return;
    const st = this.ctx.styles[style] ?? PLAIN_STYLE;
    const text = this.typed.fromBytes(type, b, s, e, ascii, st, num);
    if (text !== null) return this.place(text, st);
    this.value = ascii ? b.latin1Slice(s, e) : b.utf8Slice(s, e);
    this.endCell();
  }

  /** Puts the cell's text in its column, with its facts. */
  private place(text: string, st: CellStyle): void {
    const col = this.col;
    if (col > SHEET_LIMITS.rowCells) {
      // Empty formatted cells far right are cut with the row's trailing blanks anyway.
      if (text === '' && this.formula === null) return;
      throw limitError('row-cells', this.where());
    }
    const values = this.values;
    if (values.length < col) {
      this.budget.take(col - values.length);
      padTo(values, this.cells, col - 1, this.ids);
    }
    values[col - 1] = text;
    this.ids[col - 1] = this.typed.id;
    const plain = this.typed.plain;
    this.cells[col - 1] =
      this.formula === null
        ? this.plainFacts(plain, st)
        : withStyle({ type: formulaType(plain, this.hasValue), formula: this.formula }, st);
  }

  endRow(): void {
    this.inRow = false;
    const values = this.values;
    const cells = this.cells;
    const ids = this.ids;
    let n = values.length;
    while (n > 0 && values[n - 1] === '' && cells[n - 1]?.formula === undefined) n--;
    // Setting an array's length is a runtime call even when it does not change: only to cut.
    if (n !== values.length) {
      values.length = n;
      cells.length = n;
      ids.length = n;
    }
    this.onRow({ number: this.rowNumber, values, cells, ids, hidden: this.rowHidden, stored: this.stored });
  }

  /** `<col min max hidden="1">`: as bits, clamped to the sheet. */
  hideColumns(min: string | undefined, max: string | undefined): void {
    this.hidden.addRange(Number(min), Number(max ?? min));
  }

  addMerge(ref: string | undefined): void {
    const r = ref ? parseRange(ref) : null;
    if (!r) return;
    if (this.merges.length >= SHEET_LIMITS.merges) throw limitError('merges', this.part);
    this.merges.push(r);
  }

  /** Hidden columns and merges clamped to the sheet's real extent (its last row and last stored cell). */
  end(): SheetEnd {
    const lastRow = this.rowNumber;
    const lastCol = this.lastColumn;
    const merges: CellRange[] = [];
    for (const m of this.merges) {
      if (m.top > lastRow || m.left > lastCol) continue;
      merges.push(
        m.bottom <= lastRow && m.right <= lastCol ? m : { ...m, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) },
      );
    }
    return { merges, hiddenColumns: this.hidden.list(lastCol) };
  }

  private where(): string {
    return `${this.part}, ${cellRef(Math.max(1, Math.min(this.col, SHEET_LIMITS.columns)), this.rowNumber)}`;
  }

  private plainFacts(plain: number, st: CellStyle): SheetCellFacts {
    const byStyle = this.factsCache[plain];
    return (byStyle[this.style] ??= Object.freeze(withStyle({ type: PLAIN_TYPES[plain] }, st)));
  }
}

/** Pads a row with empty cells up to `n` (the cells before a far-right one). */
export function padTo(values: string[], cells: (SheetCellFacts | undefined)[], n: number, ids?: number[]): void {
  for (let i = values.length; i < n; i++) {
    values.push('');
    cells.push(undefined);
    ids?.push(-1);
  }
}

/** A formula cell's type: its error, `empty` when the file saved no result for it, else `formula`. */
function formulaType(plain: number, hasValue: boolean): SheetCellFacts['type'] {
  if (plain === P_ERROR) return 'error';
  return hasValue ? 'formula' : 'empty';
}

function withStyle(f: SheetCellFacts, st: CellStyle): SheetCellFacts {
  if (st.numFmt) f.numFmt = st.numFmt;
  if (st.fill) f.fill = st.fill;
  return f;
}
