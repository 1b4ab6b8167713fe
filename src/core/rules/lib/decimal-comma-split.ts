// Detects the classic cause of ragged rows in comma-separated French files: an unquoted
// amount `24 975,00` split into `24 975` and `00`.
import type { Row } from '../../model';

/** Index (0-based) of the first cell that looks like the integer part of a split amount. */
export function decimalCommaSplitAt(row: Row, delimiter: string | null): number {
  if (delimiter !== ',') return -1;
  const v = row.values;
  for (let i = 0; i + 1 < v.length; i++) {
    if (/^\s*-?\d{1,3}([ \u00a0\u202f]\d{3})*\s*$|^\s*-?\d+\s*$/.test(v[i]) && /^\d{1,2}\s*(€)?\s*$/.test(v[i + 1])) {
      // Plain integers next to each other are common; demand a grouped amount or 2 decimals.
      if (/[ \u00a0\u202f]/.test(v[i].trim()) || /^\d{2}\s*(€)?\s*$/.test(v[i + 1])) return i;
    }
  }
  return -1;
}
