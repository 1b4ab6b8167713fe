// The fast worksheet reader (#24): scans the inflated bytes of xl/worksheets/sheetN.xml for
// the few elements the linter needs (row, c, v, f, is/t, col, mergeCell) without building
// an object per tag, into the same XlsxRowBuilder as the saxes reader. Markup it does not
// handle (CDATA, a DOCTYPE, prefixed sheet elements, unbalanced tags, unknown entities)
// throws Unsupported: the caller then reads the sheet with saxes, skipping the rows already given.
import { SHEET_LIMITS } from './limits';
import { A_HIDDEN, A_MAX, A_MIN, A_R, A_REF, A_S, A_SI, A_T, attrId, cellType, digits, isSheetName, isTrueValue } from './xlsx-names';
import { refColumn, tagId } from './xlsx-names';
import { T_C, T_COL, T_F, T_IS, T_MERGE, T_OTHER, T_ROW, T_RPH, T_T, T_V } from './xlsx-names';
import { quickCell } from './xlsx-quick-cell';
import type { XlsxRowBuilder } from './xlsx-rows';
import {
  AMP,
  attrValue,
  Carry,
  checkName,
  checkPi,
  checkOutside,
  GT,
  isSpace,
  LT,
  safeTextEnd,
  SLASH,
  text,
  Unsupported,
  utf8Start,
  CHUNK_MARGIN,
} from './xml-bytes';
import { xmlText, type Bytes } from './xml-bytes';
import { isRowEnd, RowTags } from './xlsx-quick-row';

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;

export class XlsxScanner {
  private readonly carry = new Carry('worksheet');
  private capture = NONE;
  private inInline = false;
  private phonetic = 0;
  /** Open elements (tag id, or the name of others), to refuse what the saxes reader would call malformed. */
  private readonly stack: (number | string)[] = [];
  /** Row tags like the last one read in full, read without the attribute loop. */
  private readonly rowTags = new RowTags();
  /** No chunk follows: markup cut by the end is the part's, not the chunk's. */
  private final = false;

  private started = false;
  /** The root element was opened: another element at the top is saxes's error. */
  private rooted = false;
  /** Raw text of the value or formula being captured, and what the builder held before it. */
  private text = '';
  private base = '';
  /** Where the values of the attributes the sheet needs start and end in the tag being read (-1: absent). */
  private readonly vs = new Int32Array(8);
  private readonly ve = new Int32Array(8);
  /** Where the unread attribute names of the current tag start and end: a duplicate is saxes's error. */
  private readonly otherS = new Int32Array(32);
  private readonly otherE = new Int32Array(32);

  constructor(private readonly b: XlsxRowBuilder) {}

  private readonly scanOne = (buf: Bytes): number => this.scan(buf);

  write(chunk: Buffer): void {
    this.carry.feed(chunk, this.scanOne);
  }

  finish(): void {
    this.final = true;
    this.carry.flush(this.scanOne);
    if (this.carry.unterminated()) throw new Unsupported('unterminated markup');
    if (this.stack.length > 0 || !this.started) throw new Unsupported('unclosed elements');
  }

  /** Scans whole tags and text runs; returns where the unfinished tail starts. */
  private scan(buf: Bytes): number {
    let i = 0;
    const n = buf.length;
    if (!this.started) {
      i = utf8Start(buf);
      if (i === -1) return 0;
      this.started = true;
    }
    // Read once per chunk, not at the first chunk's end: a field first read in the loop after
    // the scanner was compiled sends it back to the interpreter (about 1 700 rows in).
    const stop = this.final ? n : n - CHUNK_MARGIN;
    while (i < n) {
      if (i > stop) return i;
      // Tags sit a few bytes apart: a plain loop beats a native indexOf call per tag.
      let lt = i;
      while (lt < n && buf[lt] !== LT) lt++;
      if (lt === n) {
        if (this.capture !== NONE) return this.partialText(buf, i);
        // Keep a possible entity whole for the next chunk.
        const amp = buf.lastIndexOf(AMP, n - 1);
        if (amp >= i && n - amp < 16) return amp;
        this.outside(buf, i, n);
        return n;
      }
      if (lt > i) {
        if (this.capture !== NONE) this.addText(text(buf, i, lt));
        else this.outside(buf, i, lt);
      }
      // Most of a sheet is `<c r="B2" s="1" t="s"><v>7</v></c>`: read in one go when it is exactly that.
      const quick =
        this.capture === NONE && buf[lt + 1] === 0x63 && buf[lt + 2] === 0x20 && this.stack.length > 0 ? quickCell(this.b, buf, lt, n) : -1;
      if (quick !== -1) {
        i = quick;
        continue;
      }
      const row = this.capture === NONE && this.stack.length > 0 && lt + 8 < n ? this.quickRow(buf, lt, n) : -1;
      if (row !== -1) {
        i = row;
        continue;
      }
      const next = this.tag(buf, lt);
      if (next === -1) return lt;
      i = next;
    }
    return n;
  }

