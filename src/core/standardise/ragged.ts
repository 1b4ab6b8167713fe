// Rows of a delimited file with more cells than the header: mapped by position, every cell after
// the extra one would land in the wrong field (`102 991,50` unquoted in a comma file gives
// montant=102991, nature=50, …). The row is read the way `odw lint` repairs it for certain (the
// `extra-cell` rule's `quote-cells` fix, which `odw clean` applies: the split amount joined again),
// else it is left out and counted, never written shifted.
import { decimalCommaSplitAt } from '../rules/lib/decimal-comma-split';

export type Fit = { values: string[]; repaired: boolean } | null;

/**
 * The row as the header reads it. `delimiter` null (a workbook): cells past the header are
 * columns without a label, not a shift. Extra cells that are all empty and last (a trailing
 * delimiter) shift nothing and are dropped. Null: no certain repair, the row must not be mapped.
 */
export function fitRow(values: string[], width: number, delimiter: string | null): Fit {
  if (values.length <= width || delimiter === null || width === 0) return { values, repaired: false };
  let v = values;
  let repaired = false;
  while (v.length > width) {
    // The lint's own test for the split; each join is the fix it offers on the row as it stands.
    const at = decimalCommaSplitAt({ number: 0, values: v }, delimiter);
    if (at < 0) break;
    v = [...v.slice(0, at), `${v[at]},${v[at + 1]}`, ...v.slice(at + 2)];
    repaired = true;
  }
  if (v.length > width && v.slice(width).every((c) => c.trim() === '')) v = v.slice(0, width);
  return v.length === width ? { values: v, repaired } : null;
}

/** How many source rows something was done to, with the first line numbers. */
export interface RowSet {
  count: number;
  lines: number[];
}

export const MAX_LINES = 20;

export const noRows = (): RowSet => ({ count: 0, lines: [] });

export function note(set: RowSet, line: number | undefined): void {
  set.count++;
  if (line !== undefined && set.lines.length < MAX_LINES) set.lines.push(line);
}
