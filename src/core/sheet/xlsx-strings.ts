// The shared string table (xl/sharedStrings.xml), read before a sheet's first row. Nearly every
// entry is `<si><t>text</t></si>`: the byte tokenizer hands those over whole (`quick`), so the
// table costs a slice per string instead of three events; rich text, phonetic guides, entities
// and anything else go through the general events, with the same result. Plain entries stay
// bytes until a cell asks for them (shared-strings.ts).
import { limitError, SHEET_LIMITS } from './limits';
import { localName } from './xml';
import { AMP, bytesAt, GT, LT, type Bytes } from './xml-bytes';
import { readPart } from './xml-scan';
import type { ZipArchive } from './zip';
import { SharedStrings, unescapeOoxml } from './shared-strings';

/** The shared string table: rich-text runs joined, phonetic guides (`rPh`) left out. */
export async function readSharedStrings(zip: ZipArchive, part: string, signal?: AbortSignal): Promise<SharedStrings> {
  let table = new SharedStrings();
  await readPart(
    zip,
    part,
    () => {
      table = new SharedStrings();
      const strings = table;
      let current = '';
      let inSi = false;
      let inT = false;
      let phonetic = 0;
      // The table's text length: plain entries count their bytes (at least their length) until
      // that passes the limit, and their exact length from then on.
      let total = 0;
      let exact = false;
      const entries = new PlainEntries();
      const counted = (length: number) => {
        total += length;
        if (total > SHEET_LIMITS.sharedChars && !exact) {
          exact = true;
          total = general + strings.bytesEntriesLength();
        }
        if (total > SHEET_LIMITS.sharedChars) throw limitError('shared-chars', part);
        if (strings.length >= SHEET_LIMITS.sharedStrings) throw limitError('shared-strings', part);
      };
      let general = 0;
      const add = (s: string) => {
        general += s.length;
        counted(s.length);
        strings.addText(unescapeOoxml(s));
      };
      return {
        open(name) {
          const n = localName(name);
          if (n === 'si') ((current = ''), (inSi = true));
          else if (n === 't') inT = phonetic === 0;
          else if (n === 'rPh') phonetic++;
        },
        text(t) {
          if (!inT) return;
          current += t;
          if (current.length > SHEET_LIMITS.cellChars) throw limitError('cell-chars', `${part}, string ${strings.length}`);
        },
        close(name) {
          const n = localName(name);
          if (n === 't') inT = false;
          else if (n === 'rPh') phonetic--;
          else if (n === 'si') (add(current), (inSi = false));
        },
        quick(buf, lt, n) {
          if (inSi) return -1;
          const s = entries.at(buf, lt, n);
          if (s < 0) return -1;
          const e = entries.textEnd;
          if (e - s > SHEET_LIMITS.cellChars) return -1;
          if (exact) add(buf.utf8Slice(s, e));
          else (counted(e - s), strings.addBytes(buf, s, e));
          return e + SI_CLOSE.length;
        },
      };
    },
    signal,
  );
  return table.done();
}

/** `<t>` or `<t xml:space="preserve">` right after `<si>` (bytes 4..). */
const T_OPEN = Buffer.from('<t>', 'latin1');
const T_PRESERVE = Buffer.from('<t xml:space="preserve">', 'latin1');
const SI_CLOSE = Buffer.from('</t></si>', 'latin1');

/** Plain entries of one read; it holds the buffer being read only until the next one. */
class PlainEntries {
  /** Where the last matching entry's text ends. */
  textEnd = 0;
  /** The next `&` and CR of the buffer being read, found natively and searched again once passed. */
  private marksOf: Bytes | null = null;
  private nextAmp = -1;
  private nextCr = -1;

  /**
   * `<si><t[ xml:space="preserve"]>text</t></si>` with no entity and no CR in the text, whole in
   * the buffer: the index where the text starts (textEnd: where it ends), or -1.
   */
  at(b: Bytes, lt: number, n: number): number {
    if (b[lt + 1] !== 0x73 || b[lt + 2] !== 0x69 || b[lt + 3] !== GT) return -1;
    let s = lt + 4;
    if (bytesAt(b, s, n, T_OPEN)) s += T_OPEN.length;
    else if (bytesAt(b, s, n, T_PRESERVE)) s += T_PRESERVE.length;
    else return -1;
    const e = b.indexOf(LT, s);
    if (e === -1 || !bytesAt(b, e, n, SI_CLOSE)) return -1;
    if (this.marksOf !== b) ((this.marksOf = b), (this.nextAmp = this.nextCr = -2));
    if (this.nextAmp !== -1 && this.nextAmp < s) this.nextAmp = b.indexOf(AMP, s);
    if (this.nextCr !== -1 && this.nextCr < s) this.nextCr = b.indexOf(0x0d, s);
    if ((this.nextAmp !== -1 && this.nextAmp < e) || (this.nextCr !== -1 && this.nextCr < e)) return -1;
    this.textEnd = e;
    return s;
  }
}

export { unescapeOoxml } from './shared-strings';
