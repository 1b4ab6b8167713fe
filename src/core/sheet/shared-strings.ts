// The shared string table of a workbook, decoded on use. A table of 200 000 strings made up
// front lives through the whole sheet: the garbage collector copies every one of them from the
// young generation twice before it settles (tens of milliseconds early in a cold lint), while
// most are used once, by one cell. Here a plain entry stays bytes in the inflated part (outside
// the JavaScript heap) until a cell asks for it; a string asked for twice is kept from then on.
import type { Bytes } from './xml-bytes';

export class SharedStrings {
  private readonly bufs: Bytes[] = [];
  private last: Bytes | null = null;
  private bufOf = new Uint32Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  /** Entries read through the general path (rich text, entities…), and strings asked for twice. */
  private readonly texts: (string | undefined)[] = [];
  private seen: Uint8Array = new Uint8Array(0);

  get length(): number {
    return this.texts.length;
  }

  /** An entry whose text is the UTF-8 bytes s..e of `buf` (kept until the table is let go). */
  addBytes(buf: Bytes, s: number, e: number): void {
    if (buf !== this.last) (this.bufs.push(buf), (this.last = buf));
    const i = this.texts.length;
    if (i === this.start.length) this.grow();
    this.bufOf[i] = this.bufs.length - 1;
    this.start[i] = s;
    this.end[i] = e;
    this.texts.push(undefined);
  }

  /** An entry already decoded. */
  addText(text: string): void {
    if (this.texts.length === this.start.length) this.grow();
    this.texts.push(text);
  }

  /** The table is read: lookups may start. */
  done(): this {
    this.seen = new Uint8Array(this.texts.length);
    return this;
  }

  get(i: number): string | undefined {
    const t = this.texts[i];
    if (t !== undefined || !(i >= 0 && i < this.texts.length)) return t;
    const text = unescapeOoxml(this.bufs[this.bufOf[i]].utf8Slice(this.start[i], this.end[i]));
    if (this.seen[i]) this.texts[i] = text;
    else this.seen[i] = 1;
    return text;
  }

  /** UTF-16 length of the entries kept as bytes (the table's size limit counts them exactly only when it matters). */
  bytesEntriesLength(): number {
    let n = 0;
    for (let i = 0; i < this.texts.length; i++)
      if (this.texts[i] === undefined) n += this.bufs[this.bufOf[i]].utf8Slice(this.start[i], this.end[i]).length;
    return n;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const bufOf = new Uint32Array(n);
    bufOf.set(this.bufOf);
    const start = new Int32Array(n);
    start.set(this.start);
    const end = new Int32Array(n);
    end.set(this.end);
    ((this.bufOf = bufOf), (this.start = start), (this.end = end));
  }
}

/** Excel writes control characters as `_x000D_`; a literal `_x` is itself escaped as `_x005F_`. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** No shared string part: every index is unknown. */
export const NO_SHARED_STRINGS = new SharedStrings().done();
