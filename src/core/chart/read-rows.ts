// Rows of a CSV/TSV for the chart, with the linter's reader (same encoding and delimiter
// detection, same papaparse settings), so the chart and the diagnostics see the same table.
// Small files are read whole; large ones stream from disk in fixed chunks, memory stays flat.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Row, TableFormat } from '../model';
import { CsvRowReader } from '../read/csv';
import { decode, guessLegacyEncoding, isUtf8, sniffBinary } from '../read/decode';
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

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const STREAM_ABOVE = 64 * 1024 * 1024;
const HEAD = 256 * 1024;

/** Feeds decoded text to the reader; returns what was detected. */
export function readTextRows(text: string, format: CsvFormat, sink: RowSink): ReadInfo {
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(text);
  new CsvRowReader({ delimiter, quoteChar: '"' }, sink).feed(text, true);
  return { format, encoding: null, delimiter };
}

export async function readFileRows(path: string, format: CsvFormat, start: (info: ReadInfo) => RowSink, options: ReadOptions = {}): Promise<ReadInfo> {
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
  const head = await readHead(path);
  const sniff = sniffBinary(head);
  if (sniff) throw new UnreadableError(sniff.fatal);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // A head cut mid-character is still UTF-8 if only its last 3 bytes fail.
  const utf8 = isUtf8(head.subarray(bom ? 3 : 0, head.length === HEAD ? HEAD - 3 : head.length));
  try {
    return await stream(path, total, format, utf8 ? 'utf-8' : guessLegacyEncoding(head), bom, start, options);
  } catch (e) {
    if (!(e instanceof Utf8Error)) throw e;
    // UTF-8 at the start, not further on: read again as the legacy encoding.
    return stream(path, total, format, legacyEncoding(e.sample), bom, start, options);
  }
}

/** chardet names a mostly-ASCII chunk UTF-8 even though it failed to decode as such. */
function legacyEncoding(sample: Uint8Array): string {
  const name = guessLegacyEncoding(sample);
  return name === 'utf-8' || name === 'ascii' ? 'windows-1252' : name;
}

class Utf8Error extends Error {
  constructor(readonly sample: Uint8Array) {
    super('invalid utf-8');
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD);
    const { bytesRead } = await fh.read(buf, 0, HEAD, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function stream(path: string, total: number, format: CsvFormat, encoding: string, bom: boolean, start: (info: ReadInfo) => RowSink, options: ReadOptions): Promise<ReadInfo> {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const legacy = encoding === 'utf-8' ? null : iconv.getDecoder(encoding);
  let reader: CsvRowReader | null = null;
  let info: ReadInfo | null = null;
  let bytes = 0;
  let skipBom = bom;
  const input = createReadStream(path, { highWaterMark: options.chunkBytes ?? 4 * 1024 * 1024 });
  try {
    for await (const raw of input as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new CancelledError();
      const chunk = skipBom ? raw.subarray(3) : raw;
      skipBom = false;
      let text: string;
      if (legacy) text = legacy.write(chunk);
      else {
        try {
          text = strict.decode(chunk, { stream: true });
        } catch {
          throw new Utf8Error(chunk);
        }
      }
      if (!reader) {
        info = { format, encoding, delimiter: format === 'tsv' ? '\t' : detectDelimiter(text) };
        reader = new CsvRowReader({ delimiter: info.delimiter!, quoteChar: '"' }, start(info));
      }
      reader.feed(text, false);
      bytes += raw.length;
      options.onProgress?.(bytes, total);
    }
    if (!reader || !info) throw new UnreadableError('empty');
    reader.feed(legacy ? (legacy.end() ?? '') : strict.decode(), true);
    return info;
  } finally {
    input.destroy();
  }
}
