// Cleans CSV text in passes: lint → apply the selected certain fixes → re-lint, until no
// selected fix is left. Re-linting between passes is what makes overlapping fixes (trim,
// then number format) compose, and what makes cleaning idempotent.
import type { Diagnostic, TableInfo } from '../model';
import type { CsvDialect } from '../read/csv';
import { cellSpans, recordSpans, type RecordSpan } from './csv-text';
import { applyEdits } from './edits';
import { isCertainFix, isTextFix, OPT_IN_FIX_RULES, planEdits } from './plan';
import { recordSteps, stepAccepts, type CleanStep, type RecordedStep } from './steps';

export interface LintOutcome {
  info: TableInfo;
  diagnostics: Diagnostic[];
  /** Every problem by severity, kept or only counted; absent = those of `diagnostics`. */
  counts?: Counts;
}
export type TextLinter = (text: string) => LintOutcome;

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface CleanResult {
  text: string;
  steps: RecordedStep[];
  before: Counts;
  after: Counts;
  /** Fixable diagnostics of the cleaned text (the others are only counted in `after`). */
  diagnostics: Diagnostic[];
  /** Fixes not applied, by rule, because the cell would then start a formula (" =1+1" trimmed). */
  withheld: Record<string, number>;
}

const MAX_PASSES = 8;

export function countBySeverity(ds: readonly Diagnostic[]): Counts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

export function dialectOf(info: TableInfo): CsvDialect {
  return { delimiter: info.delimiter ?? ',', quoteChar: info.quoteChar ?? '"' };
}

/** Reads current cell values for diagnostics of one text (record offsets computed once). */
export function cellReader(text: string, dialect: CsvDialect): (d: Diagnostic) => string | undefined {
  let recs: RecordSpan[] | undefined;
  // The cells of the last record read: diagnostics come row by row, and a 200 000-field row
  // must not be split again for each of its cells.
  let lastRec: RecordSpan | undefined;
  let lastCells: [number, number][] = [];
  return (d) => {
    if (d.row == null || d.column == null) return undefined;
    recs ??= recordSpans(text, dialect);
    const rec = recs[d.row - 1];
    if (rec && rec !== lastRec) [lastRec, lastCells] = [rec, cellSpans(text, rec, dialect)];
    const s = rec && lastCells[d.column - 1];
    if (!s) return undefined;
    const raw = text.slice(s[0], s[1]);
    const q = dialect.quoteChar;
    return raw.startsWith(q) && raw.endsWith(q) && raw.length > 1
      ? raw
          .slice(1, -1)
          .split(q + q)
          .join(q)
      : raw;
  };
}

/** The fixes of `diagnostics` that the steps select (all certain fixes when `steps` is undefined). */
export function selectFixes(
  text: string,
  dialect: CsvDialect,
  diagnostics: readonly Diagnostic[],
  steps?: readonly CleanStep[],
): Diagnostic[] {
  const valueOf = cellReader(text, dialect);
  // Without steps, only the certain fixes: an offered one (formula-injection's apostrophe, an opt-in join) waits for the user.
  return diagnostics.filter((d) =>
    steps ? isTextFix(d) && steps.some((s) => stepAccepts(s, d, valueOf)) : isCertainFix(d) && !OPT_IN_FIX_RULES.has(d.rule),
  );
}

export function cleanText(text: string, lint: TextLinter, steps?: readonly CleanStep[]): CleanResult {
  let r = lint(text);
  const before = r.counts ?? countBySeverity(r.diagnostics);
  const recorded: RecordedStep[] = [];
  // Each pass proposes the withheld fixes again: counted once per cell.
  const held = new Map<string, string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const dialect = dialectOf(r.info);
    const chosen = selectFixes(text, dialect, r.diagnostics, steps);
    if (chosen.length === 0) break;
    const plan = planEdits(text, dialect, chosen);
    for (const d of plan.withheld) held.set(`${d.row}:${d.column}`, d.rule);
    const next = applyEdits(text, plan.edits);
    if (next === text) break;
    recordSteps(recorded, plan.applied, cellReader(text, dialect));
    text = next;
    r = lint(text);
  }
  const withheld: Record<string, number> = {};
  for (const rule of held.values()) withheld[rule] = (withheld[rule] ?? 0) + 1;
  return { text, steps: recorded, before, after: r.counts ?? countBySeverity(r.diagnostics), diagnostics: r.diagnostics, withheld };
}
