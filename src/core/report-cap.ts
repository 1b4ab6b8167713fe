// The problem cap limits what a report lists, never what it counts. Each rule keeps its first
// findings (up to the cap) and counts all of them; the listing then gives every rule that found
// something a fair share of the cap (water-filling: a rule with few findings leaves its unused
// share to the others), and the last slots left by rounding go to the most severe, then the
// earliest, problems.
import type { Diagnostic, Severity } from './model';

export type SeverityCounts = Record<Severity, number>;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const noCounts = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

/** What one rule found: how many of its findings are kept (its first ones, up to the cap) and in all. */
export interface RuleTally {
  kept: number;
  total: number;
}

/** A report's exact totals, whatever was listed. */
export interface ReportCounts {
  counts: SeverityCounts;
  byRule: Record<string, number>;
  truncated: boolean;
}

/** `maxProblems` as the user gives it: 0 (or less, or none finite) = no limit. */
export function capOf(maxProblems: number | undefined, fallback: number): number {
  const m = maxProblems ?? fallback;
  return !Number.isFinite(m) || m <= 0 ? Infinity : m;
}

/**
 * The listed problems: a fair share of `max` per rule, sorted by position (report order as
 * tie-break). `kept` is in report order, each rule's first findings; nothing is cut when it fits.
 */
export function selectFair(
  kept: Diagnostic[],
  tallies: ReadonlyMap<string, RuleTally>,
  max: number,
  byPosition: (a: Diagnostic, b: Diagnostic) => number,
): Diagnostic[] {
  // Sorting is stable: equal positions stay in report order.
  if (kept.length <= max) return kept.sort(byPosition);
  const rules = [...tallies].filter(([, t]) => t.kept > 0).sort((a, b) => a[1].kept - b[1].kept);
  const quota = new Map<string, number>();
  let budget = max;
  let i = 0;
  // Rules with fewer findings than an equal share get them all; the others one same share each.
  for (; i < rules.length; i++) {
    const [rule, t] = rules[i];
    if (t.kept > Math.floor(budget / (rules.length - i))) break;
    quota.set(rule, t.kept);
    budget -= t.kept;
  }
  const level = i < rules.length ? Math.floor(budget / (rules.length - i)) : 0;
  for (; i < rules.length; i++) {
    quota.set(rules[i][0], level);
    budget -= level;
  }
  const chosen: Diagnostic[] = [];
  const rest: Diagnostic[] = [];
  const taken = new Map<string, number>();
  for (const d of kept) {
    const n = taken.get(d.rule) ?? 0;
    if (n < (quota.get(d.rule) ?? 0)) {
      taken.set(d.rule, n + 1);
      chosen.push(d);
    } else rest.push(d);
  }
  // The slots left by rounding: the most severe, then earliest, of the rest. Merged back in report order, then sorted.
  if (budget > 0 && rest.length) {
    const bySeverity = (a: Diagnostic, b: Diagnostic) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byPosition(a, b);
    const listed = new Set([...chosen, ...rest.sort(bySeverity).slice(0, budget)]);
    return kept.filter((d) => listed.has(d)).sort(byPosition);
  }
  return chosen.sort(byPosition);
}

/** Sums the totals of several sessions (the sheets of a workbook). */
export function addCounts(into: ReportCounts, more: ReportCounts): void {
  for (const k of ['error', 'warning', 'info'] as const) into.counts[k] += more.counts[k];
  for (const [r, n] of Object.entries(more.byRule)) into.byRule[r] = (into.byRule[r] ?? 0) + n;
  into.truncated ||= more.truncated;
}

/** Totals of a list that was never cut (reports built outside a session). */
export function countsOfList(ds: readonly Diagnostic[]): ReportCounts {
  const c: ReportCounts = { counts: noCounts(), byRule: {}, truncated: false };
  for (const d of ds) {
    c.counts[d.severity]++;
    c.byRule[d.rule] = (c.byRule[d.rule] ?? 0) + 1;
  }
  return c;
}
