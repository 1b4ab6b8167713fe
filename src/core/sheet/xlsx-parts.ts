// The small XLSX parts read before any sheet: where the workbook and its sheets are
// (relationships), sheet names and visibility, the 1904 date flag; the shared strings are in xlsx-strings.ts.
import { posix } from 'node:path';
import { SheetReadError } from './errors';
import type { SheetState } from './types';
import { localName, parseXml } from './xml';
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
