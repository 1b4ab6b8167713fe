// A byte tokenizer giving the same open/text/close events as saxes (xml.ts) for the XML a
// spreadsheet holds, several times faster: no per-character state machine, names interned.
// What it does not handle (CDATA, DOCTYPE, another encoding, unknown entities, malformed
// markup) throws Unsupported, and the caller reads the part again with saxes.
import { asSheetError } from './errors';
import { parseXml, type Attrs, type XmlHandlers } from './xml';
import { takeTurns } from './turns';
import { forceSaxes, noteFallback, sheetReaderStats } from './scanner-choice';
import {
  AMP,
  attrValue,
  bytesAt,
  Carry,
  checkName,
  checkPi,
  GT,
  isSpace,
  isXmlBlank,
  LT,
  SLASH,
  text,
  Unsupported,
  utf8Start,
  xmlText,
  type Bytes,
} from './xml-bytes';
import type { ZipArchive } from './zip';

/** Reads a part with the tokenizer, or with saxes when it gives up; `make` builds fresh handlers for each attempt. */
export async function readPart(zip: ZipArchive, part: string, make: () => XmlHandlers, signal?: AbortSignal): Promise<void> {
  if (!forceSaxes()) {
    const stream = await zip.inflate(part);
    const scanner = new XmlScanner(make());
    try {
      const turn = takeTurns();
      for await (const chunk of stream) {
        await turn();
        signal?.throwIfAborted();
        scanner.write(chunk as Buffer);
      }
      scanner.finish();
      sheetReaderStats.fast++;
      return;
    } catch (e) {
      stream.destroy();
      if (!(e instanceof Unsupported)) throw signal?.aborted ? e : asSheetError(e, part);
      noteFallback(e.message);
    }
  }
  await parseXml(zip.stream(part), make(), part, signal);
}

const NAME_SLOTS = 2048;
const NO_ATTRS: Attrs = Object.freeze({});

