// Row tags read without the attribute loop. A sheet writer gives every row the same attributes
// after its number, `<row r="7" spans="1:16" x14ac:dyDescent="0.25">`: once a row tag `<row r="…"`
// was read and checked by the general path (xlsx-scan.ts), a later one whose bytes after the
// number are the same is the same tag but for its number (the same bytes pass the same checks).
import { GT, SLASH, wordAt, wordOf, type Bytes, type Word } from './xml-bytes';

export class RowTags {
  /** The bytes after `r="…"` of the last row tag read in full, up to its `>`; null when it cannot be reused. */
  private tail: Word | null = null;
  /** Where the tag `match` found ends. */
  end = 0;

  /** After the general path read the row tag from `lt` to its `>` at `gt`, r's value at rs..re. */
  note(buf: Bytes, lt: number, gt: number, rs: number, re: number, hidden: boolean): void {
    const ok = rs === lt + 8 && buf[lt + 4] === 0x20 && buf[lt + 6] === 0x3d && buf[lt + 7] === 0x22 && gt - re < 256;
    this.tail = ok && !hidden && rowNumber(buf, rs, re) > 0 ? wordOf(Buffer.from(buf.subarray(re + 1, gt + 1))) : null;
  }

  /** The number of the row tag at `lt` when it is `<row r="N"` and the noted tail (`end` set), else -1. */
  match(buf: Bytes, lt: number, n: number): number {
    const tail = this.tail;
    if (tail === null || buf[lt + 1] !== 0x72 || buf[lt + 2] !== 0x6f || buf[lt + 3] !== 0x77 || buf[lt + 4] !== 0x20) return -1;
    if (buf[lt + 5] !== 0x72 || buf[lt + 6] !== 0x3d || buf[lt + 7] !== 0x22) return -1;
    const from = lt + 8;
    let q = from;
    while (q < n && buf[q] >= 0x30 && buf[q] <= 0x39) q++;
    if (q >= n || buf[q] !== 0x22) return -1;
    const r = rowNumber(buf, from, q);
    if (r <= 0 || !wordAt(buf, q + 1, n, tail)) return -1;
    this.end = q + 1 + tail.bytes.length;
    return r;
  }
}

/** Whether `</row>` is at `lt`. */
export const isRowEnd = (buf: Bytes, lt: number): boolean =>
  buf[lt + 1] === SLASH && buf[lt + 2] === 0x72 && buf[lt + 3] === 0x6f && buf[lt + 4] === 0x77 && buf[lt + 5] === GT;

/** A row number of 1 to 7 digits, no leading zero (else -1: the general path reads it). */
function rowNumber(buf: Bytes, s: number, e: number): number {
  if (e <= s || e - s > 7 || buf[s] === 0x30) return -1;
  let r = 0;
  for (let k = s; k < e; k++) {
    const c = buf[k];
    if (c < 0x30 || c > 0x39) return -1;
    r = r * 10 + (c - 0x30);
  }
  return r;
}
