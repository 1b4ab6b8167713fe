// The common worksheet cell, `<c r="B2" s="1" t="s"><v>7</v></c>`, read in one go by the byte
// scanner (xlsx-scan.ts) and handed to the row builder as bytes: most cells of a sheet cost no
// tag-by-tag work and no string but their text.
import { SHEET_LIMITS } from './limits';
import { cellType, digits, refColumn } from './xlsx-names';
import type { XlsxRowBuilder } from './xlsx-rows';
import { AMP, GT, LT, SLASH, type Bytes } from './xml-bytes';

/**
 * `<c …>` with only r, s, t attributes and one plain `<v>` (no entity, no CR), or self-closing:
 * handed to the builder directly. Returns the index after `</c>`, or -1 to take the general path.
 */
export function quickCell(b: XlsxRowBuilder, buf: Bytes, lt: number, n: number): number {
  const fast = usualCell(b, buf, lt, n);
  if (fast !== -2) return fast;
  let p = lt + 2;
  let col = -1;
  let style = 0;
  let type = 'n';
  let seen = 0;
  for (;;) {
    while (p < n && buf[p] === 0x20) p++;
    if (p + 1 >= n) return -1;
    const c = buf[p];
    if (c === GT || c === SLASH) break;
    // One-letter attribute names r, s, t with double quotes.
    if (buf[p + 1] !== 0x3d || buf[p + 2] !== 0x22) return -1;
    const from = p + 3;
    let to = from;
    while (to < n && buf[to] !== 0x22) {
      const x = buf[to];
      if (x === LT || x === AMP || x < 0x20 || x >= 0x80) return -1;
      to++;
    }
    if (to >= n) return -1;
    if (c === 0x72 && !(seen & 1)) {
      seen |= 1;
      if (to > from) col = refColumn(buf, from, to);
    } else if (c === 0x73 && !(seen & 2)) {
      seen |= 2;
      style = digits(buf, from, to);
      if (style === -1) return -1;
    } else if (c === 0x74 && !(seen & 4)) {
      seen |= 4;
      type = cellType(buf, from, to);
    } else return -1;
    p = to + 1;
    if (buf[p] !== 0x20 && buf[p] !== GT && buf[p] !== SLASH) return -1;
  }
  if (buf[p] === SLASH) {
    if (buf[p + 1] !== GT) return -1;
    b.startCellAt(col, style, type);
    b.endCell();
    return p + 2;
  }
  return valueCell(b, buf, p, n, col, style, type);
}

/**
 * The shape spreadsheet writers give nearly every cell, `<c r="B2"[ s="1"][ t="s"]>` with an
 * upper-case reference of 1–3 letters: read in one pass without the general attribute loop.
 * Returns -2 when the cell is not exactly that (the general loop then reads it).
 */
function usualCell(b: XlsxRowBuilder, buf: Bytes, lt: number, n: number): number {
  let p = lt + 3;
  if (p + 24 >= n || buf[p] !== 0x72 || buf[p + 1] !== 0x3d || buf[p + 2] !== 0x22) return -2;
  p += 3;
  let col = 0;
  let c = buf[p];
  const start = p;
  while (c >= 0x41 && c <= 0x5a) {
    col = col * 26 + (c - 0x40);
    c = buf[++p];
  }
  if (p === start || p - start > 3 || c < 0x30 || c > 0x39) return -2;
  do c = buf[++p];
  while (c >= 0x30 && c <= 0x39);
  if (c !== 0x22) return -2;
  p++;
  let style = 0;
  if (buf[p] === 0x20 && buf[p + 1] === 0x73) {
    if (buf[p + 2] !== 0x3d || buf[p + 3] !== 0x22) return -2;
    p += 4;
    const from = p;
    c = buf[p];
    while (c >= 0x30 && c <= 0x39) {
      style = style * 10 + (c - 0x30);
      c = buf[++p];
    }
    if (c !== 0x22 || p === from || p - from > 9) return -2;
    p++;
  }
  let type = 'n';
  if (buf[p] === 0x20 && buf[p + 1] === 0x74) {
    if (buf[p + 2] !== 0x3d || buf[p + 3] !== 0x22 || buf[p + 5] !== 0x22) return -2;
    c = buf[p + 4];
    if (c === 0x73) type = 's';
    else if (c === 0x62) type = 'b';
    else if (c === 0x6e) type = 'n';
    else if (c === 0x65) type = 'e';
    else return -2;
    p += 6;
  }
  c = buf[p];
  if (c === SLASH) {
    if (buf[p + 1] !== GT) return -2;
    b.startCellAt(col, style, type);
    b.endCell();
    return p + 2;
  }
  if (c !== GT) return -2;
  return valueCell(b, buf, p, n, col, style, type);
}

/** `><v>` text `</v></c>` from the `>` at `p`, handed to the builder; -1 for anything else. */
function valueCell(b: XlsxRowBuilder, buf: Bytes, p: number, n: number, col: number, style: number, type: string): number {
  if (p + 4 >= n || buf[p + 1] !== LT || buf[p + 2] !== 0x76 || buf[p + 3] !== GT) return -1;
  const vs = p + 4;
  let ve = vs;
  // Nearly every stored value is a run of digits (a shared string's index, a year, a serial):
  // its number is read on the way, so the builder does not read the digits again.
  let num = 0;
  let x = 0;
  while (ve < n && (x = buf[ve]) >= 0x30 && x <= 0x39) {
    num = (num * 10 + x - 0x30) | 0; // exact up to 9 digits; longer runs are not taken
    ve++;
  }
  let ascii = true;
  if (x !== LT || ve === vs || ve - vs > 9) {
    num = -1;
    while (ve < n && (x = buf[ve]) !== LT) {
      if (x === AMP || x === 0x0d) return -1;
      if (x >= 0x80) ascii = false;
      ve++;
    }
  }
  if (ve + 8 > n) return -1;
  if (
    buf[ve + 1] !== SLASH ||
    buf[ve + 2] !== 0x76 ||
    buf[ve + 3] !== GT ||
    buf[ve + 4] !== LT ||
    buf[ve + 5] !== SLASH ||
    buf[ve + 6] !== 0x63 ||
    buf[ve + 7] !== GT
  )
    return -1;
  if (ve - vs > SHEET_LIMITS.cellChars) return -1;
  b.bytesCell(col, style, type, buf, vs, ve, ascii, num);
  return ve + 8;
}
