// Reads a whole workbook into memory for assertions.
import { openWorkbook } from '../../../src/core/sheet/open';
import type { SheetEnd, SheetMeta, SheetRow } from '../../../src/core/sheet/types';
import { lintSpreadsheetFile, type SheetLintOptions } from '../../../src/core/sheet/lint-sheet';
import type { Diagnostic } from '../../../src/core/model';

export interface ReadSheet {
  meta: SheetMeta;
  rows: SheetRow[];
  end?: SheetEnd;
}

export async function readAll(path: string): Promise<ReadSheet[]> {
  const book = await openWorkbook(path);
  const out: ReadSheet[] = [];
  await book.read({
    sheet: (meta) => void out.push({ meta, rows: [] }),
    row: (r) => void out[out.length - 1].rows.push(r),
    sheetEnd: (e) => void (out[out.length - 1].end = e),
  });
  return out;
}

export async function lintSheet(path: string, options: SheetLintOptions = {}): Promise<Diagnostic[]> {
  return (await lintSpreadsheetFile(path, { maxProblems: 100000, ...options })).diagnostics;
}

export const rule = (ds: Diagnostic[], id: string) => ds.filter((d) => d.rule === id);
/** "Sheet!C12" for assertions. */
export const where = (d: Diagnostic) => `${d.sheet}!${d.cell}`;
