// Quick looks at a workbook for pickers: its sheets, and the header candidates of one sheet
// (read from its first rows only; the rest of the sheet is not parsed).
import type { HeaderGuess } from './header';
import { detectHeader, HEADER_SAMPLE } from './header';
import { openWorkbook } from './open';
import type { SheetMeta, SheetRow } from './types';
import type { ZipLimits } from './zip';

/** Rows read before giving up on finding more content (a sheet of mostly blank rows). */
const PEEK_ROWS = 500;

export async function listSheets(path: string, limits?: ZipLimits): Promise<SheetMeta[]> {
  const book = await openWorkbook(path, limits);
  const sheets: SheetMeta[] = [];
  await book.read({ sheet: (m) => (sheets.push(m), false), row: () => {}, sheetEnd: () => {} });
  return sheets;
}

export async function peekHeader(path: string, sheet: string, limits?: ZipLimits): Promise<HeaderGuess> {
  const book = await openWorkbook(path, limits);
  const rows: SheetRow[] = [];
  let content = 0;
  const stop = new AbortController();
  try {
    await book.read(
      {
        sheet: (m) => m.name === sheet,
        row(r) {
          rows.push(r);
          if (r.values.some((v) => v !== '')) content++;
          if (content >= 2 * HEADER_SAMPLE || rows.length >= PEEK_ROWS) stop.abort();
        },
        sheetEnd: () => stop.abort(),
      },
      stop.signal,
    );
  } catch (e) {
    if (!stop.signal.aborted) throw e;
  }
  return detectHeader(rows);
}
