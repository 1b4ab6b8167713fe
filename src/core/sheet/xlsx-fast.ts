// Reads one worksheet with the byte scanner (xlsx-scan.ts) and, when it meets markup it does
// not handle, again with saxes from the start, giving only the rows the scanner had not given.
import type { Readable } from 'node:stream';
import { asSheetError } from './errors';
import type { SheetEnd, SheetRow } from './types';
import { readXlsxSheet } from './xlsx-sheet';
import { XlsxScanner } from './xlsx-scan';
import { Unsupported } from './xml-bytes';
import { XlsxRowBuilder, type XlsxSheetContext } from './xlsx-rows';
import type { ZipArchive } from './zip';
import { takeTurns } from './turns';
import { forceSaxes, noteFallback, sheetReaderStats } from './scanner-choice';

export async function readSheetFast(
  zip: ZipArchive,
  part: string,
  ctx: XlsxSheetContext,
  onRow: (row: SheetRow) => void,
  signal?: AbortSignal,
): Promise<SheetEnd> {
  if (forceSaxes()) return readXlsxSheet(zip.stream(part), ctx, onRow, part, signal);
  let given = 0;
  const builder = new XlsxRowBuilder(
    ctx,
    (r) => {
      given = r.number;
      onRow(r);
    },
    part,
    signal,
  );
  const scanner = new XlsxScanner(builder);
  let stream: Readable | null = null;
  try {
    stream = await zip.inflate(part);
    const turn = takeTurns();
    for await (const chunk of stream) {
      await turn();
      signal?.throwIfAborted();
      scanner.write(chunk as Buffer);
    }
    scanner.finish();
    sheetReaderStats.fast++;
    return builder.end();
  } catch (e) {
    stream?.destroy();
    if (!(e instanceof Unsupported)) throw signal?.aborted ? e : asSheetError(e, part);
    noteFallback(e.message);
  }
  return readXlsxSheet(zip.stream(part), ctx, (r) => r.number > given && onRow(r), part, signal);
}
