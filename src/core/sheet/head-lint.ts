// The first look at a large workbook, as lint-head.ts gives one for a large CSV: the first
// table rows are linted (the read stops there, lint-sheet.ts `headRows`) and what the whole
// workbook cannot contradict is shown, then the whole workbook's report replaces it.
import type { Diagnostic, FileReport } from '../model';

/** Workbooks above this size on disk get a head lint first (a zipped sheet holds ≈ 10 000 rows a MB). */
export const SHEET_HEAD_ABOVE = 1024 * 1024;
/** Table rows the head lint reads. */
export const SHEET_HEAD_ROWS = 5000;

/** Verdicts that need every row or every sheet: a column empty so far, the last row, the other sheets. */
const WHOLE_BOOK = new Set(['empty-column', 'totals-row', 'foreign-key', 'line-endings', 'sheet-empty', 'sheet-several-sheets']);

/** The head report's diagnostics that stand whatever follows (none for a file the head could not read: the full lint says why). */
export function sheetHeadDiagnostics(report: FileReport): Diagnostic[] {
  if (report.fatal) return [];
  return report.diagnostics.filter((d) => !WHOLE_BOOK.has(d.rule));
}
