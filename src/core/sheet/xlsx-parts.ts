// The small XLSX parts read before any sheet: where the workbook and its sheets are
// (relationships), sheet names and visibility, the 1904 date flag, and the shared strings.
import { posix } from 'node:path';
import { SheetReadError } from './errors';
import { limitError, SHEET_LIMITS } from './limits';
import type { SheetState } from './types';
import { localName, parseXml } from './xml';
import { readPart } from './xml-scan';
import type { ZipArchive } from './zip';

export interface XlsxSheetRef {
  name: string;
  state: SheetState;
  /** The sheet's XML entry inside the zip. */
  part: string;
}

export interface XlsxWorkbook {
  sheets: XlsxSheetRef[];
  date1904: boolean;
  /** The part holding styles and shared strings, when present. */
  stylesPart?: string;
  sharedStringsPart?: string;
}

interface Rel {
  type: string;
  target: string;
}

async function readRels(zip: ZipArchive, part: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  if (!zip.has(part)) return rels;
  await parseXml(
    zip.stream(part),
    {
      open(name, a) {
        if (localName(name) === 'Relationship' && a.Id && a.Target) rels.set(a.Id, { type: a.Type ?? '', target: a.Target });
      },
    },
    part,
  );
  return rels;
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

function relsOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

export async function readWorkbook(zip: ZipArchive): Promise<XlsxWorkbook> {
  const root = [...(await readRels(zip, '_rels/.rels')).values()].find((r) => r.type.endsWith('/officeDocument'));
  const bookPart = root ? resolve('', root.target) : 'xl/workbook.xml';
  if (!zip.has(bookPart)) throw new SheetReadError('not-workbook', zip.has('content.xml') ? 'an OpenDocument file named .xlsx' : undefined);
  const rels = await readRels(zip, relsOf(bookPart));
  const book: XlsxWorkbook = { sheets: [], date1904: false };
  await parseXml(
    zip.stream(bookPart),
    {
      open(name, a) {
        const n = localName(name);
        if (n === 'workbookPr') book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
        else if (n === 'sheet') {
          const rel = rels.get(a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '');
          // Chart sheets and dialog sheets have no cells.
          if (!rel || !/\/worksheet$/.test(rel.type)) return;
          const state = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
          book.sheets.push({ name: a.name ?? `Sheet${book.sheets.length + 1}`, state, part: resolve(bookPart, rel.target) });
        }
      },
    },
    bookPart,
  );
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/styles')) book.stylesPart = resolve(bookPart, rel.target);
    if (rel.type.endsWith('/sharedStrings')) book.sharedStringsPart = resolve(bookPart, rel.target);
  }
  return book;
}

/** The shared string table: rich-text runs joined, phonetic guides (`rPh`) left out. */
export async function readSharedStrings(zip: ZipArchive, part: string, signal?: AbortSignal): Promise<string[]> {
  let strings: string[] = [];
  await readPart(
    zip,
    part,
    () => {
      strings = [];
      let current = '';
      let inT = false;
      let phonetic = 0;
      let total = 0;
      return {
        open(name) {
          const n = localName(name);
          if (n === 'si') current = '';
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
          else if (n === 'si') {
            total += current.length;
            if (total > SHEET_LIMITS.sharedChars) throw limitError('shared-chars', part);
            if (strings.length >= SHEET_LIMITS.sharedStrings) throw limitError('shared-strings', part);
            strings.push(unescapeOoxml(current));
          }
        },
      };
    },
    signal,
  );
  return strings;
}

/** Excel writes control characters as `_x000D_`; a literal `_x` is itself escaped as `_x005F_`. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
