// Split lint: a large CSV on disk (UTF-8, or a single-byte code page such as Windows-1252, where a
// LF byte is always a line break) is linted in parts on several cores (one per core, 2 to
// MAX_PARTS). This thread lints the first part; a worker lints each later one (part.ts), from the
// first row after its cut. The rules then merge, part after part in file order: a part's problems
// are moved to their rows and lines in the whole file, and each rule with state across rows takes
// the part's state over (duplicate rows, column statistics, unique keys) before it finishes — the
// report is the one a single pass gives. Anything unusual (a multi-byte legacy encoding, a UTF-8
// mark on legacy bytes, a quoted line break at a cut, a row too large, CR-only line ends) falls
// back to one pass.
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { result, type CsvLintResult } from '../lint-csv';
import { csvSession, type CsvSession } from '../lint-session';
import type { LintOptions, StreamOptions } from '../options';
import { readerDiagnostic } from '../reader-diagnostics';
import type { TableInfo } from '../model';
import { recordNewlineOf, RowTooLargeError } from '../read/csv';
import { dialectFor } from '../read/dialect';
import { CancelledError, forEachTextChunk, isSingleByte, sniffTextHead, Utf8Error } from '../read/text-stream';
import { guessLegacyEncoding } from '../read/decode';
import type { SchemaPlan } from '../schema/setup';
import type { PartMessage, PartRequest } from './part';
import { splitTrace } from './trace';

/** Files from this size are split (below, a worker's start-up is not worth it). */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
/**
 * The head the worker's rules visit first, so that their column samples (200 values) mostly
 * settle in it (the rules stay exact when they do not: see number-format's takeOver). A bigger
 * head only delays the part: its first rows run in cold code, ~1 ms a row.
 */
const HEAD_BYTES = 128 * 1024;
/**
 * What this thread reads while a worker starts and visits the head (≈ 0.15 s here): the first
 * part is that much longer, so that the parts end together. Rows cost more with a schema (or
 * one to detect), so fewer bytes make up the same time.
 */
const LEAD_BYTES = { none: 6 * 1024 * 1024, schema: 4 * 1024 * 1024 };
/**
 * Bytes each thread reads and decodes at a time, for files up to BIG_CHUNK_MAX_BYTES: 8 MB chunks
 * lint the 108 MB bench file ≈ 10 % faster than the reader's default 4 MB (fewer per-chunk costs:
 * decoding set-up, the row carried over, the hasher's copy), for ≈ 50 MB more peak memory. Larger
 * files keep 4 MB chunks: a 1 GB file would go past 400 MB.
 */
const BIG_CHUNK_BYTES = 8 * 1024 * 1024;
const BIG_CHUNK_MAX_BYTES = 512 * 1024 * 1024;
/** Most parts a file is linted in (one per core up to this). */
const MAX_PARTS = 4;
/** How far past a cut position a line break is looked for. */
const WINDOW = 256 * 1024;

let workerPath: string | null = null;

/** Where the built part worker is (each bundle sets it); null, a missing file or ODW_SPLIT_LINT=0: one pass. */
export function useSplitLint(path: string | null): void {
  workerPath = process.env.ODW_SPLIT_LINT === '0' || !path || !existsSync(path) ? null : path;
}

export function splitLintAvailable(): boolean {
  return workerPath !== null;
}

export type SplitOutcome = { result: CsvLintResult; parts: number } | { fallback: string };

/** Parts for a file: one per core, at most MAX_PARTS, each at least half SPLIT_MIN_BYTES; 1 on one core. */
function partsFor(total: number): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return cores < 2 ? 1 : Math.max(2, Math.min(MAX_PARTS, cores, Math.floor(total / (SPLIT_MIN_BYTES / 2))));
}

/**
 * Lints `path` in parts (two by default, one per core up to MAX_PARTS); `fallback` says why it
 * could not (the caller lints in one pass). `tuning` is for tests.
 */
