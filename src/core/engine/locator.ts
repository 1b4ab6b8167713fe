// How a reader tells the session where things are, and hashes rows: every reader provides all of
// it, so that a rule never asks which reader it runs under.
import type { Loc, Row } from '../model';

export interface Locator {
  locate(row: Row, column: number): Loc;
  locateRow(row: Row): Loc;
  /** A 64-bit hash of the row (two 32-bit lanes into `out`): of its raw text when the reader has it (CSV). */
  rowHash(row: Row, out: Int32Array): void;
  /** Whether the row holds `ch` (one search per row instead of one per cell). */
  rowHas(row: Row, ch: string): boolean;
}

/**
 * A row's hash from its cell values, for readers without the row's text (spreadsheets): FNV-1a
 * over every character, and a per-cell signature (length, first and last character). A false
 * match needs both to collide: negligible, and half the cost of two full lanes.
 */
export function hashValues(values: readonly string[], out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = values.length;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const n = v.length;
    // Two UTF-16 units per step: half the multiplications; the odd last unit apart (reading
    // past the end costs a deoptimising NaN check on every step).
    let i = 0;
    for (; i + 1 < n; i += 2) a = Math.imul(a ^ (v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16)), 0x01000193);
    if (i < n) a = Math.imul(a ^ v.charCodeAt(i), 0x01000193);
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ n, 0x5bd1e995) ^ (n ? v.charCodeAt(0) * 65599 + v.charCodeAt(n - 1) : 0);
  }
  out[0] = a;
  out[1] = b;
}

/** Whether a cell of the row holds `ch`, for readers without the row's text. */
export function valuesHave(values: readonly string[], ch: string): boolean {
  for (let i = 0; i < values.length; i++) if (values[i].includes(ch)) return true;
  return false;
}

/** Adds row hashing from cell values to a reader that only locates (spreadsheets, a file with no rows). */
export function withValueHashing(loc: Pick<Locator, 'locate' | 'locateRow'>): Locator {
  return {
    locate: (r, c) => loc.locate(r, c),
    locateRow: (r) => loc.locateRow(r),
    rowHash: (r, out) => hashValues(r.values, out),
    rowHas: (r, ch) => valuesHave(r.values, ch),
  };
}
