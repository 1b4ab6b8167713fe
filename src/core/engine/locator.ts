// How a reader tells the session where things are, and hashes rows: every reader provides all of
// it, so that a rule never asks which reader it runs under.
import type { Loc, Row } from '../model';
import { TextMemo } from './text-memo';

export interface Locator {
  locate(row: Row, column: number): Loc;
  locateRow(row: Row): Loc;
  /** A 64-bit hash of the row (two 32-bit lanes into `out`): of its raw text when the reader has it (CSV). */
  rowHash(row: Row, out: Int32Array): void;
  /** Whether the row holds `ch` (one search per row instead of one per cell). */
  rowHas(row: Row, ch: string): boolean;
}

/**
 * A row's hash from its cell values, for readers without the row's text (spreadsheets): per
 * cell, FNV-1a over its characters, folded into lane a in cell order; and a per-cell signature
 * (length, first and last character) into lane b. A false match needs both to collide:
 * negligible, and half the cost of two full lanes. A cell's part depends on its text only, so a
 * text with an id (Row.ids) is hashed once and its part remembered in `memo`.
 */
export function hashValues(values: readonly string[], out: Int32Array, ids?: readonly number[], memo?: TextMemo): void {
  let a = 0x811c9dc5;
  let b = values.length;
  const known = ids && memo ? Math.min(ids.length, values.length) : 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const id = k < known ? ids![k] : -1;
    let cell: number;
    let n: number;
    let sig: number;
    if (id >= 0 && memo!.has(id)) {
      const at = id * 3;
      cell = memo!.slots[at];
      n = memo!.slots[at + 1];
      sig = memo!.slots[at + 2];
    } else {
      n = v.length;
      cell = 0x811c9dc5;
      // Two UTF-16 units per step: half the multiplications; the odd last unit apart (reading
      // past the end costs a deoptimising NaN check on every step).
      let i = 0;
      for (; i + 1 < n; i += 2) cell = Math.imul(cell ^ (v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16)), 0x01000193);
      if (i < n) cell = Math.imul(cell ^ v.charCodeAt(i), 0x01000193);
      sig = n ? v.charCodeAt(0) * 65599 + v.charCodeAt(n - 1) : 0;
      if (id >= 0) {
        const at = memo!.fill(id);
        memo!.slots[at] = cell;
        memo!.slots[at + 1] = n;
        memo!.slots[at + 2] = sig;
      }
    }
    a = Math.imul(a ^ cell, 0x01000193) ^ (a >>> 15);
    b = Math.imul(b ^ n, 0x5bd1e995) ^ sig;
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
  // Per id: the cell's lane-a part, its length and its signature.
  const memo = new TextMemo(3);
  return {
    locate: (r, c) => loc.locate(r, c),
    locateRow: (r) => loc.locateRow(r),
    rowHash: (r, out) => hashValues(r.values, out, r.ids, memo),
    rowHas: (r, ch) => valuesHave(r.values, ch),
  };
}
