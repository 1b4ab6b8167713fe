// What the spreadsheet reader knows about the sheet a LintSession is linting, beyond its
// rows. The reader attaches it to the session's TableInfo; sheet rules read it back with
// `sheetFactsOf(ctx.info)` (undefined for CSV, so those rules stay silent there).
import type { Loc, TableInfo } from '../model';
import { cellRef, type CellRange } from './address';
import type { HeaderGuess } from './header';
import type { SheetMeta } from './types';

export interface SheetFacts {
  format: 'xlsx' | 'ods';
  sheet: SheetMeta;
  header: HeaderGuess;
  /** Columns of the table (the widest of the header and the first rows). */
  width: number;
  /** Hidden rows seen so far (a row is added before it is pushed to the session). */
  hiddenRows: Set<number>;
  /** Known once the sheet has been read (merges close an XLSX sheet): use them in `end()`. */
  hiddenColumns: number[];
  merges: CellRange[];
}

const bound = new WeakMap<TableInfo, SheetFacts>();

export function attachSheetFacts(info: TableInfo, facts: SheetFacts): void {
  bound.set(info, facts);
}

export function sheetFactsOf(info: TableInfo): SheetFacts | undefined {
  return bound.get(info);
}

/** A location in a sheet by coordinates, for problems found after the rows were visited. */
export function sheetLoc(facts: SheetFacts, row: number, column: number | null): Loc {
  return { row, column, sheet: facts.sheet.name, cell: cellRef(column ?? 1, row) };
}
