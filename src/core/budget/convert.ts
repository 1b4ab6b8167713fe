// Converts a budget act into SCDL budget rows, streaming: the plan de comptes is found when
// the header is known (before the first line), then each line becomes a row at once.
import { OutputStream } from '../write/output';
import { isValidSiret } from '../ids/siret';
import type { Lang, Severity } from '../model';
import { NotBudgetActError, readAct, type ActHeader } from './act';
import { csvLine } from './csv-out';
import { budgetMessage, sourceName, xmlErrorMessage } from './messages';
import { emptyPlan, type Plan } from './plan';
import { findPlan, planKey, type FoundPlan, type PlanOptions } from './plans';
import { budgetName, isCountedLine, natDecLabel, SCDL_BUDGET_COLUMNS, toRow, type LineIssue, type Mode } from './rows';
import { XmlInputError } from './xml-stream';
import { fsReason } from '../fs-words';
import { libraryReason } from '../library-words';

export interface BudgetProblem {
  code: string;
  severity: Severity;
  message: string;
}

export interface ConvertOptions extends PlanOptions {
  mode?: Mode;
  lang?: Lang;
  signal?: AbortSignal;
}

export interface PlanSummary {
  key: string;
  source: FoundPlan['source'];
  where: string | null;
  year: string | null;
  exact: boolean;
}

export interface ConvertResult {
  header: ActHeader;
  /** Rows written (calculated subtotals are not rows). */
  rows: number;
  /** `calculated="true"` lines left out. */
  subtotals: number;
  plan: PlanSummary;
  problems: BudgetProblem[];
  encoding: string;
  bytes: number;
}

/** A file that cannot be converted at all (not a budget act, hostile or broken XML). */
export class BudgetRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function refusalOf(e: unknown, lang: Lang, path: string): BudgetRefusal {
  if (e instanceof BudgetRefusal) return e;
  if (e instanceof NotBudgetActError) return new BudgetRefusal('not-budget', budgetMessage(lang, 'not-budget', { root: e.root }));
  if (e instanceof XmlInputError) return new BudgetRefusal(e.kind, xmlErrorMessage(lang, e.kind, e.detail));
  const err = e as NodeJS.ErrnoException;
  if (err?.code && /^E[A-Z]+$/.test(err.code))
    return new BudgetRefusal('unreadable', budgetMessage(lang, 'unreadable', { path, detail: fsReason(err, lang) }));
  if ((e as Error)?.name === 'AbortError') throw e;
  return new BudgetRefusal('malformed', budgetMessage(lang, 'malformed', { detail: libraryReason(e, lang) }));
}

/** Streams `path`, handing each row's cells (SCDL_BUDGET_COLUMNS order) to `onRow`. Throws BudgetRefusal. */
export async function convertAct(
  path: string,
  onRow: (cells: string[]) => void | Promise<void>,
  o: ConvertOptions = {},
): Promise<ConvertResult> {
  const mode = o.mode ?? 'default';
  const lang = o.lang ?? 'en';
  const problems: BudgetProblem[] = [];
  const add = (severity: Severity, code: string, p: Record<string, string | number> = {}) =>
    problems.push({ code, severity, message: budgetMessage(lang, code, p) });
  let plan: Plan = emptyPlan();
  let planSummary: PlanSummary = { key: '', source: null, where: null, year: null, exact: false };
  const st: { header: ActHeader | null } = { header: null };
  let ctx: Parameters<typeof toRow>[1] | null = null;
  let rows = 0;
  let subtotals = 0;
  const issues = new Map<LineIssue, { count: number; sample: string }>();
  let pending: Promise<void>[] = [];
  const note = (i: LineIssue, sample: string) => {
    const e = issues.get(i) ?? { count: 0, sample };
    e.count++;
    issues.set(i, e);
  };
  const onHeader = async (h: ActHeader) => {
    st.header = h;
    const key = planKey(h.nomenclature, h.exer);
    if (!key) add('warning', 'no-nomenclature');
    else {
      const keyText = `${key.norme}-${key.declinaison}`;
      const found = await findPlan(key, o);
      // A bundled plan is named by its place in the bundle, not by the install folder.
      const where =
        found.source === 'bundled' && found.where
          ? `data/plans/${found.where
              .split(/[\\/]data[\\/]plans[\\/]/)
              .pop()!
              .replace(/\\/g, '/')}`
          : found.where;
      found.where = where;
      planSummary = { key: keyText, source: found.source, where, year: found.year, exact: found.exact };
      if (!found.plan) add('warning', 'plan-missing', { key: `${keyText} ${key.exer}`, why: found.downloadError ?? 'not found' });
      else {
        plan = found.plan;
        if (!found.exact)
          add('warning', 'plan-nearest', { key: keyText, exer: key.exer, year: found.year ?? '', where: found.where ?? '' });
        else
          add('info', 'plan-used', {
            key: keyText,
            year: key.exer,
            source: sourceName(lang, found.source ?? ''),
            where: found.where ?? '',
          });
        if (plan.exer && found.year && plan.exer !== found.year)
          add('info', 'plan-year-differs', { year: found.year, planExer: plan.exer });
      }
    }
    if (mode === 'default' && h.natDec && !natDecLabel(h.natDec, mode)) add('warning', 'unknown-natdec', { code: h.natDec });
    if (h.idEtab && !isValidSiret(h.idEtab)) add('warning', 'invalid-siret', { code: h.idEtab });
    ctx = { header: h, plan, mode, name: budgetName(h, mode) };
  };
  let out;
  try {
    out = await readAct(
      path,
      {
        header: onHeader,
        line(l) {
          if (!isCountedLine(l)) {
            subtotals++;
            return;
          }
          const r = onRow(toRow(l, ctx!, note));
          rows++;
          if (r) pending.push(r);
        },
        async drain() {
          if (pending.length) {
            const p = pending;
            pending = [];
            await Promise.all(p);
          }
        },
      },
      o.signal,
    );
  } catch (e) {
    throw refusalOf(e, lang, path);
  }
  const header = st.header;
  if (!header) throw new BudgetRefusal('not-budget', budgetMessage(lang, 'not-budget', { root: '?' }));
  // A bare <DocumentBudgetaire/>: no header, no line — nothing an act would hold, so no empty CSV either.
  if (out.lines === 0 && !header.nomenclature && !header.exer && !header.idEtab && !header.libelleColl)
    throw new BudgetRefusal('empty-act', budgetMessage(lang, 'empty-act', { root: header.root }));
  if (out.lines === 0) add('warning', 'no-lines');
  for (const [code, e] of issues) add('warning', code, { count: e.count, sample: e.sample });
  return { header, rows, subtotals, plan: planSummary, problems, encoding: out.encoding, bytes: out.bytes };
}

/** Writes the CSV (UTF-8, header row, CRLF) to `outPath` through a temporary file: never a half-written output. */
export async function convertActToFile(path: string, outPath: string, o: ConvertOptions = {}): Promise<ConvertResult> {
  const output = new OutputStream(outPath);
  let buf: string[] = [csvLine(SCDL_BUDGET_COLUMNS)];
  let size = 0;
  const flush = async () => {
    const s = buf.join('');
    buf = [];
    size = 0;
    if (s && !output.stream.write(s, 'utf8')) await output.drained();
  };
  try {
    const r = await convertAct(
      path,
      (cells) => {
        const line = csvLine(cells);
        buf.push(line);
        size += line.length;
        if (size > 1 << 20) return flush();
      },
      o,
    );
    await flush();
    await output.commit();
    return r;
  } catch (e) {
    await output.abort();
    throw e;
  }
}
