// Cleans a CSV too large to edit in memory: pass 1 lints the file streaming (whole-column
// decisions such as the date format need every row), pass 2 reads it again and writes each
// row, fixed, to a new UTF-8 file. One pass of fixes (no re-lint between passes as in
// cleanText): in a row where a split amount is re-joined, the other fixes wait for a re-run.
import { createReadStream } from 'node:fs';
import { OutputStream } from '../write/output';
import { stat } from 'node:fs/promises';
import { iconv } from '../vendor';
import { CancelledError, lintCsvFile, type StreamOptions } from '../lint-csv-stream';
import type { SchemaPlan } from '../schema/setup';
import { lintCsvFileSplit, splitLintAvailable, SPLIT_MIN_BYTES } from '../split/split-lint';
import type { Diagnostic } from '../model';
import { CsvRowReader, type CsvDialect, type CsvRow } from '../read/csv';
import { dialectOf, type Counts } from './clean-text';
import { writeCell } from './csv-text';
import { isCertainFix, isTextFix, OPT_IN_FIX_RULES } from './plan';
import { createsFormula } from '../values/formula';
import { recordSteps, stepAccepts, type CleanStep, type RecordedStep } from './steps';

export interface StreamCleanResult {
  /**
   * With `askDateOrders`: columns whose dates all read both ways and whose order no step names.
   * Nothing was written: ask, then clean again with the answers in `dateFormats`.
   */
  asked?: DateOrderQuestion[];
  rows: number;
  /** Encoding the input was read with (the output is UTF-8). */
  encoding: string;
  steps: RecordedStep[];
  before: Counts;
  /** Fixes not applied, by rule, because the cell would then start a formula. */
  withheld: Record<string, number>;
}

export interface DateOrderQuestion {
  field: string;
  /** One of its dates as written. */
  sample: string;
}

/** Whitespace trims lose to a value fix on the same cell: the value fix trims too. */
const WEAK = new Set(['cell-whitespace', 'label-whitespace']);

interface RowFixes {
  deleted?: Diagnostic;
  merge?: Diagnostic;
  cells: Map<number, Diagnostic>;
}

