// A first, quick look at a large table: the editor lints the head of the text (whole lines)
// and shows what the full lint cannot contradict, then the full lint replaces it. On a 10 MB
// file the squiggles of the visible rows come in a fraction of the full lint's time.
import type { Diagnostic } from './model';

/** Texts above this size get a head lint first. */
export const HEAD_LINT_ABOVE = 2 * 1024 * 1024;
const HEAD_CHARS = 512 * 1024;

/** The head of a large text, cut after a line break; null when the text is small enough. */
export function headOf(text: string, minSize = HEAD_LINT_ABOVE, chars = HEAD_CHARS): string | null {
  if (text.length <= minSize) return null;
  const cut = text.lastIndexOf('\n', chars);
  return cut > 0 ? text.slice(0, cut + 1) : null;
}

/**
 * Rules whose verdict needs the whole file: a column empty in the head may be filled later, the
 * head's last line is not the file's (totals), line endings may mix further down, a reference
 * may point below the cut.
 */
const WHOLE_FILE = new Set(['empty-column', 'totals-row', 'line-endings', 'foreign-key']);

/** The head's diagnostics that stand whatever follows; the last row may be cut inside a quoted cell. */
export function headDiagnostics(ds: readonly Diagnostic[], headRows: number): Diagnostic[] {
  const lastRow = headRows + 1; // physical rows: the header is row 1
  return ds.filter((d) => !WHOLE_FILE.has(d.rule) && (d.row === null || d.row < lastRow));
}
