// Reads an .xlsx workbook part by part from its zip central directory: relationships,
// styles and shared strings first (whatever their order in the archive), then each sheet.
import { readStyles, type CellStyle } from './xlsx-styles';
import { readWorkbook } from './xlsx-parts';
import { readSharedStrings } from './xlsx-strings';
import { readSheetFast } from './xlsx-fast';
import type { WorkbookSource, WorkbookVisitor } from './types';
import type { ZipArchive } from './zip';
import type { XlsxSheetContext } from './xlsx-rows';
import { SheetReadError } from './errors';
import { cellsAllowed } from './limits';
import { cachedStrings } from './strings-cache';
import { NO_SHARED_STRINGS } from './shared-strings';

export async function openXlsx(zip: ZipArchive): Promise<WorkbookSource> {
  const book = await readWorkbook(zip);
  return {
    format: 'xlsx',
    async read(visitor: WorkbookVisitor, signal?: AbortSignal) {
      // Styles and shared strings only once a sheet is wanted: listing the sheets reads neither.
      let ctx: XlsxSheetContext | null = null;
      for (const [index, s] of book.sheets.entries()) {
        if (visitor.sheet({ name: s.name, index, state: s.state }) === false) continue;
        if (!zip.has(s.part)) throw new SheetReadError('corrupt', `missing ${s.part}`);
        if (!ctx) {
          const styles: CellStyle[] = book.stylesPart && zip.has(book.stylesPart) ? await readStyles(zip.stream(book.stylesPart)) : [];
          const part = book.sharedStringsPart;
          const strings =
            part && zip.has(part)
              ? await cachedStrings(zip.identity(part), () => readSharedStrings(zip, part, signal), signal)
              : NO_SHARED_STRINGS;
          ctx = { strings, styles, date1904: book.date1904, maxCells: cellsAllowed(zip.size) };
        }
        visitor.sheetEnd(await readSheetFast(zip, s.part, ctx, (r) => visitor.row(r), signal));
      }
    },
  };
}