  /** Text that is no value: checked for entities, and outside the root only white space. */
  private outside(buf: Bytes, s: number, e: number): void {
    if (this.stack.length === 0) {
      for (let k = s; k < e; k++) if (!isSpace(buf[k])) throw new Unsupported('text outside the root');
    } else checkOutside(buf, s, e);
  }

  /** A value cut by the chunk's end: decoded up to a safe point, the rest kept for the next chunk. */
  private partialText(buf: Bytes, s: number): number {
    const k = safeTextEnd(buf, s);
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
      if (q === -1) return -1;
      checkPi(buf, lt + 2, q);
      return q + 2;
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
    let others = 0;
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
      let amp = false;
      while (to < n && buf[to] !== q) {
        if (buf[to] === LT) throw new Unsupported('< in attribute');
        if (buf[to] === AMP) amp = true;
        to++;
      }
      if (to === n) return -1;
      p = to + 1;
      // saxes wants white space between attributes.
      if (p < n && !isSpace(buf[p]) && buf[p] !== GT && buf[p] !== SLASH) throw new Unsupported('attributes not apart');
      // The names it knows are names; any other is checked as saxes would.
      const k = id === T_OTHER ? -1 : attrId(buf, ns, ne);
      if (k === -1) {
        checkName(buf, ns, ne);
        others = this.noteOther(buf, ns, ne, others);
        // Unread, but its entities must be ones saxes accepts.
        if (amp) attrValue(text(buf, from, to));
      } else {
        // The attributes it reads are read from their bytes: an entity there is saxes's business.
        if (amp) throw new Unsupported('entity in a cell attribute');
        if (vs[k] !== -1) throw new Unsupported('duplicate attribute');
        vs[k] = from;
        ve[k] = to;
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
      checkName(buf, lt + 1, nameEnd);
      const other = buf.toString('latin1', lt + 1, nameEnd);
      const colon = other.indexOf(':');
      if (colon !== -1 && isSheetName(other.slice(colon + 1))) throw new Unsupported('prefixed sheet element');
      name = other;
    }
    if (this.stack.length === 0) {
      if (this.rooted) throw new Unsupported('second root');
      this.rooted = true;
    }
    this.open(buf, id, self);
    if (self) this.closeId(id);
    else this.stack.push(name);
    if (id === T_ROW && !self) this.rowTags.note(buf, lt, p, this.vs[A_R], this.ve[A_R], this.isTrue(buf, A_HIDDEN));
    return p + 1;
  }

  /** `</row>`, or a row tag `RowTags` knows: the index after it, or -1 for the general path. */
  private quickRow(buf: Bytes, lt: number, n: number): number {
    if (isRowEnd(buf, lt)) {
      if (this.stack[this.stack.length - 1] !== T_ROW) return -1;
      this.stack.pop();
      this.b.endRow();
      return lt + 6;
    }
    const r = this.rowTags.match(buf, lt, n);
    if (r === -1) return -1;
    this.b.startRowAt(r, false);
    this.stack.push(T_ROW);
    return this.rowTags.end;
  }

  /** Notes the `others`-th unread attribute name of a tag, refusing a repeated one; the new count. */
  private noteOther(buf: Bytes, s: number, e: number, others: number): number {
    if (others === this.otherS.length) throw new Unsupported('many attributes');
    const len = e - s;
    for (let j = 0; j < others; j++) {
      const os = this.otherS[j];
      if (this.otherE[j] - os !== len) continue;
      let k = 0;
      while (k < len && buf[os + k] === buf[s + k]) k++;
      if (k === len) throw new Unsupported('duplicate attribute');
    }
    this.otherS[others] = s;
    this.otherE[others] = e;
    return others + 1;
  }

  /** An attribute's value as saxes gives it, or undefined. */
  private attr(buf: Bytes, k: number): string | undefined {
    const s = this.vs[k];
    return s === -1 ? undefined : attrValue(text(buf, s, this.ve[k]));
  }

  private isTrue(buf: Bytes, k: number): boolean {
    return this.vs[k] !== -1 && isTrueValue(buf, this.vs[k], this.ve[k]);
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
        if (rs !== -1 && ve[A_R] > rs) col = refColumn(buf, rs, ve[A_R]);
        let style = vs[A_S] === -1 ? 0 : digits(buf, vs[A_S], ve[A_S]);
        if (style === -1) style = Number(this.attr(buf, A_S) || 0);
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
