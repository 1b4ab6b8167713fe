// Rows of a workbook (XLSX, ODS) for the chart, through the spreadsheet reader the linter
// uses: the header is found below any title rows, and the first visible sheet that holds a
// table is the one charted (or the sheet asked for by name).
import type { Row } from '../model';
import { openWorkbook } from '../sheet/open';
import { SheetTableFeeder } from '../sheet/table';
import type { ReadInfo, RowSink } from './read-rows';
import { CancelledError, UnreadableError } from './read-rows';

export async function readSheetRows(
  path: string,
  start: (info: ReadInfo) => RowSink,
  options: { sheet?: string; signal?: AbortSignal } = {},
): Promise<ReadInfo> {
  const book = await openWorkbook(path);
  let info: ReadInfo | null = null;
  let sink: RowSink | null = null;
  let feeder: SheetTableFeeder | null = null;
  await book.read(
    {
      sheet(meta) {
        if (info) return false;
        if (options.sheet ? meta.name !== options.sheet : meta.state !== 'visible') return false;
        const candidate: ReadInfo = { format: book.format, encoding: null, delimiter: null, sheet: meta.name };
        // The sink is asked for only when the sheet turns out to hold a table (its header row).
        feeder = new SheetTableFeeder(meta, book.format, (row: Row) => {
          if (!sink) sink = start((info = candidate));
          sink(row);
        });
      },
      row(r) {
        if (options.signal?.aborted) throw new CancelledError();
        feeder?.add(r);
      },
      sheetEnd() {
        feeder?.end();
        feeder = null;
      },
    },
    options.signal,
  );
  if (!info) throw new UnreadableError('empty');
  return info;
}
