// Rows of a source table (CSV/TSV, or a sheet of an XLSX/ODS) through the readers the linter
// uses, so the standardiser sees the table the diagnostics describe. Large CSVs stream.
import { formatOf } from '../lint-file';
import { readFileRows, UnreadableError, CancelledError, type ReadInfo } from '../chart/read-rows';
import { readSheetRows } from '../chart/read-sheet';
import { noSheetMessage, SheetReadError, sheetErrorMessage } from '../sheet/errors';
import { sourceError } from '../reader-diagnostics';
import { listSheets } from '../sheet/peek';
import { err } from './errors';

/** Where a row comes from: its line (CSV) or row (sheet) number, and the file's delimiter (null for a sheet). */
export interface RowAt {
  line: number;
  delimiter: string | null;
}

export type RowCallback = (values: string[], at: RowAt) => void;

export interface SourceRef {
  path: string;
  sheet?: string;
}

class Enough extends Error {}

/** Calls `onRow` for every row, header first; `limit` stops after that many rows (`stopped`: rows were left unread). */
export async function readSource(
  src: SourceRef,
  onRow: RowCallback,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<ReadInfo & { stopped?: true }> {
  const format = formatOf(src.path);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let n = 0;
  let info: ReadInfo | null = null;
  const start = (i: ReadInfo) => {
    info = i;
    return (row: { number: number; values: string[] }) => {
      if (options.limit !== undefined && n >= options.limit) {
        stop.abort();
        throw new Enough();
      }
      n++;
      onRow(row.values, { line: row.number, delimiter: i.delimiter });
    };
  };
  try {
    if (format === 'xlsx' || format === 'ods') {
      if (src.sheet !== undefined) {
        const names = (await listSheets(src.path)).map((s) => s.name);
        if (!names.includes(src.sheet))
          throw err('unreadable', noSheetMessage(src.path, src.sheet, names, 'en'), noSheetMessage(src.path, src.sheet, names, 'fr'));
      }
      return await readSheetRows(src.path, start, { sheet: src.sheet, signal });
    }
    if (format === 'xls')
      throw err(
        'unreadable',
        `${src.path}: .xls workbooks are not read; save it as .xlsx or .ods.`,
        `${src.path} : les classeurs .xls ne sont pas lus ; enregistrez-le en .xlsx ou .ods.`,
      );
    return await readFileRows(src.path, format === 'tsv' ? 'tsv' : 'csv', start, {
      signal,
      streamAbove: 16 * 1024 * 1024,
      chunkBytes: 1024 * 1024,
    });
  } catch (e) {
    if ((e instanceof Enough || e instanceof CancelledError) && stop.signal.aborted && info)
      return { ...(info as ReadInfo), stopped: true };
    if (e instanceof UnreadableError)
      throw err('unreadable', `${src.path}: ${sourceError(e.kind, 'en').message}`, `${src.path} : ${sourceError(e.kind, 'fr').message}`);
    if (e instanceof SheetReadError)
      throw err(
        'unreadable',
        `${src.path}: ${sheetErrorMessage(e.kind, 'en', e.detail)}`,
        `${src.path} : ${sheetErrorMessage(e.kind, 'fr', e.detail)}`,
      );
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT')
      throw err('unreadable', `${src.path}: no such file.`, `${src.path} : fichier introuvable.`);
    throw e;
  }
}