/** No entity, no white space to normalise: the bytes are the value. */
function plain(b: Buffer, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = b[k];
    if (c === AMP || c === 0x09 || c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

export class XmlScanner {
  private readonly carry = new Carry('XML');
  private pending = '';
  private readonly stack: string[] = [];
  private started = false;
  /** The root element was opened: another element at the top is saxes's error. */
  private rooted = false;
  /** Names seen, found by a hash of their bytes: a sheet repeats a few dozen names millions of times. */
  private readonly slots: ({ bytes: Buffer; name: string; checked: boolean } | undefined)[] = new Array(NAME_SLOTS);
  private interned = 0;

  constructor(private readonly h: XmlHandlers) {}

  private readonly scanOne = (buf: Bytes): number => this.scan(buf);

  write(chunk: Buffer): void {
    this.carry.feed(chunk, this.scanOne);
  }

  finish(): void {
    if (this.carry.unterminated()) throw new Unsupported('unterminated markup');
    if (this.stack.length > 0 || !this.started) throw new Unsupported('unclosed elements');
    this.flushText();
  }

  private flushText(): void {
    if (this.pending === '') return;
    const t = this.pending;
    this.pending = '';
    if (this.stack.length === 0) {
      if (!isXmlBlank(t)) throw new Unsupported('text outside the root');
      return;
    }
    this.h.text?.(t.indexOf('&') !== -1 || t.indexOf('\r') !== -1 ? xmlText(t) : t);
  }

  /** An element or attribute name (checked the first time it is seen), or with `value`, a short value. */
  private name(buf: Bytes, s: number, e: number, value = false): string {
    // A few bytes and the length tell the names of a part apart; a collision only costs a probe.
    const len = e - s;
    let h = Math.imul(len, 0x9e3779b1) ^ buf[s] ^ (buf[e - 1] << 8) ^ (buf[s + (len >> 1)] << 16) ^ (buf[e - 3] << 24);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    for (let probe = 0, i = (h >>> 0) & (NAME_SLOTS - 1); probe < 8; probe++, i = (i + 1) & (NAME_SLOTS - 1)) {
      const slot = this.slots[i];
      if (slot === undefined) {
        if (!value) checkName(buf, s, e);
        const name = text(buf, s, e);
        if (this.interned < NAME_SLOTS / 2) {
          this.slots[i] = { bytes: Buffer.from(buf.subarray(s, e)), name, checked: !value };
          this.interned++;
        }
        return name;
      }
      if (slot.bytes.length !== len || !bytesAt(buf, s, e, slot.bytes)) continue;
      if (!value && !slot.checked) {
        // Seen as a value first, used as a name now.
        checkName(buf, s, e);
        slot.checked = true;
      }
      return slot.name;
    }
    if (!value) checkName(buf, s, e);
    return text(buf, s, e);
  }

  private scan(buf: Bytes): number {
    let i = 0;
    const n = buf.length;
    if (!this.started) {
      i = utf8Start(buf);
      if (i === -1) return 0;
      this.started = true;
    }
    while (i < n) {
      let lt = i;
      while (lt < n && buf[lt] !== LT) lt++;
      if (lt > i) {
        let e = lt;
        if (lt === n) {
          // Keep an entity or a UTF-8 sequence cut by the chunk's end for the next chunk.
          const amp = buf.lastIndexOf(AMP, n - 1);
          if (amp >= i && n - amp < 16) e = amp;
          let k = e;
          while (k > i && k > e - 4 && (buf[k - 1] & 0xc0) === 0x80) k--;
          if (k > i && buf[k - 1] >= 0xc0) e = k - 1;
        }
        this.pending += buf.utf8Slice(i, e);
        if (lt === n) return e;
      }
      // Text before the element goes through the general path first (it flushes it in order).
      if (this.h.quick && this.stack.length > 0 && this.pending === '') {
        const q = this.h.quick(buf, lt, n);
        if (q !== -1) {
          i = q;
          continue;
        }
      }
      const next = this.tag(buf, lt, n);
      if (next === -1) return lt;
      i = next;
    }
    return n;
  }

  private tag(buf: Bytes, lt: number, n: number): number {
    if (lt + 1 >= n) return -1;
    const c1 = buf[lt + 1];
    if (c1 === 0x3f) {
      const q = buf.indexOf('?>', lt + 2, 'latin1');
      if (q === -1) return -1;
      checkPi(buf, lt + 2, q);
      this.flushText();
      return q + 2;
    }
    if (c1 === 0x21) {
      if (n - lt < 9) return -1;
      if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
        const q = buf.indexOf('-->', lt + 4, 'latin1');
        if (q === -1) return -1;
        // saxes joins the text on both sides of a comment: keep it pending.
        return q + 3;
      }
      throw new Unsupported('CDATA or DOCTYPE');
    }
    if (c1 === SLASH) {
      let gt = lt + 2;
      while (gt < n && buf[gt] !== GT) gt++;
      if (gt === n) return -1;
      let e = gt;
      while (e > lt + 2 && isSpace(buf[e - 1])) e--;
      const name = this.name(buf, lt + 2, e);
      this.flushText();
      if (this.stack.pop() !== name) throw new Unsupported('mismatched end tag');
      this.h.close?.(name);
      return gt + 1;
    }
    let p = lt + 1;
    while (p < n && !isSpace(buf[p]) && buf[p] !== GT && buf[p] !== SLASH) p++;
    if (p >= n) return -1;
    if (p === lt + 1) throw new Unsupported('empty tag name');
    const nameEnd = p;
    // Most tags of a shared-string table or a style sheet have no attribute: one frozen empty set for them.
    let attrs: Attrs | null = null;
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
      if (buf[p] !== 0x3d || ne === ns) throw new Unsupported('attribute without value');
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
      const key = this.name(buf, ns, ne);
      attrs ??= {};
      if (key in attrs) throw new Unsupported('duplicate attribute');
      // Short values (types, style names) repeat like names do: interned the same way.
      attrs[key] =
        to - from <= 12 && buf[from] >= 0x41 && plain(buf, from, to) ? this.name(buf, from, to, true) : attrValue(text(buf, from, to));
      p = to + 1;
      // saxes wants white space between attributes.
      if (p < n && !isSpace(buf[p]) && buf[p] !== GT && buf[p] !== SLASH) throw new Unsupported('attributes not apart');
    }
    let self = false;
    if (buf[p] === SLASH) {
      if (p + 1 >= n) return -1;
      if (buf[p + 1] !== GT) throw new Unsupported('bad tag end');
      self = true;
      p++;
    }
    const name = this.name(buf, lt + 1, nameEnd);
    this.flushText();
    if (this.stack.length === 0) {
      if (this.rooted) throw new Unsupported('second root');
      this.rooted = true;
    }
    this.h.open?.(name, attrs ?? NO_ATTRS, self);
    if (self) this.h.close?.(name);
    else this.stack.push(name);
    return p + 1;
  }
}
