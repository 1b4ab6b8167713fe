// The text a stored XLSX cell value becomes (shared string, number, date, boolean, error), for
// both readers. The byte scanner hands the common values over as bytes: a shared string index,
// a canonical number or a whole date serial then costs no intermediate string.
import { booleanText, isoDateTimeText, numberText, serialToIso, type DateKind } from './cell-text';
import { unescapeOoxml, type SharedStrings } from './shared-strings';
import type { CellStyle } from './xlsx-styles';
import type { Bytes } from './xml-bytes';
import { SMALL_IDS, type TextIds } from './text-ids';

/** What the value is, as the cell facts say it: an index into PLAIN_TYPES. */
export const P_STRING = 0;
export const P_NUMBER = 1;
export const P_DATE = 2;
export const P_BOOLEAN = 3;
export const P_ERROR = 4;
export const P_EMPTY = 5;
export const PLAIN_TYPES = ['string', 'number', 'date', 'boolean', 'error', 'empty'] as const;

const DATE_KINDS = ['date', 'datetime', 'time'] as const;

/**
 * Whether bytes s..e are a number exactly as `numberText(Number(text))` writes it: an optional
 * minus, no leading zero, no trailing fractional zero, no exponent, at most 15 characters (so at
 * most 15 significant digits, which a double keeps exactly) and not below 1e-6 (String() would
 * switch to an exponent).
 */
export function isCanonicalNumber(b: Bytes, s: number, e: number): boolean {
  const n = e - s;
  if (n === 0 || n > 15) return false;
  let k = s;
  if (b[k] === 0x2d) k++;
  if (k === e) return false;
  const lead = b[k];
  if (lead < 0x30 || lead > 0x39) return false;
  const zero = lead === 0x30;
  k++;
  if (zero && k < e && b[k] !== 0x2e) return false;
  while (k < e && b[k] >= 0x30 && b[k] <= 0x39) k++;
  if (k === e) return !(zero && b[s] === 0x2d); // "-0" is written "0"
  if (b[k] !== 0x2e || k + 1 === e || b[e - 1] === 0x30) return false;
  const dot = ++k;
  while (k < e && b[k] >= 0x30 && b[k] <= 0x39) k++;
  if (k !== e) return false;
  if (zero) {
    let z = dot;
    while (b[z] === 0x30) z++;
    if (z - dot > 5) return false;
  }
  return true;
}

/** The text of the whole numbers 0–9999, made once. */
const SMALL: string[] = new Array<string>(SMALL_IDS);

/** Turns one sheet's cell values into text; remembers the date serials it already converted. */
export class CellValues {
  /** The kind of the last value typed (P_*). */
  plain = P_STRING;
  /** The id of the last value's text (`Row.ids`: a shared string's index, see text-ids.ts), or -1. */
  id = -1;
  private dates = new Map<string, string>();
  private days = new Map<number, string>();

  constructor(
    private readonly strings: SharedStrings,
    private readonly date1904: boolean,
    private readonly ids: TextIds,
  ) {}

  /** The text of a cell of type `type` whose `<v>` (or inline text) is `value`. */
  text(type: string, value: string, st: CellStyle): string {
    this.id = -1;
    switch (type) {
      case 's': {
        this.plain = P_STRING;
        const i = Number(value);
        const text = this.strings.get(i);
        this.id = text === undefined ? -1 : i;
        return text ?? '';
      }
      case 'str':
      case 'inlineStr':
        this.plain = P_STRING;
        return unescapeOoxml(value);
      case 'b': {
        this.plain = P_BOOLEAN;
        const yes = value === '1' || value === 'true';
        this.id = this.ids.booleans + (yes ? 1 : 0);
        return booleanText(yes);
      }
      case 'e':
        this.plain = P_ERROR;
        return value;
      case 'd':
        this.plain = P_DATE;
        return isoDateTimeText(value);
      default:
        return this.stored(value, st);
    }
  }

  /** A number cell's text (`t="n"` or none), a date when its style says so. */
  private stored(value: string, st: CellStyle): string {
    if (value === '') {
      this.plain = P_EMPTY;
      return '';
    }
    const n = Number(value);
    if (st.dateKind) {
      this.plain = P_DATE;
      // A whole serial has the text and the id the byte scanner gives it.
      if (Number.isInteger(n) && n >= 0) return this.day(n, st.dateKind);
      const key = st.dateKind + value;
      let iso = this.dates.get(key);
      if (iso === undefined) {
        if (this.dates.size >= 4096) this.dates = new Map();
        this.dates.set(key, (iso = serialToIso(n, st.dateKind, this.date1904)));
      }
      return iso;
    }
    this.plain = P_NUMBER;
    if (Number.isInteger(n) && n >= 0 && n < SMALL_IDS) {
      this.id = this.ids.small + n;
      return (SMALL[n] ??= numberText(n));
    }
    return numberText(n);
  }

  /** The text of a whole date serial; its id while the table gives dates one. */
  private day(serial: number, kind: DateKind): string {
    const key = serial * 4 + DATE_KINDS.indexOf(kind);
    const id = this.ids.date(key);
    if (id !== -1) {
      this.id = id;
      return (this.ids.dateTexts[this.ids.dateSlot(id)] ??= serialToIso(serial, kind, this.date1904));
    }
    let iso = this.days.get(key);
    if (iso === undefined) {
      if (this.days.size >= 4096) this.days = new Map();
      this.days.set(key, (iso = serialToIso(serial, kind, this.date1904)));
    }
    return iso;
  }

  /**
   * The same text read from the value's bytes s..e, or null when only `text` knows it; `num` is
   * the bytes' value when they are 1–9 digits, else -1 (`digits(b, s, e)`, read by the scanner).
   */
  fromBytes(type: string, b: Bytes, s: number, e: number, ascii: boolean, st: CellStyle, num: number): string | null {
    this.id = -1;
    if (type === 's') {
      const i = num;
      if (i === -1) return null;
      this.plain = P_STRING;
      const text = this.strings.get(i);
      this.id = text === undefined ? -1 : i;
      return text ?? '';
    }
    if (type === 'n') {
      if (!ascii) return null;
      if (!st.dateKind) {
        // Small whole numbers (ids, years, counts) repeat down a column: one string each.
        if (e - s <= 4 && (b[s] !== 0x30 || e - s === 1)) {
          const v = num;
          if (v !== -1) {
            this.plain = P_NUMBER;
            this.id = this.ids.small + v;
            return (SMALL[v] ??= b.latin1Slice(s, e));
          }
        }
        if (!isCanonicalNumber(b, s, e)) return null;
        this.plain = P_NUMBER;
        return b.latin1Slice(s, e);
      }
      const serial = num;
      if (serial === -1) return null;
      this.plain = P_DATE;
      return this.day(serial, st.dateKind);
    }
    if (type === 'b' && e - s === 1 && (b[s] === 0x30 || b[s] === 0x31)) {
      this.plain = P_BOOLEAN;
      this.id = this.ids.booleans + (b[s] & 1);
      return booleanText(b[s] === 0x31);
    }
    return null;
  }
}