export async function lintCsvFileSplit(
  path: string,
  options: StreamOptions,
  schema: SchemaPlan,
  tuning: { headBytes?: number; parts?: number; lead?: number } = {},
): Promise<SplitOutcome> {
  const script = workerPath;
  if (!script) return { fallback: 'no part worker' };
  const total = (await stat(path)).size;
  const parts = tuning.parts ?? partsFor(total);
  if (parts < 2) return { fallback: 'one core' };
  const found = await findCuts(path, total, parts, tuning.lead ?? LEAD_BYTES[schema.kind === 'none' ? 'none' : 'schema']);
  if (typeof found === 'string') return { fallback: found };
  const { cuts, encoding } = found;
  const chunkBytes = options.chunkBytes ?? (total <= BIG_CHUNK_MAX_BYTES ? BIG_CHUNK_BYTES : undefined);
  const lang = options.lang ?? 'en';
  const format = options.format ?? 'csv';
  const info: TableInfo = { format, encoding, delimiter: null, quoteChar: '"' };
  // Set by start() on the first chunk (declared so, not narrowed to null by the compiler).
  let cs = null as CsvSession | null;
  const workers: Worker[] = [];
  const partsDone: Promise<PartMessage>[] = [];
  const progress = cuts.map(() => 0);
  const report = () =>
    options.onProgress?.(
      progress.reduce((x, y) => x + y, 0),
      total,
    );
  const trace = splitTrace('split');

  const start = (text: string) => {
    const guess = dialectFor(text, format, options.delimiter);
    const delimiter = guess.delimiter;
    info.delimiter = delimiter;
    if (guess.close) info.delimiterChoice = guess.close;
    // Records split on CR only (old Mac files): cuts are made at LFs, so not split.
    const newline = recordNewlineOf(text);
    if (newline === '\r') return false;
    const c = csvSession(info, options);
    const s = c.session;
    // As one pass says it (lint-csv-stream.ts): on the header line.
    const nl = text.search(/\r|\n/);
    if (encoding !== 'utf-8')
      s.add(
        readerDiagnostic(
          'encoding',
          { kind: 'legacy', encoding },
          { row: 1, column: null, line: 1, start: 0, end: nl === -1 ? 0 : nl },
          lang,
        ),
      );
    cs = c;
    const { checks: _checks, onProgress: _p, signal: _s, ...plain } = options;
    cuts.forEach((cut, k) => {
      const request: PartRequest = {
        path,
        start: cut,
        end: cuts[k + 1] ?? total,
        headBytes: tuning.headBytes ?? HEAD_BYTES,
        format,
        encoding,
        delimiter,
        newline,
        options: plain as Omit<LintOptions, 'checks'>,
        schema,
        chunkBytes,
      };
      workers[k].postMessage(request);
      trace?.(`part ${k + 2} asked`);
    });
    return true;
  };

  try {
    // Started now, told their part on the first chunk (which decides the delimiter): a worker's
    // start-up overlaps this thread's first read.
    for (let k = 0; k < cuts.length; k++) {
      const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      workers.push(w);
      const done = new Promise<PartMessage>((resolve, reject) => {
        w.on('message', (m: PartMessage) => {
          if (m.type === 'progress') {
            if (!progress[k + 1]) trace?.(`part ${k + 2} first progress`);
            ((progress[k + 1] = m.bytes), report());
          } else {
            trace?.(`part ${k + 2} done`);
            resolve(m);
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => reject(new Error(`the part worker stopped (exit code ${code})`)));
        // Cancelled while waiting for a later part: do not wait for it to finish.
        options.signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
      });
      done.catch(() => undefined);
      partsDone.push(done);
    }
    let split = true;
    await forEachTextChunk(
      path,
      { start: 0, end: cuts[0] },
      { signal: options.signal, chunkBytes, onProgress: (b) => ((progress[0] = b), report()) },
      (chunk, final) => {
        if (!split) return;
        if (!cs && !start(chunk.text)) return void (split = false);
        return cs!.feed(chunk, final, true);
      },
      encoding,
    );
    trace?.(`first part read (${cuts[0]} bytes)`);
    if (!split || !cs) return { fallback: 'line breaks are CR only' };
    const lastRow = cs.last;
    // Each cut must be a record boundary: a quoted line break there leaves the last row open.
    if (!lastRow || !lastRow.eol || lastRow.quoteError) return { fallback: 'a line break at a cut is inside a quoted cell' };
    const s = cs.session;
    let shift = { row: lastRow.number - 1, line: cs.reader.lineAfter() - 1 };
    for (let k = 0; k < partsDone.length; k++) {
      const m = await partsDone[k];
      trace?.(`part ${k + 2} received`);
      if (m.type !== 'done') return { fallback: m.type === 'give-up' ? m.why : 'part worker' };
      if (k < partsDone.length - 1 && !m.endsAtRow) return { fallback: 'a line break at a cut is inside a quoted cell' };
      // Parts are taken over in file order: each as if its rows came after the ones before.
      s.takeOver(m.part, shift);
      shift = { row: shift.row + m.part.rows, line: shift.line + m.lines };
    }
    trace?.('parts taken over');
    const res = result(s, info);
    trace?.('finished');
    return { result: res, parts: cuts.length + 1 };
  } catch (e) {
    if (e instanceof Utf8Error) return { fallback: 'not UTF-8' };
    if (e instanceof RowTooLargeError) return { fallback: 'row too large' };
    if (options.signal?.aborted) throw e;
    return { fallback: `part worker: ${(e as Error).message}` };
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
}

/**
 * The byte after the first LF past each of the `parts - 1` positions; a string says why the file is
 * not split. The first part, this thread's, starts at once: it gets `lead` bytes more than the
 * others (but never more than twice their share), which start once their worker is up.
 */
export function cutPositions(total: number, parts: number, lead: number): number[] {
  const first = Math.min(Math.floor((total + (parts - 1) * lead) / parts), Math.floor((2 * total) / (parts + 1)));
  const rest = (total - first) / (parts - 1);
  return Array.from({ length: parts - 1 }, (_, k) => first + Math.floor(k * rest));
}

async function findCuts(path: string, total: number, parts: number, lead: number): Promise<{ cuts: number[]; encoding: string } | string> {
  const sniffed = await sniffTextHead(path);
  if ('unreadable' in sniffed) return 'not text';
  // A legacy code page as one pass names it (withFileText); split only where a LF byte is a line break.
  const encoding = sniffed.utf8 ? 'utf-8' : guessLegacyEncoding(sniffed.head);
  if (!sniffed.utf8 && (sniffed.bom || !isSingleByte(encoding)))
    return sniffed.bom ? 'a UTF-8 mark on bytes that are not UTF-8' : `${encoding} is not a single-byte encoding`;
  const fh = await open(path, 'r');
  try {
    const cuts: number[] = [];
    for (const at of cutPositions(total, parts, lead)) {
      const win = Buffer.alloc(Math.min(WINDOW, total - at));
      await fh.read(win, 0, win.length, at);
      const lf = win.indexOf(0x0a);
      const cut = at + lf + 1;
      // No line break near this position, or the same as the previous cut: fewer parts.
      if (lf === -1 || cut >= total || cut <= (cuts[cuts.length - 1] ?? 0)) continue;
      cuts.push(cut);
    }
    return cuts.length ? { cuts, encoding } : 'no line break past the middle';
  } finally {
    await fh.close();
  }
}
