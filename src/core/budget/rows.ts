// One budget line → one SCDL budget row. `compat` reproduces yatotem2scdl 0.1.2's XSL exactly;
// the default mode fills what the schema requires from the plan (docs/budget.md lists each
// difference and why).
import type { ActHeader, ActLine } from './act';
import type { Account, Plan } from './plan';

export const SCDL_BUDGET_COLUMNS = [
  'BGT_NATDEC',
  'BGT_ANNEE',
  'BGT_SIRET',
  'BGT_NOM',
  'BGT_CONTNAT',
  'BGT_CONTNAT_LABEL',
  'BGT_NATURE',
  'BGT_NATURE_LABEL',
  'BGT_FONCTION',
  'BGT_FONCTION_LABEL',
  'BGT_OPERATION',
  'BGT_SECTION',
  'BGT_OPBUDG',
  'BGT_CODRD',
  'BGT_MTREAL',
  'BGT_MTBUDGPREC',
  'BGT_MTRARPREC',
  'BGT_MTPROPNOUV',
  'BGT_MTPREV',
  'BGT_CREDOUV',
  'BGT_MTRAR3112',
  'BGT_ARTSPE',
] as const;

const AMOUNTS = ['MtReal', 'MtBudgPrec', 'MtRARPrec', 'MtPropNouv', 'MtPrev', 'CredOuv', 'MtRAR3112'] as const;

/** NatDec codes (CommunBudget.xsd); the reference converter's capitalised words. */
const NATDEC_REF: Record<string, string> = {
  '01': 'Budget primitif',
  '02': 'Décision modificative',
  '03': 'Budget supplémentaire',
  '09': 'Compte administratif',
  '10': 'Compte administratif',
};

export type Mode = 'default' | 'compat';

export function natDecLabel(code: string, mode: Mode): string {
  const ref = NATDEC_REF[code];
  if (!ref) return mode === 'compat' ? `NatDec inconnu: ${code}` : '';
  // The schema's enum is lowercase (README trap 3).
  return mode === 'compat' ? ref : ref.toLowerCase();
}

/** A line the default mode could not complete; reported once per kind with a count. */
export type LineIssue = 'no-chapter' | 'no-nature-label' | 'no-section' | 'parent-nature-label';

/** The entry of the longest code that starts `code` (at least `min` characters), for codes the plan lists only by their root. */
export function byPrefix<T>(m: Map<string, T>, code: string, min: number, proper = false): T | undefined {
  for (let n = code.length - (proper ? 1 : 0); n >= min; n--) {
    const e = m.get(code.slice(0, n));
    if (e !== undefined) return e;
  }
  return undefined;
}

/** Whether a line is a real one (generator subtotals carry calculated="true"). */
export const isCountedLine = (l: ActLine): boolean => l.calculated === undefined || l.calculated === 'false';

/** The chapter of an account for this line's kind of operation (README trap 2). */
export function derivedChapter(acc: Account | undefined, codRD: string, opBudg: string, typOpBudg: string): string {
  if (!acc) return '';
  const d = codRD === 'D';
  if (opBudg === '1') {
    // TypOpBudg 1: ordre à l'intérieur de la section (041/043); otherwise entre sections (040/042).
    const inner = d ? acc.DOIS : acc.ROIS;
    const between = d ? acc.DOES : acc.ROES;
    return (typOpBudg === '1' ? inner || between : between || inner) ?? '';
  }
  return (d ? acc.DR : acc.RR) ?? '';
}

export interface RowContext {
  header: ActHeader;
  plan: Plan;
  mode: Mode;
  /** The default mode's BGT_NOM: the collectivity, and the budget's name for an annex. */
  name: string;
}

/** The name a row carries: an annex budget is named after its collectivity and itself (trap 6). */
export function budgetName(h: ActHeader, mode: Mode): string {
  if (mode === 'compat') return h.libelleColl;
  const annex = h.codTypBud ? h.codTypBud !== 'P' : h.idEtab !== '' && h.idEtab !== h.idColl;
  const etab = h.libelleEtab.trim();
  if (!annex || !etab || /^budget principal$/i.test(etab)) return h.libelleColl || etab;
  return h.libelleColl ? `${h.libelleColl} - ${etab}` : etab;
}

function functionLabel(plan: Plan, code: string, mode: Mode): string {
  if (!code) return '';
  const ref = plan.refFonc.get(code);
  if (ref !== undefined || mode === 'compat') return ref ?? '';
  // Codes like 93020 are functional accounts, not RefFonc (trap 4).
  return plan.functionAccounts.get(code)?.label ?? plan.functionChapters.get(code)?.label ?? '';
}

const section = (s: string | undefined) => (s === 'I' ? 'investissement' : s === 'F' ? 'fonctionnement' : '');

/** The row's cells in SCDL_BUDGET_COLUMNS order, and what could not be filled. */
export function toRow(l: ActLine, c: RowContext, issues?: (i: LineIssue, sample: string) => void): string[] {
  const v = l.v;
  const { plan, mode, header: h } = c;
  const nature = v.Nature ?? '';
  const acc = v.Nature !== undefined ? plan.accounts.get(nature) : undefined;
  let chapCode = v.ContNat ?? '';
  let chapter = v.ContNat !== undefined ? plan.chapters.get(chapCode) : undefined;
  if (mode === 'default') {
    if (!chapCode) {
      // No ContNat (a vendor's revenue lines, a line voted by operation — ContOp — or by
      // function — ContFon): the account's own chapter for this kind of operation.
      chapCode = derivedChapter(acc, v.CodRD ?? '', v.OpBudg ?? '', v.TypOpBudg ?? '');
      chapter = chapCode ? plan.chapters.get(chapCode) : undefined;
      if (!chapCode) issues?.('no-chapter', nature);
    }
    // A chapter suffixed with its operation (45411, 4581001: opérations pour compte de tiers) is
    // labelled and sectioned by its root chapter.
    if (chapCode && !chapter) chapter = byPrefix(plan.chapters, chapCode, 3);
  }
  let sect = section(chapter?.section);
  if (mode === 'default' && !sect) {
    // A chapter the plan lacks: functional chapters (9xx) carry a section too.
    sect = section(plan.functionChapters.get(v.ContFon ?? chapCode)?.section);
    // Said with the chapter the plan lacks, not the line's account.
    if (!sect) issues?.('no-section', chapCode || v.ContFon || nature);
  }
  let natureLabel = acc?.label ?? '';
  if (mode === 'default' && !natureLabel && nature) {
    // An account newer than the plan (README trap 5): its parent account's label, said in a warning.
    natureLabel = byPrefix(plan.accounts, nature, 2, true)?.label ?? '';
    issues?.(natureLabel ? 'parent-nature-label' : 'no-nature-label', nature);
  }
  const fonction = v.Fonction ?? '';
  const cells = [
    natDecLabel(h.natDec, mode),
    h.exer,
    h.idEtab,
    c.name,
    chapCode,
    chapter?.label ?? '',
    nature,
    natureLabel,
    fonction,
    functionLabel(plan, fonction, mode),
    v.Operation ?? '',
    sect,
    v.OpBudg === '0' ? 'réel' : v.OpBudg === '1' ? 'ordre' : '',
    v.CodRD === 'R' ? 'recette' : v.CodRD === 'D' ? 'dépense' : '',
    ...AMOUNTS.map((k) => v[k] ?? ''),
    v.ArtSpe === 'false' ? 'non spécialisé' : v.ArtSpe === 'true' ? 'spécialisé' : '',
  ];
  return cells;
}
