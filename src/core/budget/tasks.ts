// The budget jobs the worker runs: the view's data (header, labelled lines, problems) and the
// conversion to a file. Plain data in and out.
import type { Lang } from '../model';
import { BudgetRefusal, convertAct, convertActToFile, type BudgetProblem, type ConvertResult } from './convert';
import { budgetDatasetMeta, type BudgetDatasetMeta } from './metadata';
import type { ActHeader } from './act';

export interface BudgetTaskArgs {
  path: string;
  lang: Lang;
  cacheDir: string | null;
  plansDirs?: string[];
  /** Overrides the official plans source (tests); null = offline. */
  baseUrl?: string | null;
}

/** Lines sent to the view at most: the conversion itself has no limit. */
export const VIEW_ROW_LIMIT = 50000;

export type BudgetViewData =
  | {
      ok: true;
      header: ActHeader;
      rows: string[][];
      total: number;
      subtotals: number;
      problems: BudgetProblem[];
      plan: ConvertResult['plan'];
      meta: BudgetDatasetMeta;
    }
  | { ok: false; code: string; message: string };

const opts = (a: BudgetTaskArgs) => ({ lang: a.lang, cacheDir: a.cacheDir, plansDirs: a.plansDirs, baseUrl: a.baseUrl });

export async function budgetViewTask(a: BudgetTaskArgs, signal?: AbortSignal): Promise<BudgetViewData> {
  const rows: string[][] = [];
  try {
    const r = await convertAct(a.path, (cells) => void (rows.length < VIEW_ROW_LIMIT && rows.push(cells)), { ...opts(a), signal });
    return {
      ok: true,
      header: r.header,
      rows,
      total: r.rows,
      subtotals: r.subtotals,
      problems: r.problems,
      plan: r.plan,
      meta: budgetDatasetMeta(r.header),
    };
  } catch (e) {
    if (e instanceof BudgetRefusal) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

export type BudgetConvertResult =
  | { ok: true; rows: number; subtotals: number; problems: BudgetProblem[]; meta: BudgetDatasetMeta }
  | { ok: false; code: string; message: string };

export async function budgetConvertTask(
  a: BudgetTaskArgs & { out: string; compat?: boolean },
  signal?: AbortSignal,
): Promise<BudgetConvertResult> {
  try {
    const r = await convertActToFile(a.path, a.out, { ...opts(a), mode: a.compat ? 'compat' : 'default', signal });
    return { ok: true, rows: r.rows, subtotals: r.subtotals, problems: r.problems, meta: budgetDatasetMeta(r.header) };
  } catch (e) {
    if (e instanceof BudgetRefusal) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}
