// Cleans CSV text in passes: lint → apply the selected certain fixes → re-lint, until no
// selected fix is left. Re-linting between passes is what makes overlapping fixes (trim,
// then number format) compose, and what makes cleaning idempotent.
import type { Diagnostic, TableInfo } from '../model';
import type { CsvDialect } from '../read/csv';
import { cellSpans, recordSpans, type RecordSpan } from './csv-text';
import { applyEdits } from './edits';
import { isTextFix, OPT_IN_FIX_RULES, planEdits } from './plan';
import { recordSteps, stepAccepts, type CleanStep, type RecordedStep } from './steps';

export interface LintOutcome {
  info: TableInfo;
  diagnostics: Diagnostic[];
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
  /** Diagnostics of the cleaned text. */
  diagnostics: Diagnostic[];
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
  return (d) => {
    if (d.row == null || d.column == null) return undefined;
    recs ??= recordSpans(text, dialect);
    const rec = recs[d.row - 1];
    const s = rec && cellSpans(text, rec, dialect)[d.column - 1];
    if (!s) return undefined;
    const raw = text.slice(s[0], s[1]);
    const q = dialect.quoteChar;
    return raw.startsWith(q) && raw.endsWith(q) && raw.length > 1 ? raw.slice(1, -1).split(q + q).join(q) : raw;
  };
}

/** The fixes of `diagnostics` that the steps select (all certain fixes when `steps` is undefined). */
export function selectFixes(text: string, dialect: CsvDialect, diagnostics: readonly Diagnostic[], steps?: readonly CleanStep[]): Diagnostic[] {
  const valueOf = cellReader(text, dialect);
  return diagnostics.filter((d) => isTextFix(d) && (!steps ? !OPT_IN_FIX_RULES.has(d.rule) : steps.some((s) => stepAccepts(s, d, valueOf))));
}

export function cleanText(text: string, lint: TextLinter, steps?: readonly CleanStep[]): CleanResult {
  let r = lint(text);
  const before = countBySeverity(r.diagnostics);
  const recorded: RecordedStep[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const dialect = dialectOf(r.info);
    const chosen = selectFixes(text, dialect, r.diagnostics, steps);
    if (chosen.length === 0) break;
    const plan = planEdits(text, dialect, chosen);
    const next = applyEdits(text, plan.edits);
    if (next === text) break;
    recordSteps(recorded, plan.applied, cellReader(text, dialect));
    text = next;
    r = lint(text);
  }
  return { text, steps: recorded, before, after: countBySeverity(r.diagnostics), diagnostics: r.diagnostics };
}
