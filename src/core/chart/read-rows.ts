// Rows of a CSV/TSV for the chart, with the linter's reader (same encoding and delimiter
// detection, same papaparse settings), so the chart and the diagnostics see the same table.
// Small files are read whole; large ones stream from disk in fixed chunks, memory stays flat.
import { readFile, stat } from 'node:fs/promises';
import type { Row, TableFormat } from '../model';
import { CsvRowReader } from '../read/csv';
import { decode, sniffBinary } from '../read/decode';
import { isUnreadable, withFileText, type FileText } from '../read/text-stream';
import { detectDelimiter } from '../read/dialect';

export type CsvFormat = 'csv' | 'tsv';

export interface ReadInfo {
  format: TableFormat;
  /** Null for text an editor decoded already, and for workbooks. */
  encoding: string | null;
  /** Null for workbooks. */
  delimiter: string | null;
  /** The sheet read, for workbooks. */
  sheet?: string;
}

/** Receives the rows of one pass, header first. A new sink is asked for if the pass restarts. */
export type RowSink = (row: Row) => void;

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Files above this many bytes stream from disk instead of being read whole. */
  streamAbove?: number;
  chunkBytes?: number;
}

export class UnreadableError extends Error {
  constructor(readonly kind: 'empty' | 'binary' | 'nul') {
    super(`unreadable table (${kind})`);
  }
}

export { CancelledError } from '../read/text-stream';

const STREAM_ABOVE = 64 * 1024 * 1024;

/** Feeds decoded text to the reader; returns what was detected. */
export function readTextRows(text: string, format: CsvFormat, sink: RowSink): ReadInfo {
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(text);
  new CsvRowReader({ delimiter, quoteChar: '"' }, sink).feed(text, true);
  return { format, encoding: null, delimiter };
}

export async function readFileRows(
  path: string,
  format: CsvFormat,
  start: (info: ReadInfo) => RowSink,
  options: ReadOptions = {},
): Promise<ReadInfo> {
  const total = (await stat(path)).size;
  if (total <= (options.streamAbove ?? STREAM_ABOVE)) {
    const buf = await readFile(path);
    const sniff = sniffBinary(buf);
    if (sniff) throw new UnreadableError(sniff.fatal);
    const { text, encoding } = decode(buf);
    const delimiter = format === 'tsv' ? '\t' : detectDelimiter(text);
    const info = { format, encoding, delimiter };
    new CsvRowReader({ delimiter, quoteChar: '"' }, start(info)).feed(text, true);
    options.onProgress?.(total, total);
    return info;
  }
  const res = await withFileText(path, options, (file) => stream(file, format, start));
  if (isUnreadable(res)) throw new UnreadableError(res.fatal);
  return res;
}

/** One pass over a large file; it starts again from scratch if the encoding had to change. */
async function stream(file: FileText, format: CsvFormat, start: (info: ReadInfo) => RowSink): Promise<ReadInfo> {
  let reader: CsvRowReader | null = null;
  let info: ReadInfo | null = null;
  await file.forEachChunk((chunk, final) => {
    if (!reader && chunk.text === '' && final) return;
    if (!reader) {
      info = { format, encoding: file.encoding, delimiter: format === 'tsv' ? '\t' : detectDelimiter(chunk.text) };
      reader = new CsvRowReader({ delimiter: info.delimiter!, quoteChar: '"' }, start(info));
    }
    return reader.feed(chunk, final, file.rereads);
  });
  if (!info) throw new UnreadableError('empty');
  return info;
}
