// The gate's counts come from the report's totals, not from its list: a file with 150 000
// errors is listed up to the problem cap but must be announced with its true count. The totals
// are by severity and by rule, so the errors of one rule are exact when that rule's listing is
// complete; otherwise the count is a lower bound, and says so.
import type { Diagnostic, FileReport } from '../model';

export interface GateCount {
  count: number;
  /** The true count is higher (the list was cut and the totals cannot tell the rest). */
  atLeast: boolean;
  first: Diagnostic;
}

type Report = Pick<FileReport, 'diagnostics' | 'counts' | 'byRule'>;

export function gateTally(r: Report, rule = 'personal-data'): { personal?: GateCount; others?: GateCount } {
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  const mine = errs.filter((d) => d.rule === rule);
  const others = errs.filter((d) => d.rule !== rule);
  const listedOfRule = r.diagnostics.filter((d) => d.rule === rule).length;
  const ruleComplete = (r.byRule?.[rule] ?? listedOfRule) === listedOfRule;
  const totalErrors = r.counts?.error ?? errs.length;
  const out: { personal?: GateCount; others?: GateCount } = {};
  if (mine.length) out.personal = { count: mine.length, atLeast: !ruleComplete, first: mine[0] };
  if (others.length) {
    // Exact when the rule's own errors are all listed: the rest of the total is the others'.
    const count = ruleComplete ? totalErrors - mine.length : others.length;
    out.others = { count, atLeast: !ruleComplete && totalErrors > errs.length, first: others[0] };
  }
  return out;
}

/** "150000", or "≥ 100000" when the count is a lower bound. */
export const shownCount = (c: { count: number; atLeast?: boolean }): string => (c.atLeast ? `≥ ${c.count}` : String(c.count));
