// What is counted while a sheet streams, to tell an empty or scratch sheet from a table
// (lint-sheet.ts finishSheet): filled cells, rows with two or more of them, the first filled row.
import type { SheetRow } from './types';

export class SheetTally {
  /** Filled cells, counted until the second wide row (after it, the sheet is a table). */
  cells = 0;
  wideRows = 0;
  firstRow = 0;

  add(r: SheetRow): void {
    // Counted only while they can still make the sheet empty or scratch.
    if (this.wideRows >= 2) return;
    const filled = filledCells(r.values);
    if (filled > 0) this.firstRow ||= r.number;
    if (filled >= 2) this.wideRows++;
    this.cells += filled;
  }
}

/** Cells that are not blank; a first character that is not white space settles most without trimming. */
function filledCells(values: string[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === '') continue;
    const c = v.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x1680) || v.trim() !== '') n++;
  }
  return n;
}
