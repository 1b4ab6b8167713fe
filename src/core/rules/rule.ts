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
  /**
   * `'row-local'`: what the rule reports on a row depends on that row (and the header) only.
   * `'split'`: it keeps state across rows and implements `split` (see SplitHooks); the registry
   * test (test/unit/rules/state.test.ts) fails when a rule with row-spanning state says otherwise.
   * A sheet-only rule is never split: it says `'split'` when it has such state, without hooks.
   */
  state: 'row-local' | 'split';
  /** One-line summary shown in docs and settings. */
  title: Text;
  /** Why it matters for open data, and how to fix it (the docs page body). */
  why: Text;
  fix?: Text;
}

/** A visitor gets the header row once, then every later row, then `end`. */
export interface RuleVisitor<S = unknown> {
  header?(row: Row): void;
  row?(row: Row): void;
  end?(): void;
  /** The split protocol (below): required of every rule whose meta says `state: 'split'`. */
  split?: SplitHooks<S>;
}

/**
 * Split lint (core/split/): a CSV of 16 MB or more is linted in parts on several threads, each
 * part by its own session with the same visitors. A visitor with state across rows (anything
 * `end()` reads, or a field a later row depends on) finishes as if it had seen every row
 * through these hooks:
 * - later part: the visitor first visits the file's head with its reports muted, so that its
 *   sampling decisions are the first part's; `resume()` then restarts its counts (keeping those
 *   decisions) before the part's own rows, numbered from 2 and line 1; at the part's end
 *   `handOver()` returns its state instead of `end()` being called;
 * - first part: `takeOver(s, shift)` receives each later part's state, in file order, its rows
 *   and lines moved by `shift`, then `end()` reports as one pass would.
 * `S` crosses a thread (structured clone): plain data only — numbers, strings, booleans, null,
 * arrays, plain objects, Maps, typed arrays (moved, not copied). A class instance loses its
 * prototype on the way; a function cannot cross at all. The kit in core/split/kit/ holds what
 * rules share: a capped deferred list, a column sampler, a first-location record.
 */
export interface SplitHooks<S> {
  resume(): void;
  handOver(): S;
  takeOver(s: S, shift: Shift): void;
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
  /** A 64-bit hash of the row (two 32-bit lanes into `out`), from whichever reader: engine/locator.ts. */
  rowHash(row: Row, out: Int32Array): void;
  /** Whether the row holds `ch`: one search of a CSV row's raw text instead of one per cell. */
  rowHas(row: Row, ch: string): boolean;
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
  /**
   * The type of the schema field column `column` (1-based) is, when a schema applies (known once
   * the header was visited): rules then leave to the schema what it decides (kinds, formats).
   */
  schemaColumn(column: number): string | undefined;
  /** date-format: a column's source format chosen by the user or a recipe, by header label. */
  readonly dateFormats?: Readonly<Record<string, string>>;
}

export interface Rule<P = Record<string, unknown>, S = unknown> {
  meta: RuleMeta;
  message(lang: Lang, params: P): string;
  create(ctx: RuleContext<P>): RuleVisitor<S>;
}

/** Helper so each rule file stays typed without repeating generics (S: its split state, inferred). */
export function defineRule<P, S = unknown>(rule: Rule<P, S>): Rule<P, S> {
  return rule;
}
