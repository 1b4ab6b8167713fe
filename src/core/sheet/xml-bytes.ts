// What the two byte scanners (xlsx-scan.ts for worksheets, xml-scan.ts for the other parts)
// share: byte constants, slicing, XML text decoding, and the partial tag carried from one
// inflated chunk to the next. Markup they do not handle throws Unsupported, and the caller
// reads the part again with saxes.
import { limitError } from './limits';

export class Unsupported extends Error {}

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const AMP = 0x26;
/** A partial tag carried to the next chunk may not grow beyond this. */
const MAX_CARRY = 64 * 1024 * 1024;
/**
 * The last bytes of a chunk are left for the next one (joined to it by Carry): a cell
 * or row cut by the chunk's end is then read whole by the quick paths instead of tag by tag. The
 * general path taken at every chunk's end saw too few cells to be compiled for them: each first
 * use of one of its branches sent the scanner back to the interpreter (7 to 14 recompilations).
 */
export const CHUNK_MARGIN = 512;

/** How much of a chunk is copied behind the previous chunk's unfinished tail. */
const JOIN_HEAD = 64 * 1024;

export const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Node's own slicers, without Buffer#toString's argument checks (a call per cell adds up). */
export interface Bytes extends Buffer {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/**
 * Bytes s..e must be an XML name, as saxes checks: ASCII letters, `_` or `:` first, then also
 * digits, `-` and `.`. A name with other bytes (non-ASCII ones included, whose rules are long)
 * is left to saxes, which accepts it or calls the part malformed.
 */
export function checkName(buf: Buffer, s: number, e: number): void {
  if (e <= s) throw new Unsupported('empty name');
  for (let k = s; k < e; k++) {
    const c = buf[k] | 0x20; // ASCII letters folded to lower case
    if ((c >= 0x61 && c <= 0x7a) || buf[k] === 0x5f || buf[k] === 0x3a) continue;
    if (k > s && ((buf[k] >= 0x30 && buf[k] <= 0x39) || buf[k] === 0x2d || buf[k] === 0x2e)) continue;
    throw new Unsupported('name');
  }
}

/** Whether `word` is at `p` in the first `n` bytes of `buf`. */
export function bytesAt(buf: Buffer, p: number, n: number, word: Buffer): boolean {
  if (p + word.length > n) return false;
  for (let k = 0; k < word.length; k++) if (buf[p + k] !== word[k]) return false;
  return true;
}

/** A word to find with `wordAt`: its bytes, and its whole 4-byte groups as little-endian integers. */
export interface Word {
  readonly bytes: Buffer;
  readonly quads: Int32Array;
}

export function word(s: string): Word {
  return wordOf(Buffer.from(s, 'latin1'));
}

/** A word of bytes read from a part (kept, not copied: the caller gives a copy). */
export function wordOf(bytes: Buffer): Word {
  const quads = new Int32Array(bytes.length >> 2);
  for (let j = 0; j < quads.length; j++) quads[j] = bytes.readInt32LE(4 * j);
  return { bytes, quads };
}

/** The buffer `wordAt` last read (held until another is read), and a view of it that reads 4 bytes at once. */
let viewed: Buffer | null = null;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

/**
 * `bytesAt` for a `Word`, 4 bytes per comparison: the ODS cell reader matches a few
 * long names per cell (`<table:table-cell`, `office:value-type="`, `</text:p></table:table-cell>`)
 * and a byte loop over them was 40 % of its time.
 */
export function wordAt(buf: Buffer, p: number, n: number, w: Word): boolean {
  const b = w.bytes;
  const len = b.length;
  if (p + len > n) return false;
  if (buf !== viewed) {
    viewed = buf;
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const q = w.quads;
  let k = 0;
  for (let j = 0; j < q.length; j++, k += 4) if (view.getInt32(p + k, true) !== q[j]) return false;
  for (; k < len; k++) if (buf[p + k] !== b[k]) return false;
  return true;
}

/** Text of bytes s..e: Latin-1 when they are ASCII (the usual number or reference), UTF-8 otherwise. */
export function text(b: Bytes, s: number, e: number): string {
  for (let k = s; k < e; k++) if (b[k] >= 0x80) return b.utf8Slice(s, e);
  return b.latin1Slice(s, e);
}

/** An XML 1.0 declaration exactly as the XML spec writes it (saxes checks the same). */
const S = '[ \\t\\r\\n]';
const EQ = `${S}*=${S}*`;
const quoted = (v: string) => `(?:"${v}"|'${v}')`;
const XML_DECL = new RegExp(
  `^<\\?xml${S}+version${EQ}${quoted('1\\.0')}(?:${S}+encoding${EQ}${quoted('([A-Za-z][A-Za-z0-9._-]*)')})?` +
    `(?:${S}+standalone${EQ}${quoted('(?:yes|no)')})?${S}*\\?>`,
);

/**
 * Where the markup of a part starts (after a UTF-8 mark and the XML declaration), or -1 while
 * fewer than 64 bytes are in. A UTF-16 or UTF-32 part, a declaration naming another encoding or
 * another version of XML, or one saxes would refuse, is saxes's business.
 */
export function utf8Start(buf: Bytes): number {
  const n = buf.length;
  if (n < 64) return -1;
  if (buf[0] === 0xfe || buf[0] === 0xff || buf[0] === 0 || buf[1] === 0) throw new Unsupported('encoding');
  const i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const head = buf.latin1Slice(i, Math.min(n, i + 200));
  if (!/^<\?xml[ \t\r\n?]/.test(head)) return i;
  const m = XML_DECL.exec(head);
  if (!m) throw new Unsupported('xml declaration');
  // The encoding is read from both quote styles' groups (only one is set).
  const encoding = m[1] ?? m[2];
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw new Unsupported('encoding');
  return i + m[0].length;
}

/** A processing instruction's target (from `s` to white space or `q`, its `?>`): a name, and not `xml`. */
export function checkPi(buf: Buffer, s: number, q: number): void {
  let e = s;
  while (e < q && !isSpace(buf[e])) e++;
  checkName(buf, s, e);
  if (e - s === 3 && (buf[s] | 0x20) === 0x78 && (buf[s + 1] | 0x20) === 0x6d && (buf[s + 2] | 0x20) === 0x6c)
    throw new Unsupported('xml declaration not first');
}

/** Whether `t` is only XML white space (space, tab, CR, LF; not the other Unicode spaces `trim` strips). */
export function isXmlBlank(t: string): boolean {
  for (let k = 0; k < t.length; k++) if (!isSpace(t.charCodeAt(k))) return false;
  return true;
}

/** Text outside values may only be white space or ordinary characters; a `&` is checked once. */
export function checkOutside(buf: Buffer, s: number, e: number): void {
  const amp = buf.indexOf(AMP, s);
  if (amp !== -1 && amp < e) xmlText(buf.toString('utf8', s, e));
}

/** Where text from s to the buffer's end can be cut: before a last entity or UTF-8 sequence that may be unfinished. */
export function safeTextEnd(buf: Bytes, s: number): number {
  let e = buf.length;
  const amp = buf.lastIndexOf(AMP, e - 1);
  if (amp >= s && e - amp < 16) e = amp;
  let k = e;
  while (k > s && k > e - 4 && (buf[k - 1] & 0xc0) === 0x80) k--;
  if (k > s && buf[k - 1] >= 0xc0) k--;
  else k = e;
  return k;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as the parser gives it: line ends normalised, the five entities and character references decoded. */
export function xmlText(raw: string): string {
  let s = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') === -1) return s;
  s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Unsupported('bare &');
    if (ref[0] !== '#') {
      const e = ENTITIES[ref];
      if (e === undefined) throw new Unsupported(`entity ${ref}`);
      return e;
    }
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code >= 0x20 || code === 9 || code === 10 || code === 13) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw new Unsupported('character reference');
    return String.fromCodePoint(code);
  });
  return s;
}

