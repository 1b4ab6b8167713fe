// Lints a CSV from disk without loading it: fixed-size byte chunks are decoded
// incrementally and fed to the row reader, so memory stays flat for a 1 GB file.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { LintSession } from './engine';
import { readerDiagnostic, sourceError, type CsvLintOptions, type CsvLintResult } from './lint-csv';
import type { TableInfo } from './model';
import { CsvRowReader, RowTooLargeError } from './read/csv';
import { guessLegacyEncoding, isUtf8, sniffBinary } from './read/decode';
import { detectDelimiter } from './read/dialect';

export interface StreamOptions extends CsvLintOptions {
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
  chunkBytes?: number;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const SAMPLE = 256 * 1024;

export async function lintCsvFile(path: string, options: StreamOptions = {}): Promise<CsvLintResult> {
  const lang = options.lang ?? 'en';
  const total = (await stat(path)).size;
  const head = await readHead(path, SAMPLE);
  const sniff = sniffBinary(head);
  if (sniff) {
    const info: TableInfo = { format: options.format ?? 'csv', encoding: 'binary', delimiter: null };
    return { info, rows: 0, diagnostics: [sourceError(sniff.fatal, lang)], dropped: 0 };
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // A sample cut mid-character is still UTF-8 if only its last 3 bytes fail.
  const sampleUtf8 = isUtf8(head.subarray(bom ? 3 : 0, head.length === SAMPLE ? SAMPLE - 3 : head.length));
  const first = sampleUtf8 ? 'utf-8' : guessLegacyEncoding(head);
  try {
    return await pass(path, total, first, bom, options);
  } catch (e) {
    if (!(e instanceof Utf8Error)) throw e;
    // Valid UTF-8 at the start, not further on: start again with the legacy encoding.
    return pass(path, total, guessLegacyEncoding(e.sample), bom, options);
  }
}

class Utf8Error extends Error {
  constructor(readonly sample: Uint8Array) {
    super('invalid utf-8');
  }
}

async function readHead(path: string, n: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function pass(path: string, total: number, encoding: string, bom: boolean, options: StreamOptions): Promise<CsvLintResult> {
  const lang = options.lang ?? 'en';
  const utf8 = encoding === 'utf-8';
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const legacy = utf8 ? null : iconv.getDecoder(encoding);
  const info: TableInfo = { format: options.format ?? 'csv', encoding, delimiter: null, quoteChar: '"' };
  let session: LintSession | null = null;
  let reader: CsvRowReader | null = null;
  let bytes = 0;
  let skipBom = bom;
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 4 * 1024 * 1024 });
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new CancelledError();
      let chunk = raw;
      if (skipBom) {
        chunk = chunk.subarray(3);
        skipBom = false;
      }
      let text: string;
      if (legacy) text = legacy.write(chunk);
      else {
        try {
          text = strict.decode(chunk, { stream: true });
        } catch {
          throw new Utf8Error(chunk);
        }
      }
      if (!session) {
        const delimiter = options.delimiter ?? (info.format === 'tsv' ? '\t' : detectDelimiter(text));
        info.delimiter = delimiter;
        const r = new CsvRowReader({ delimiter, quoteChar: '"' }, (row) => {
          if (row.quoteError) s.add(sourceError(row.quoteError === 'MissingQuotes' ? 'missing-quote' : 'invalid-quote', lang, r.locateRow(row)));
          s.push(row);
        });
        const s = new LintSession(info, r, options);
        session = s;
        reader = r;
        const nl = text.search(/\r|\n/);
        const loc = { row: 1, column: null, line: 1, start: 0, end: nl === -1 ? 0 : nl };
        if (!utf8) session.add(readerDiagnostic('encoding', { kind: bom ? 'bom-lies' : 'legacy', encoding }, loc, lang));
      }
      reader!.feed(text, false);
      bytes += raw.length;
      options.onProgress?.(bytes, total);
    }
    if (!session || !reader) {
      const s = new LintSession(info, { locate: () => ({ row: null, column: null }), locateRow: () => ({ row: null, column: null }) }, options);
      s.add(sourceError('empty', lang));
      return finish(s, info);
    }
    reader.feed(legacy ? legacy.end() ?? '' : strict.decode(), true);
  } catch (e) {
    if (e instanceof RowTooLargeError && session) session.add(sourceError('row-too-large', lang, { row: null, column: null, line: e.line, start: 0, end: 0 }));
    else throw e;
  } finally {
    stream.destroy();
  }
  return finish(session, info);
}

function finish(session: LintSession, info: TableInfo): CsvLintResult {
  const diagnostics = session.finish();
  const d = session.dropped;
  return { info, rows: session.rows, diagnostics, dropped: d.error + d.warning + d.info };
}
