// The fast worksheet reader (#24): scans the inflated bytes of xl/worksheets/sheetN.xml for
// the few elements the linter needs (row, c, v, f, is/t, col, mergeCell) without building
// an object per tag, into the same XlsxRowBuilder as the saxes reader. Markup it does not
// handle (CDATA, a DOCTYPE, prefixed sheet elements, unbalanced tags, unknown entities)
// throws Unsupported: the caller then reads the sheet with saxes, skipping the rows already given.
import { SHEET_LIMITS } from './limits';
import { columnOf, type XlsxRowBuilder } from './xlsx-rows';
import { AMP, attrValue, Carry, GT, isSpace, LT, SLASH, text, Unsupported, xmlText, type Bytes } from './xml-bytes';

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;

/** Tag ids, from the name's bytes (local names of the SpreadsheetML main namespace). */
const T_OTHER = 0;
const T_ROW = 1;
const T_C = 2;
const T_V = 3;
const T_F = 4;
const T_IS = 5;
const T_T = 6;
const T_RPH = 7;
const T_COL = 8;
const T_MERGE = 9;

function tagId(b: Buffer, s: number, e: number): number {
  const n = e - s;
  const c0 = b[s];
  if (n === 1) return c0 === 0x63 ? T_C : c0 === 0x76 ? T_V : c0 === 0x66 ? T_F : c0 === 0x74 ? T_T : T_OTHER;
  if (n === 2) return c0 === 0x69 && b[s + 1] === 0x73 ? T_IS : T_OTHER;
  if (n === 3) {
    if (c0 === 0x72 && b[s + 1] === 0x6f && b[s + 2] === 0x77) return T_ROW;
    if (c0 === 0x72 && b[s + 1] === 0x50 && b[s + 2] === 0x68) return T_RPH;
    if (c0 === 0x63 && b[s + 1] === 0x6f && b[s + 2] === 0x6c) return T_COL;
    return T_OTHER;
  }
  if (n === 9 && b.toString('latin1', s, e) === 'mergeCell') return T_MERGE;
  return T_OTHER;
}

/** Attribute slots kept for the sheet's elements. */
const A_R = 0;
const A_S = 1;
const A_T = 2;
const A_HIDDEN = 3;
const A_MIN = 4;
const A_MAX = 5;
const A_REF = 6;
const A_SI = 7;

function attrId(b: Buffer, s: number, e: number): number {
  const n = e - s;
  const c0 = b[s];
  if (n === 1) return c0 === 0x72 ? A_R : c0 === 0x73 ? A_S : c0 === 0x74 ? A_T : -1;
  if (n === 2) return c0 === 0x73 && b[s + 1] === 0x69 ? A_SI : -1;
  if (n === 3) {
    const c1 = b[s + 1];
    const c2 = b[s + 2];
    if (c0 === 0x6d && c1 === 0x69 && c2 === 0x6e) return A_MIN;
    if (c0 === 0x6d && c1 === 0x61 && c2 === 0x78) return A_MAX;
    if (c0 === 0x72 && c1 === 0x65 && c2 === 0x66) return A_REF;
    return -1;
  }
  if (n === 6 && c0 === 0x68 && b[s + 1] === 0x69 && b[s + 2] === 0x64 && b[s + 3] === 0x64 && b[s + 4] === 0x65 && b[s + 5] === 0x6e)
    return A_HIDDEN;
  return -1;
}

/** Interned cell types, so the common ones cost no string. */
function cellType(b: Bytes, s: number, e: number): string {
  const n = e - s;
  const c0 = b[s];
  if (n === 1) {
    if (c0 === 0x73) return 's';
    if (c0 === 0x6e) return 'n';
    if (c0 === 0x62) return 'b';
    if (c0 === 0x65) return 'e';
    if (c0 === 0x64) return 'd';
  }
  if (n === 3 && c0 === 0x73 && b[s + 1] === 0x74 && b[s + 2] === 0x72) return 'str';
  return attrValue(text(b, s, e));
}