/** Attribute values: white space normalised as XML requires, entities decoded. */
export function attrValue(v: string): string {
  if (v.indexOf('\t') !== -1 || v.indexOf('\n') !== -1 || v.indexOf('\r') !== -1) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
  return v.indexOf('&') === -1 ? v : xmlText(v);
}

/**
 * The unfinished tail of a chunk (a tag cut in two), joined to the next chunk. Only the next
 * chunk's first bytes are copied behind the tail: joining whole 1 MiB chunks copied the whole
 * part once more (60 MB for the bench's sheet) and made a new buffer per chunk for the collector.
 */
export class Carry {
  private tail: Buffer | null = null;

  constructor(private readonly what: string) {}

  /** Scans `chunk` after the previous tail (`scan` returns where its own unfinished tail starts). */
  feed(chunk: Buffer, scan: (buf: Bytes) => number): void {
    const tail = this.tail;
    if (!tail) return this.keep(chunk, scan(chunk as Bytes));
    this.tail = null;
    const head = Math.min(chunk.length, JOIN_HEAD);
    const joined = Buffer.concat([tail, chunk.subarray(0, head)]) as Bytes;
    const end = scan(joined);
    if (head === chunk.length) return this.keep(joined, end);
    // What the joined bytes left unread is either in the chunk alone, or still reaches into the tail.
    const rest = (
      end >= tail.length ? chunk.subarray(end - tail.length) : Buffer.concat([joined.subarray(end), chunk.subarray(head)])
    ) as Bytes;
    this.keep(rest, scan(rest));
  }

  /** Scans the kept tail once more, when no chunk follows (the scanner left its last bytes for one). */
  flush(scan: (buf: Bytes) => number): void {
    const tail = this.tail;
    if (!tail) return;
    this.tail = null;
    this.keep(tail, scan(tail as Bytes));
  }

  /** Keeps `buf` from `end` on for the next chunk (a tag may not grow past MAX_CARRY). */
  keep(buf: Buffer, end: number): void {
    if (end >= buf.length) return;
    if (buf.length - end > MAX_CARRY) throw limitError('xml-size', this.what);
    this.tail = Buffer.from(buf.subarray(end));
  }

  /** Whether markup was left unterminated at the end of the part. */
  unterminated(): boolean {
    return this.tail !== null && this.tail.toString('latin1').trim() !== '';
  }
}
