// The later part of a split lint, run in a worker thread: the rules first visit the file's head
// with their reports muted (so their sampling decisions are the first part's), then lint the
// bytes from the split to the end, numbering rows from 2 and lines from 1, and hand their
// state over instead of finishing (engine.ts `handOver`).
import type { PartHandOver } from '../engine/session';
import { csvSession } from '../lint-session';
import type { TableInfo } from '../model';
import type { LintOptions } from '../options';
import { RowTooLargeError, type CsvRow } from '../read/csv';
import { forEachTextChunk, Utf8Error } from '../read/text-stream';
import { checksOfPlan, type SchemaPlan } from '../schema/setup';
import { splitTrace } from './trace';

export interface PartRequest {
  path: string;
  /** The part: from the start of a row to the start of the next part's (or the end of the file). */
  start: number;
  end: number;
  /** Bytes of the file's head the rules visit first (cut back to the last whole row). */
  headBytes: number;
  format: 'csv' | 'tsv';
  /** 'utf-8' or a single-byte code page (the first part's reading). */
  encoding: string;
  delimiter: string;
  newline: '\n' | '\r';
  /** The serialisable lint options (no check functions: the schema comes as a plan). */
  options: Omit<LintOptions, 'checks'>;
  schema: SchemaPlan;
  chunkBytes?: number;
}

export type PartMessage =
  | { type: 'progress'; bytes: number }
  /** `lines`: the lines the part spans; `endsAtRow`: its last row ends with a line break, outside quotes. */
  | { type: 'done'; part: PartHandOver; lines: number; endsAtRow: boolean }
  /** The part cannot be linted apart (not UTF-8, a row too large): the caller lints in one pass. */
  | { type: 'give-up'; why: string };

/** Thrown to stop reading the head once it is long enough. */
const HEAD_READ = new Error('head read');

export async function lintLaterPart(
  req: PartRequest,
  post: (m: PartMessage, transfer?: ArrayBuffer[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  const trace = splitTrace(`part at byte ${req.start}`);
  const info: TableInfo = { format: req.format, encoding: req.encoding, delimiter: req.delimiter, quoteChar: '"' };
  // One session, two readers in turn (the head, then the part): its locator follows the current one.
  const cs = csvSession(
    info,
    { ...req.options, checks: checksOfPlan(req.schema, req.options.maxProblems) },
    { row: 1, newline: req.newline },
    true,
  );
  const session = cs.session;
  try {
    session.mute(true);
    // The head: every whole row of its first `headBytes` (the reader holds back the last, maybe
    // cut, one), and at least the header row, however long.
    let read = 0;
    try {
      await forEachTextChunk(
        req.path,
        { start: 0, end: req.start, cut: true },
        { signal, chunkBytes: Math.min(req.headBytes, 4 << 20) },
        (chunk) => {
          cs.feed(chunk, false, false);
          read += chunk.text.length;
          if (read >= req.headBytes && session.rows > 0) throw HEAD_READ;
        },
        req.encoding,
      );
    } catch (e) {
      if (e !== HEAD_READ) throw e;
    }
    trace?.(`head visited (${session.rows} rows)`);
    session.resume();
    cs.restart({ row: 2, newline: req.newline });
    await forEachTextChunk(
      req.path,
      { start: req.start, end: req.end },
      { signal, chunkBytes: req.chunkBytes, onProgress: (bytes) => post({ type: 'progress', bytes }) },
      (chunk, final) => cs.feed(chunk, final, true),
      req.encoding,
    );
  } catch (e) {
    if (e instanceof Utf8Error) return post({ type: 'give-up', why: 'not UTF-8' });
    if (e instanceof RowTooLargeError) return post({ type: 'give-up', why: 'row too large' });
    throw e;
  }
  trace?.('part read');
  const part = session.handOver();
  const end = cs.last as CsvRow | null;
  // Typed arrays (the duplicate-row record: tens of MB for a 1 GB file) move, not copied.
  post({ type: 'done', part, lines: cs.reader.lineAfter() - 1, endsAtRow: !!end && !!end.eol && !end.quoteError }, buffersIn(part.states));
}

/** The ArrayBuffers under the typed arrays of a hand-over (a few levels deep), each once. */
function buffersIn(x: unknown, depth = 4, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(x)) {
    if (x.buffer instanceof ArrayBuffer && x.byteLength === x.buffer.byteLength) out.add(x.buffer);
  } else if (depth > 0 && x && typeof x === 'object') {
    for (const v of Array.isArray(x) ? x : Object.values(x)) buffersIn(v, depth - 1, out);
  }
  return [...out];
}
