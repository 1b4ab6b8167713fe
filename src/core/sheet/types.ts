// What the XLSX and ODS readers hand over: sheets in workbook order, each a stream of
// stored rows, then the facts a file only states after the rows (merged ranges in XLSX).
import type { SheetCellFacts } from '../model';
import type { CellRange } from './address';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetMeta {
  name: string;
  /** 0-based position in the workbook. */
  index: number;
  state: SheetState;
}

/** One row as stored in the file; `values[i]` is column i+1, trailing empty cells cut. */
export interface SheetRow {
  number: number;
  values: string[];
  cells: (SheetCellFacts | undefined)[];
  /** As `Row.ids` (XLSX only). */
  ids?: number[];
  hidden: boolean;
  /** The file stores cells in the row even if they are empty (formatted cells). */
  stored: boolean;
}

export interface SheetEnd {
  merges: CellRange[];
  hiddenColumns: number[];
}

export interface WorkbookVisitor {
  /** Called before a sheet's rows; return false to skip its rows. */
  sheet(meta: SheetMeta): boolean | void;
  row(row: SheetRow): void;
  sheetEnd(end: SheetEnd): void;
}

export interface WorkbookSource {
  format: 'xlsx' | 'ods';
  /** Reads every sheet in order, calling the visitor synchronously as rows are parsed. */
  read(visitor: WorkbookVisitor, signal?: AbortSignal): Promise<void>;
}
