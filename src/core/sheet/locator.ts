// Where a sheet's problems are (`Sheet!C12`), and the row searches its rules share.
import { valuesHave, withValueHashing, type Locator } from '../engine/locator';
import { TextMemo } from '../engine/text-memo';
import type { Loc, Row } from '../model';
import { cellRef } from './address';

/**
 * Sheet positions: `{row, column, sheet, cell: 'C12'}`, a whole row at its column A; rows hashed
 * from their values (a sheet has no row text).
 */
export function sheetLocator(sheet: string): Locator {
  const loc = withValueHashing({
    locate: (row: Row, column: number): Loc => ({ row: row.number, column, sheet, cell: cellRef(column, row.number) }),
    locateRow: (row: Row): Loc => ({ row: row.number, column: null, sheet, cell: cellRef(1, row.number) }),
  });
  return { ...loc, rowHas: textCellsHave() };
}

/**
 * `rowHas` for sheet rows. The text of a number or boolean cell is made of digits, `-+.e` and
 * letters: a line break, a space or an `@` (below `+`, or `@`) is never in it. On the first
 * search of a row, the row's other cells are read once for every such character (rules search
 * one row for several: a line break, a CR, an `@`); later searches of the row read the marks. A
 * text with an id (a shared string) is read once in the sheet: its marks are remembered.
 */
function textCellsHave(): (row: Row, ch: string) => boolean {
  let last: Row | null = null;
  // Characters 0–31 seen in the row's text cells (bit c), and 32–42 and `@` (bits c − 32, 11).
  let low = 0;
  let high = 0;
  const memo = new TextMemo(2);
  return (row, ch) => {
    const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
    if (row.cells === undefined || !(c === 0x40 || (c >= 0 && c < 0x2b))) return valuesHave(row.values, ch);
    if (row !== last) {
      last = row;
      low = high = 0;
      const values = row.values;
      const cells = row.cells;
      const ids = row.ids;
      const known = ids ? Math.min(ids.length, values.length) : 0;
      for (let i = 0; i < values.length; i++) {
        const id = i < known ? ids![i] : -1;
        if (id >= 0 && memo.has(id)) {
          low |= memo.slots[2 * id];
          high |= memo.slots[2 * id + 1];
          continue;
        }
        const t = cells[i]?.type;
        if (t === 'number' || t === 'boolean') continue;
        const v = values[i];
        let l = 0;
        let h = 0;
        for (let k = 0; k < v.length; k++) {
          const x = v.charCodeAt(k);
          if (x < 0x20) l |= 1 << x;
          else if (x < 0x2b) h |= 1 << (x - 0x20);
          else if (x === 0x40) h |= 1 << 11;
        }
        if (id >= 0) {
          const at = memo.fill(id);
          memo.slots[at] = l;
          memo.slots[at + 1] = h;
        }
        low |= l;
        high |= h;
      }
    }
    return c < 0x20 ? (low & (1 << c)) !== 0 : (high & (1 << (c === 0x40 ? 11 : c - 0x20))) !== 0;
  };
}
