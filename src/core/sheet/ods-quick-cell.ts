// The cell LibreOffice writes for nearly every value, `<table:table-cell office:value-type="float"
// office:value="3" calcext:value-type="float"><text:p>3</text:p></table:table-cell>` or
// `<table:table-cell/>`, read in one go by the byte tokenizer (xml-scan.ts): no name interning,
// no element stack, no event per tag. Anything else (an attribute not listed, an entity in an
// attribute, several paragraphs, markup inside the paragraph, a cell cut by the chunk's end)
// returns null and the general path reads it, so both paths give the same cell.
import { SHEET_LIMITS } from './limits';
import type { Attrs } from './xml';
import { AMP, GT, LT, SLASH, word, wordAt, xmlText, type Bytes, type Word } from './xml-bytes';

export interface QuickOdsCell {
  /** Index after `</table:table-cell>` (or `/>`). */
  end: number;
  attrs: Attrs;
  /** The paragraph's text, entities decoded. */
  text: string;
}

const OPEN = word('<table:table-cell');
const PARA = word('<text:p>');
const TAIL = word('</text:p></table:table-cell>');
const CLOSE = word('</table:table-cell>');
const NO_ATTRS: Attrs = Object.freeze({});

/** The attributes a cell may carry on this path; every one is read by ods-reader.ts or odsCell. */
const NAMES = [
  'table:style-name',
  'office:value-type',
  'office:value',
  'office:date-value',
  'office:boolean-value',
  'office:time-value',
  'office:string-value',
  'office:currency',
  'calcext:value-type',
  'table:formula',
  'table:number-columns-repeated',
  'table:number-columns-spanned',
  'table:number-rows-spanned',
];
/**
 * The names by their first and eighth bytes (`o`+`v` for office:value-type and office:value,
 * `t`+`t` for table:style-name…), most used first: a name is found by one comparison, made
 * while reading it, with no separate scan for its end.
 */
const KEY = (first: number, eighth: number) => (first << 8) | eighth;
const BY_KEY: ({ index: number; word: Word }[] | undefined)[] = new Array(1 << 16).fill(undefined);
NAMES.forEach((name, index) => {
  (BY_KEY[KEY(name.charCodeAt(0), name.charCodeAt(7))] ??= []).push({ index, word: word(`${name}="`) });
});

/**
 * Every cell's attributes with one shape (all names present, unset ones undefined), allocated in
 * one go: the reader's lookups stay monomorphic. Nothing enumerates a cell's attributes.
 * (A store per name in a switch measured no faster than the keyed store below.)
 */
class CellAttrs {
  'table:style-name': string | undefined = undefined;
  'office:value-type': string | undefined = undefined;
  'office:value': string | undefined = undefined;
  'office:date-value': string | undefined = undefined;
  'office:boolean-value': string | undefined = undefined;
  'office:time-value': string | undefined = undefined;
  'office:string-value': string | undefined = undefined;
  'office:currency': string | undefined = undefined;
  'calcext:value-type': string | undefined = undefined;
  'table:formula': string | undefined = undefined;
  'table:number-columns-repeated': string | undefined = undefined;
  'table:number-columns-spanned': string | undefined = undefined;
  'table:number-rows-spanned': string | undefined = undefined;
}

/** Value types repeat on every cell: the same strings, not a new one each time. */
const VALUES: { value: string; word: Word }[][] = [];
for (const value of ['float', 'string', 'date', 'boolean', 'percentage', 'currency', 'time', 'error', 'true', 'false'])
  (VALUES[value.length] ??= []).push({ value, word: word(value) });

/** The attribute name (with its `="`) at `s`, or undefined for one not listed. */
function attrAt(buf: Bytes, s: number, n: number): { index: number; word: Word } | undefined {
  if (s + 8 >= n) return undefined;
  const candidates = BY_KEY[KEY(buf[s], buf[s + 7])];
  if (candidates !== undefined) for (const c of candidates) if (wordAt(buf, s, n, c.word)) return c;
  return undefined;
}

function attrText(buf: Bytes, s: number, e: number, ascii: boolean): string {
  const known = VALUES[e - s];
  if (known !== undefined) for (const k of known) if (wordAt(buf, s, e, k.word)) return k.value;
  return ascii ? buf.latin1Slice(s, e) : buf.utf8Slice(s, e);
}

/** The cell whose `<` is at `lt`, or null for the general path. */
export function quickOdsCell(buf: Bytes, lt: number, n: number): QuickOdsCell | null {
  if (!wordAt(buf, lt, n, OPEN)) return null;
  let p = lt + OPEN.bytes.length;
  let attrs: Attrs | null = null;
  let seen = 0;
  for (;;) {
    if (p >= n) return null;
    let c = buf[p];
    if (c === SLASH || c === GT) break;
    if (c !== 0x20) return null;
    const name = attrAt(buf, ++p, n);
    if (name === undefined || seen & (1 << name.index)) return null;
    seen |= 1 << name.index;
    const index = name.index;
    p += name.word.bytes.length - 2;
    const from = p + 2;
    let to = from;
    let ascii = true;
    for (; to < n; to++) {
      c = buf[to];
      if (c === 0x22) break;
      // Entities, `<` and the white space XML normalises are the general path's.
      if (c === AMP || c === LT || c < 0x20) return null;
      if (c >= 0x80) ascii = false;
    }
    if (to >= n) return null;
    (attrs ??= new CellAttrs() as unknown as Attrs)[NAMES[index]] = attrText(buf, from, to, ascii);
    p = to + 1;
  }
  const a = attrs ?? NO_ATTRS;
  if (buf[p] === SLASH) return p + 1 < n && buf[p + 1] === GT ? { end: p + 2, attrs: a, text: '' } : null;
  p++;
  if (wordAt(buf, p, n, CLOSE)) return { end: p + CLOSE.bytes.length, attrs: a, text: '' };
  if (!wordAt(buf, p, n, PARA)) return null;
  const from = p + PARA.bytes.length;
  // The paragraph's end, read once for what its decoding needs: UTF-8 or not, entities or CRs.
  let to = from;
  let ascii = true;
  let escaped = false;
  for (; to < n; to++) {
    const c = buf[to];
    if (c === LT) break;
    if (c >= 0x80) ascii = false;
    else if (c === AMP || c === 0x0d) escaped = true;
  }
  if (to >= n || !wordAt(buf, to, n, TAIL) || to - from > SHEET_LIMITS.cellChars) return null;
  let text = ascii ? buf.latin1Slice(from, to) : buf.utf8Slice(from, to);
  if (escaped) text = xmlText(text);
  if (text.length > SHEET_LIMITS.cellChars) return null;
  return { end: to + TAIL.bytes.length, attrs: a, text };
}
