// The problem cap limits what a report lists, never what it counts. Each rule keeps its first
// findings (up to the cap) and counts all of them; the listing then gives every rule that found
// something a fair share of the cap (water-filling: a rule with few findings leaves its unused
// share to the others), and the last slots left by rounding go to the earliest problems.
import type { Diagnostic, Severity } from './model';

export type SeverityCounts = Record<Severity, number>;

export const noCounts = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

/** What one rule found: its first findings (`seq`: their order of report) and how many in all. */
export interface RuleTally {
  kept: Diagnostic[];
  seq: number[];
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

/** The listed problems: a fair share of `max` per rule, sorted by position (report order as tie-break). */
export function selectFair(tallies: Iterable<RuleTally>, max: number, byPosition: (a: Diagnostic, b: Diagnostic) => number): Diagnostic[] {
  const rules = [...tallies].filter((t) => t.kept.length > 0);
  const take = new Map<RuleTally, number>();
  let budget = max;
  let left = rules.length;
  for (const t of [...rules].sort((a, b) => a.kept.length - b.kept.length)) {
    const n = Math.min(t.kept.length, Math.floor(budget / left));
    take.set(t, n);
    budget -= n;
    left--;
  }
  type Item = { d: Diagnostic; seq: number };
  const chosen: Item[] = [];
  const rest: Item[] = [];
  for (const t of rules) {
    const n = take.get(t)!;
    t.kept.forEach((d, i) => (i < n ? chosen : rest).push({ d, seq: t.seq[i] }));
  }
  const order = (a: Item, b: Item) => byPosition(a.d, b.d) || a.seq - b.seq;
  if (budget > 0 && rest.length) chosen.push(...rest.sort(order).slice(0, budget));
  return chosen.sort(order).map((x) => x.d);
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
