// The sample the proposal and the panel learn from: the header and the first rows that the run
// would write, through the same table operations and the same row judgements (tableShaper). A
// section heading (`FONCTIONNEMENT`), the header repeated, a blank row or a short row whose values
// shifted is no record: written by no run, it must not teach the proposal a beneficiary or a
// value shape either.
import { labelField } from './propose';
import { readSource, type SourceRef } from './read';
import { sourcesOf } from './run';
import type { TableOps } from './spec';
import { emptyReport, tableShaper, type ShapeReport } from './table-ops';
import type { Target } from './target';

export interface Sample {
  /** The shaped header: the source's as written (untrimmed) when no table operation is given. */
  header: string[];
  /** The first rows the run would write, before the mapping (stacked files add only their source column). */
  rows: string[][];
  /** The source's header row before the table operations (what unpivot chooses from). */
  raw: string[];
  /**
   * What the shaper left out or read otherwise in the rows read: past the sample, up to SCAN_ROWS
   * rows (a grand total is the file's last row), so that the proposal knows the totals rows.
   */
  report: ShapeReport;
}

export interface SampleOptions {
  /** How many rows (default 500). */
  rows?: number;
  table?: TableOps;
  /** The target schema, when known: a label a repeated header changed is matched by its fields. */
  target?: Target;
  signal?: AbortSignal;
}

/** Rows read past the sample's size, for the rows the shaper leaves out. */
const SLACK = 200;
/** Rows the shaper reads for its report at most (streamed, not kept): the whole of most files. */
export const SCAN_ROWS = 100_000;

export async function sampleSource(src: SourceRef, options: SampleOptions = {}): Promise<Sample> {
  const max = options.rows ?? 500;
  const table = options.table;
  const headerRow = table?.headerRow ?? 1;
  const stackCol = table?.stack?.column;
  const label = sourcesOf(table, src)[0].label;
  let header: string[] = [];
  let raw: string[] = [];
  const rows: string[][] = [];
  const report = emptyReport();
  const shaper = tableShaper(
    table,
    src.path,
    (h) => {
      header = stackCol ? [...h, stackCol] : h;
      return (v) => void (rows.length < max && rows.push(stackCol ? [...v, label] : v));
    },
    report,
    { fieldOf: options.target ? labelField(options.target) : undefined },
  );
  let seen = 0;
  await readSource(
    src,
    (v, at) => {
      if (++seen === headerRow) raw = v;
      shaper(v, at);
    },
    { limit: Math.max(max + headerRow + SLACK, SCAN_ROWS), signal: options.signal },
  );
  shaper.end();
  return { header: table ? header : raw, rows, raw, report };
}