export async function cleanCsvFile(
  path: string,
  out: string,
  steps: readonly CleanStep[] | undefined,
  options: StreamOptions & { splitPlan?: SchemaPlan; askDateOrders?: boolean } = {},
): Promise<StreamCleanResult> {
  const total = (await stat(path)).size;
  const half = (f: number) => (done: number) => options.onProgress?.(f * total + done / 2, total);
  // Every fixable problem is kept (no cap), the others only counted: memory follows the fixes.
  const lintOptions = { maxProblems: Number.MAX_SAFE_INTEGER, ...options, fixesOnly: true, onProgress: half(0) };
  // On several cores when the checks are known as data (withSchemaChecks): the same problems.
  const { splitPlan } = options;
  const split = splitPlan && total >= SPLIT_MIN_BYTES && splitLintAvailable() ? await lintCsvFileSplit(path, lintOptions, splitPlan) : null;
  const lint = split && 'result' in split ? split.result : await lintCsvFile(path, lintOptions);
  if (options.askDateOrders) {
    const asked = new Map<string, string>();
    for (const d of lint.diagnostics)
      if (d.fix?.kind === 'choose-date-order' && !options.dateFormats?.[d.fix.field] && !asked.has(d.fix.field))
        asked.set(d.fix.field, d.fix.sample ?? '');
    if (asked.size)
      return {
        asked: [...asked].map(([field, sample]) => ({ field, sample })),
        rows: 0,
        encoding: lint.info.encoding,
        steps: [],
        before: lint.counts,
        withheld: {},
      };
  }
  const dialect = dialectOf(lint.info);
  const byRow = new Map<number, RowFixes>();
  const deletedCols = new Set<number>();
  let eol: string | undefined;
  const applied: Diagnostic[] = [];
  const values = new Map<Diagnostic, string>();
  // Date steps filter on the cell text, known only in pass 2: decide there.
  const pending = lint.diagnostics.filter((d) =>
    steps ? isTextFix(d) && steps.some((s) => s.rule === d.rule) : isCertainFix(d) && !OPT_IN_FIX_RULES.has(d.rule),
  );
  for (const d of pending) {
    const fix = d.fix!;
    if (fix.kind === 'line-endings') eol = fix.eol;
    else if (fix.kind === 'delete-column' && d.column != null) deletedCols.add(d.column);
    if (fix.kind === 'line-endings' || fix.kind === 'delete-column') {
      if (accept(d, undefined)) applied.push(d);
      continue;
    }
    if (d.row == null) continue;
    const r: RowFixes = byRow.get(d.row) ?? { cells: new Map() };
    byRow.set(d.row, r);
    if (fix.kind === 'delete-row' && d.row > 1) r.deleted = d;
    else if (fix.kind === 'quote-cells') r.merge ??= d;
    else if (fix.kind === 'set-cell' && d.column != null) {
      const prev = r.cells.get(d.column);
      if (!prev || (WEAK.has(prev.rule) && !WEAK.has(d.rule))) r.cells.set(d.column, d);
    }
  }
  function accept(d: Diagnostic, value: string | undefined): boolean {
    if (value !== undefined) values.set(d, value);
    return !steps || steps.some((s) => stepAccepts(s, d, () => value));
  }

  const sink = new OutputStream(out);
  let rows = 0;
  const withheld: Record<string, number> = {};
  const hold = (d: Diagnostic) => void (withheld[d.rule] = (withheld[d.rule] ?? 0) + 1);
  const write = (row: CsvRow) => {
    const text = rowText(row, byRow.get(row.number), deletedCols, dialect, accept, applied, hold);
    if (text === null) return;
    rows++;
    return sink.stream.write(text + (row.eol && eol ? eol : row.eol));
  };
  try {
    await rewrite(path, lint.info.encoding, dialect, write, sink, { ...options, onProgress: half(0.5) });
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  const recorded: RecordedStep[] = [];
  recordSteps(recorded, applied, (d) => values.get(d));
  return { rows, encoding: lint.info.encoding, steps: recorded, before: lint.counts, withheld };
}

/** The fixed text of one record (terminator excluded), or null when the row is deleted. */
function rowText(
  row: CsvRow,
  fixes: RowFixes | undefined,
  deletedCols: Set<number>,
  dialect: CsvDialect,
  accept: (d: Diagnostic, value: string | undefined) => boolean,
  applied: Diagnostic[],
  hold: (d: Diagnostic) => void,
): string | null {
  const values = row.values;
  const del = fixes?.deleted;
  if (del && accept(del, undefined)) return (applied.push(del), null);
  const merge = fixes?.merge;
  if (merge && merge.fix!.kind === 'quote-cells' && accept(merge, undefined)) {
    applied.push(merge);
    const { from, to, value } = merge.fix!;
    return [...values.slice(0, from - 1), value, ...values.slice(to)]
      .map((v, i) => writeCell(v, dialect, i === from - 1))
      .join(dialect.delimiter);
  }
  const cells: string[] = [];
  values.forEach((v, i) => {
    if (deletedCols.has(i + 1)) return;
    const d = fixes?.cells.get(i + 1);
    if (d && d.fix!.kind === 'set-cell' && accept(d, v)) {
      // Never make a cell start a formula (" =1+1" trimmed): the cell stays as it was.
      if (createsFormula(v, d.fix!.value)) hold(d);
      else {
        applied.push(d);
        v = d.fix!.value;
      }
    }
    cells.push(writeCell(v, dialect));
  });
  return cells.join(dialect.delimiter);
}

async function rewrite(
  path: string,
  encoding: string,
  dialect: CsvDialect,
  onRow: (row: CsvRow) => boolean | undefined,
  sink: OutputStream,
  options: StreamOptions,
): Promise<void> {
  const decoder = iconv().getDecoder(encoding);
  let blocked = false;
  const reader = new CsvRowReader(dialect, (row) => {
    if (onRow(row) === false) blocked = true;
  });
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 4 * 1024 * 1024 });
  let bytes = 0;
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new CancelledError();
      reader.feed(decoder.write(raw), false);
      bytes += raw.length;
      options.onProgress?.(bytes, 0);
      if (blocked) {
        // Respect the writer's back-pressure so memory stays flat.
        await sink.drained();
        blocked = false;
      }
    }
    reader.feed(decoder.end() ?? '', true);
  } finally {
    stream.destroy();
  }
}