/** A run of 1–9 ASCII digits as a number, else -1 (the caller then parses the text as saxes would give it). */
function digits(b: Buffer, s: number, e: number): number {
  if (e <= s || e - s > 9) return -1;
  let v = 0;
  for (let k = s; k < e; k++) {
    const d = b[k] - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

export class XlsxScanner {
  private readonly carry = new Carry('worksheet');
  private capture = NONE;
  private inInline = false;
  private phonetic = 0;
  /** Open elements (tag id, or the name of others), to refuse what the saxes reader would call malformed. */
  private readonly stack: (number | string)[] = [];
  private started = false;
  /** Raw text of the value or formula being captured, and what the builder held before it. */
  private text = '';
  private base = '';
  /** Where the values of the attributes the sheet needs start and end in the tag being read (-1: absent). */
  private readonly vs = new Int32Array(8);
  private readonly ve = new Int32Array(8);

  constructor(private readonly b: XlsxRowBuilder) {}

  write(chunk: Buffer): void {
    const buf = this.carry.join(chunk);
    this.carry.keep(buf, this.scan(buf));
  }

  finish(): void {
    if (this.carry.unterminated()) throw new Unsupported('unterminated markup');
    if (this.stack.length > 0 || !this.started) throw new Unsupported('unclosed elements');
  }

  /** Scans whole tags and text runs; returns where the unfinished tail starts. */
  private scan(buf: Bytes): number {
    let i = 0;
    const n = buf.length;
    if (!this.started) {
      // A UTF-16 or UTF-32 sheet, or a declaration naming another encoding: saxes handles it.
      if (n < 64) return 0;
      if (buf[0] === 0xfe || buf[0] === 0xff || buf[0] === 0 || buf[1] === 0) throw new Unsupported('encoding');
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
      const head = buf.toString('latin1', i, Math.min(n, i + 200));
      const m = /^<\?xml[^>]*encoding\s*=\s*["']([^"']*)["']/.exec(head);
      if (m && !/^utf-?8$/i.test(m[1])) throw new Unsupported('encoding');
      this.started = true;
    }
    while (i < n) {
      // Tags sit a few bytes apart: a plain loop beats a native indexOf call per tag.
      let lt = i;
      while (lt < n && buf[lt] !== LT) lt++;
      if (lt === n) {
        if (this.capture !== NONE) return this.partialText(buf, i);
        return this.outsideText(buf, i, n);
      }
      if (lt > i) {
        if (this.capture !== NONE) this.addText(text(buf, i, lt));
        else this.checkOutside(buf, i, lt);
      }
      // Most of a sheet is `<c r="B2" s="1" t="s"><v>7</v></c>`: read in one go when it is exactly that.
      const quick = this.capture === NONE && buf[lt + 1] === 0x63 && buf[lt + 2] === 0x20 ? this.quickCell(buf, lt, n) : -1;
      if (quick !== -1) {
        i = quick;
        continue;
      }
      const next = this.tag(buf, lt);
      if (next === -1) return lt;
      i = next;
    }
    return n;
  }

  /** Text outside values may only be white space or ordinary characters; a `&` is checked once. */
  private checkOutside(buf: Buffer, s: number, e: number): void {
    const amp = buf.indexOf(AMP, s);
    if (amp !== -1 && amp < e) xmlText(buf.toString('utf8', s, e));
  }

  private outsideText(buf: Buffer, s: number, n: number): number {
    // Keep a possible entity whole for the next chunk.
    const amp = buf.lastIndexOf(AMP, n - 1);
    if (amp >= s && n - amp < 16) return amp;
    this.checkOutside(buf, s, n);
    return n;
  }

  /** A value cut by the chunk's end: decode up to a safe point (whole UTF-8 sequence, whole entity). */
  private partialText(buf: Bytes, s: number): number {
    let e = buf.length;
    const amp = buf.lastIndexOf(AMP, e - 1);
    if (amp >= s && e - amp < 16) e = amp;
    let k = e;
    while (k > s && k > e - 4 && (buf[k - 1] & 0xc0) === 0x80) k--;
    if (k > s && buf[k - 1] >= 0xc0) k--;
    else k = e;
    if (k > s) this.addText(buf.utf8Slice(s, k));
    return k;
  }

  private addText(raw: string): void {
    // Entities and \r may straddle the pieces of one value: they are decoded when it closes.
    this.text += raw;
    if (this.base.length + this.text.length > SHEET_LIMITS.cellChars) this.b.tooLong();
  }

  /** Starts capturing text into the value (`<v>`, inline `<t>`) or the formula, after the builder's current text. */
  private begin(capture: number): void {
    this.commit();
    this.capture = capture;
    this.text = '';
    this.base = capture === VALUE ? this.b.value : '';
  }

  /** Hands the captured text to the builder, decoded. */
  private commit(): void {
    if (this.capture === NONE) return;
    const t = this.text;
    const decoded = t.indexOf('&') !== -1 || t.indexOf('\r') !== -1 ? xmlText(t) : t;
    if (this.capture === VALUE) this.b.value = this.base + decoded;
    else this.b.formula = decoded;
    this.capture = NONE;
    this.text = '';
  }

  /** Reads the tag at `lt`; returns the index after it, or -1 when the buffer ends inside it. */
  private tag(buf: Bytes, lt: number): number {
    const n = buf.length;
    if (lt + 1 >= n) return -1;
    const c1 = buf[lt + 1];
    if (c1 === SLASH) {
      let gt = lt + 2;
      while (gt < n && buf[gt] !== GT) gt++;
      if (gt === n) return -1;
      let e = gt;
      while (e > lt + 2 && isSpace(buf[e - 1])) e--;
      this.close(buf, lt + 2, e);
      return gt + 1;
    }
    if (c1 === 0x3f) {
      const q = buf.indexOf('?>', lt + 2, 'latin1');
      return q === -1 ? -1 : q + 2;
    }
    if (c1 === 0x21) {
      if (n - lt < 9) return -1;
      if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
        const q = buf.indexOf('-->', lt + 4, 'latin1');
        return q === -1 ? -1 : q + 3;
      }
      throw new Unsupported('CDATA or DOCTYPE');
    }
    // Element name.
    let p = lt + 1;
    while (p < n && !isSpace(buf[p]) && buf[p] !== GT && buf[p] !== SLASH) p++;
    if (p >= n) return -1;
    const nameEnd = p;
    if (nameEnd === lt + 1) throw new Unsupported('empty tag name');
    const id = tagId(buf, lt + 1, nameEnd);
    const vs = this.vs;
    const ve = this.ve;
    if (id !== T_OTHER) vs[0] = vs[1] = vs[2] = vs[3] = vs[4] = vs[5] = vs[6] = vs[7] = -1;
    // Attributes: name="value" or name='value'.
    for (;;) {
      while (p < n && isSpace(buf[p])) p++;
      if (p >= n) return -1;
      const c = buf[p];
      if (c === GT || c === SLASH) break;
      const ns = p;
      while (p < n && buf[p] !== 0x3d && !isSpace(buf[p]) && buf[p] !== GT) p++;
      const ne = p;
      while (p < n && isSpace(buf[p])) p++;
      if (p >= n) return -1;
      if (buf[p] !== 0x3d) throw new Unsupported('attribute without value');
      p++;
      while (p < n && isSpace(buf[p])) p++;
      if (p >= n) return -1;
      const q = buf[p];
      if (q !== 0x22 && q !== 0x27) throw new Unsupported('unquoted attribute');
      const from = p + 1;
      let to = from;
      while (to < n && buf[to] !== q) {
        if (buf[to] === LT) throw new Unsupported('< in attribute');
        to++;
      }
      if (to === n) return -1;
      p = to + 1;
      if (id !== T_OTHER) {
        const k = attrId(buf, ns, ne);
        if (k !== -1) {
          if (vs[k] !== -1) throw new Unsupported('duplicate attribute');
          vs[k] = from;
          ve[k] = to;
        }
      }
    }
    let self = false;
    if (buf[p] === SLASH) {
      if (p + 1 >= n) return -1;
      if (buf[p + 1] !== GT) throw new Unsupported('bad tag end');
      self = true;
      p++;
    }
    let name: number | string = id;
    if (id === T_OTHER) {
      const other = buf.toString('latin1', lt + 1, nameEnd);
      const colon = other.indexOf(':');
      if (colon !== -1 && isSheetName(other.slice(colon + 1))) throw new Unsupported('prefixed sheet element');
      name = other;
    }
    this.open(buf, id, self);
    if (self) this.closeId(id);
    else this.stack.push(name);
    return p + 1;
  }

  /**
   * `<c …>` with only r, s, t attributes and one plain `<v>` (no entity, no CR), or self-closing:
   * handed to the builder directly. Returns the index after `</c>`, or -1 to take the general path.
   */
  private quickCell(buf: Bytes, lt: number, n: number): number {
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
        const b = buf[to];
        if (b === LT || b === AMP || b < 0x20 || b >= 0x80) return -1;
        to++;
      }
      if (to >= n) return -1;
      if (c === 0x72 && !(seen & 1)) {
        seen |= 1;
        if (to > from) {
          col = 0;
          for (let k = from; k < to && k < from + 4; k++) {
            const l = buf[k] | 0x20;
            if (l < 97 || l > 122) break;
            col = col * 26 + (l - 96);
          }
        }
      } else if (c === 0x73 && !(seen & 2)) {
        seen |= 2;
        style = digits(buf, from, to);
        if (style === -1) return -1;
      } else if (c === 0x74 && !(seen & 4)) {
        seen |= 4;
        type = cellType(buf, from, to);
      } else return -1;
      p = to + 1;
    }
    const b = this.b;
    if (buf[p] === SLASH) {
      if (buf[p + 1] !== GT) return -1;
      b.startCellAt(col, style, type);
      b.endCell();
      return p + 2;
    }
    // `><v>` text `</v></c>`
    if (p + 4 >= n || buf[p + 1] !== LT || buf[p + 2] !== 0x76 || buf[p + 3] !== GT) return -1;
    const vs = p + 4;
    let ve = vs;
    let ascii = true;
    while (ve < n && buf[ve] !== LT) {
      const x = buf[ve];
      if (x === AMP || x === 0x0d) return -1;
      if (x >= 0x80) ascii = false;
      ve++;
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
    b.startCellAt(col, style, type);
    b.hasValue = true;
    b.value = ascii ? buf.latin1Slice(vs, ve) : buf.utf8Slice(vs, ve);
    b.endCell();
    return ve + 8;
  }

  /** An attribute's value as saxes gives it, or undefined. */
  private attr(buf: Bytes, k: number): string | undefined {
    const s = this.vs[k];
    return s === -1 ? undefined : attrValue(text(buf, s, this.ve[k]));
  }

  private isTrue(buf: Bytes, k: number): boolean {
    const s = this.vs[k];
    if (s === -1) return false;
    const n = this.ve[k] - s;
    if (n === 1) return buf[s] === 0x31;
    return n === 4 && buf[s] === 0x74 && buf.latin1Slice(s, s + 4) === 'true';
  }

  private open(buf: Bytes, id: number, self: boolean): void {
    const b = this.b;
    const vs = this.vs;
    const ve = this.ve;
    switch (id) {
      case T_ROW: {
        const n = vs[A_R] === -1 ? -1 : digits(buf, vs[A_R], ve[A_R]);
        if (n > 0) b.startRowAt(n, this.isTrue(buf, A_HIDDEN));
        else b.startRow(this.attr(buf, A_R), this.isTrue(buf, A_HIDDEN));
        break;
      }
      case T_C: {
        // Column from the reference's letters (none: the next column), style from its digits.
        const rs = vs[A_R];
        let col = -1;
        if (rs !== -1 && buf[rs] === AMP) col = columnOf(this.attr(buf, A_R)!) || 0;
        else if (rs !== -1 && ve[A_R] > rs) {
          col = 0;
          for (let k = rs; k < ve[A_R] && k < rs + 4; k++) {
            const c = buf[k] | 0x20;
            if (c < 97 || c > 122) break;
            col = col * 26 + (c - 96);
          }
        }
        const ss = vs[A_S];
        let style = ss === -1 ? 0 : digits(buf, ss, ve[A_S]);
        if (style === -1) {
          const v = this.attr(buf, A_S);
          style = v ? Number(v) : 0;
        }
        b.startCellAt(col, style, vs[A_T] === -1 ? 'n' : cellType(buf, vs[A_T], ve[A_T]));
        break;
      }
      case T_V:
        b.hasValue = true;
        this.begin(VALUE);
        break;
      case T_F:
        this.commit();
        b.startFormula(this.attr(buf, A_T) === 'shared' ? this.attr(buf, A_SI) : undefined);
        this.begin(FORMULA);
        break;
      case T_IS:
        this.inInline = true;
        b.hasValue = true;
        break;
      case T_T:
        if (this.inInline && this.phonetic === 0) this.begin(VALUE);
        break;
      case T_RPH:
        if (!self) this.phonetic++;
        break;
      case T_COL:
        if (this.isTrue(buf, A_HIDDEN)) b.hideColumns(this.attr(buf, A_MIN), this.attr(buf, A_MAX));
        break;
      case T_MERGE:
        b.addMerge(this.attr(buf, A_REF));
    }
  }

  private close(buf: Buffer, s: number, e: number): void {
    const id = tagId(buf, s, e);
    const open = this.stack.pop();
    if (id !== T_OTHER ? open !== id : open !== buf.toString('latin1', s, e)) throw new Unsupported('mismatched end tag');
    this.closeId(id);
  }

  private closeId(id: number): void {
    const b = this.b;
    switch (id) {
      case T_V:
      case T_T:
        this.commit();
        break;
      case T_F:
        this.commit();
        b.endFormula();
        break;
      case T_IS:
        this.inInline = false;
        break;
      case T_RPH:
        this.phonetic--;
        break;
      case T_C:
        b.endCell();
        break;
      case T_ROW:
        b.endRow();
    }
  }
}

const SHEET_NAMES = new Set([
  'worksheet',
  'sheetData',
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'r',
  'rPh',
  'cols',
  'col',
  'mergeCells',
  'mergeCell',
]);
const isSheetName = (local: string) => SHEET_NAMES.has(local);
