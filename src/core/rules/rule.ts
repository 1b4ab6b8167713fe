// The contract of one lint rule. A rule is one file that default-exports a `Rule`;
// `registry.ts` lists them explicitly (markdownlint's pattern).
import type { FixData, Lang, Loc, Row, Severity, TableInfo, Text } from '../model';
import type { CellMarks } from '../engine/cell-marks';

export interface RuleMeta {
  /** Stable id; frictionless error codes where one exists (`missing-cell`…). */
  id: string;
  severity: Severity;
  /** Only for spreadsheets (needs cell facts a CSV does not have): not run on CSV/TSV. */
  scope?: 'sheet';
  /** One-line summary shown in docs and settings. */
  title: Text;
  /** Why it matters for open data, and how to fix it (the docs page body). */
  why: Text;
  fix?: Text;
}

/** A visitor gets the header row once, then every later row, then `end`. */
export interface RuleVisitor {
  header?(row: Row): void;
  row?(row: Row): void;
  end?(): void;
  /**
   * Split lint (split/*.ts): a large file is linted in parts on several threads. The visitor of
   * the later part first visits the head rows with its reports muted, so its sampling decisions
   * are the ones the first part makes; `resume` then restarts its counts (keeping those
   * decisions) before the later part's rows, numbered from 2 and line 1.
   */
  resume?(): void;
  /** Split lint, later part: what the first part needs to finish as if it had seen these rows (instead of `end`). */
  handOver?(): unknown;
  /** Split lint, first part: takes the later part's hand-over, its rows and lines shifted by `shift`, before `end`. */
  takeOver?(state: any, shift: Shift): void;
}

/** How far the later part's rows and lines are from where the part was linted. */
export interface Shift {
  row: number;
  line: number;
}

/** A location (or a diagnostic) of a later part, moved to where it is in the whole file. */
export function shiftLoc<T extends { row: number | null; line?: number | null; endLine?: number | null }>(loc: T, s: Shift): T {
  const out = { ...loc };
  if (out.row != null) out.row += s.row;
  if (out.line != null) out.line += s.line;
  if (out.endLine != null) out.endLine += s.line;
  return out;
}

export interface Report<P> {
  loc: Loc;
  params: P;
  fix?: FixData;
  /** Overrides the rule's default severity for this one report (e.g. info vs warning). */
  severity?: Severity;
}

export interface RuleContext<P> {
  readonly info: TableInfo;
  readonly lang: Lang;
  /** Where cell `column` (1-based) of `row` is. Only valid while `row` is being visited. */
  locate(row: Row, column: number): Loc;
  /** Where the whole row is (first to last character). Unlike `locate`, valid after the row's visit too. */
  locateRow(row: Row): Loc;
  /**
   * A 64-bit hash of the row's raw text (two 32-bit lanes into `out`), when the reader has the
   * text at hand (CSV): far cheaper than hashing the cell values one by one.
   */
  rowHash?(row: Row, out: Int32Array): void;
  /** Whether the row's raw text holds `ch`, when the reader has the text (CSV). */
  rowHas?(row: Row, ch: string): boolean;
  report(r: Report<P>): void;
  /**
   * Whether a report without a fix would only be counted now (the file's cap is reached, or only
   * fixes are kept): a rule about to report thousands of cells of one row counts them with
   * `drop` instead of locating each, so its work stays linear in the input.
   */
  full(): boolean;
  /** Counts `n` reports without a fix, of the rule's severity, that `full()` says would be dropped. */
  drop(n: number): void;
  /**
   * Counts a finding the rule cannot list (past its deferred list's bound): it is in the totals
   * and the report says its list is cut. `loc` needs only the row and column.
   */
  count(loc: Loc, severity?: Severity): void;
  /**
   * How many findings a rule may hold back per column until the end of the file: MAX_DEFERRED
   * (memory stays flat), or no bound when the user asked for every problem (a cap of 0).
   */
  readonly deferLimit: number;
  /** Header labels (set once the header was visited). */
  readonly header: string[];
  /** The marked cells of the row being visited (and non-empty counts per column): see cell-marks.ts. */
  readonly marks: CellMarks;
  /** date-format: a column's source format chosen by the user or a recipe, by header label. */
  readonly dateFormats?: Readonly<Record<string, string>>;
}

export interface Rule<P = Record<string, unknown>> {
  meta: RuleMeta;
  message(lang: Lang, params: P): string;
  create(ctx: RuleContext<P>): RuleVisitor;
}

/** Helper so each rule file stays typed without repeating generics. */
export function defineRule<P>(rule: Rule<P>): Rule<P> {
  return rule;
}
