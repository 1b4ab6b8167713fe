// The one message protocol between the budget view (extension host) and its webview. Types
// and the host-side check of what the webview sends; nothing here imports `vscode`.
import type { BudgetViewData } from '../core/budget/tasks';

/** UI words the webview shows, translated by the host (vscode.l10n). */
export const BUDGET_LABELS = [
  'convert',
  'loading',
  'problems',
  'noProblems',
  'collectivity',
  'budget',
  'act',
  'year',
  'nomenclature',
  'siret',
  'sealed',
  'section',
  'direction',
  'chapter',
  'all',
  'recette',
  'depense',
  'investissement',
  'fonctionnement',
  'lines',
  'shown',
  'truncated',
  'plan',
  'subtotals',
  'amount',
] as const;
export type BudgetLabel = (typeof BUDGET_LABELS)[number];
export type BudgetLabels = Record<BudgetLabel, string>;

export type BudgetHostMessage = { type: 'load'; data: BudgetViewData; labels: BudgetLabels } | { type: 'loading'; labels: BudgetLabels };

export type BudgetWebviewMessage = { type: 'ready' } | { type: 'convert' } | { type: 'rendered'; title: string; rows: number };

/** The webview is not trusted: only these exact shapes are acted on. */
export function parseBudgetWebviewMessage(m: unknown): BudgetWebviewMessage | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as { type?: unknown; title?: unknown; rows?: unknown };
  if (o.type === 'ready' || o.type === 'convert') return { type: o.type };
  // What the page shows, for the host's test hook: plain values only.
  if (o.type === 'rendered' && typeof o.title === 'string' && o.title.length < 1000 && Number.isInteger(o.rows) && (o.rows as number) >= 0)
    return { type: 'rendered', title: o.title, rows: o.rows as number };
  return null;
}
