import { bundledPlansFor, type BundledPlan } from '../budget/bundled-plans';
import type { Row } from '../model';
import { defineRule } from './rule';

type What = 'chapter' | 'nature' | 'function';

interface Params {
  /** zero: the code is not in the plan; meant: it is, but its label is the padded code's. */
  kind: 'zero' | 'meant' | 'label';
  what: What;
  code: string;
  /** zero: the code with its zeros back; label: the code. */
  fixed: string;
  /** The plan's label of `fixed`. */
  label: string;
  /** The label the file gives (label disagreements). */
  given: string;
  plan: string;
}

const WORD: Record<What, { en: string; fr: string }> = {
  chapter: { en: 'chapitre', fr: 'chapitre' },
  nature: { en: 'compte', fr: 'compte' },
  function: { en: 'fonction', fr: 'fonction' },
};
/** The French articles of each word: « le chapitre, du chapitre », but « la fonction, de la fonction ». */
const THE_FR: Record<What, { le: string; du: string }> = {
  chapter: { le: 'Le chapitre', du: 'du chapitre' },
  nature: { le: 'Le compte', du: 'du compte' },
  function: { le: 'La fonction', du: 'de la fonction' },
};

const COLUMNS: { what: What; code: string; label: string }[] = [
  { what: 'chapter', code: 'BGT_CONTNAT', label: 'BGT_CONTNAT_LABEL' },
  { what: 'nature', code: 'BGT_NATURE', label: 'BGT_NATURE_LABEL' },
  { what: 'function', code: 'BGT_FONCTION', label: 'BGT_FONCTION_LABEL' },
];

function labelOf(p: BundledPlan, what: What, code: string): string | undefined {
  const plan = p.plan;
  if (what === 'chapter') return plan.chapters.get(code)?.label;
  if (what === 'nature') return plan.accounts.get(code)?.label;
  return plan.refFonc.get(code) ?? plan.functionAccounts.get(code)?.label;
}

const norm = (s: string) => s.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** Zeros a number-reading program drops: `11` → `011`; functions `1` → `01`. */
function paddings(what: What, code: string): string[] {
  if (!/^\d{1,2}$/.test(code)) return [];
  const out = [`0${code}`];
  if (code.length === 1 && what !== 'function') out.push(`00${code}`);
  return out;
}

export default defineRule<Params, null>({
  meta: {
    id: 'code-leading-zero',
    severity: 'error',
    state: 'split',
    title: { en: 'Budget code that lost its leading zero', fr: 'Code budgétaire qui a perdu son zéro initial' },
    why: {
      en: 'In an SCDL budget file, chapter, account and function codes are text: `011` (Charges à caractère général) and `11` are different codes, `020` and `20` two different chapters. A spreadsheet or a converter that reads the column as numbers drops the zeros, and the file then points to codes the plan de comptes does not have. Checked against the plans de comptes bundled with the product, of the file’s year (BGT_ANNEE) or the nearest one. Labels that disagree with the plan are reported as warnings.',
      fr: 'Dans un fichier budget SCDL, les codes de chapitre, de compte et de fonction sont du texte : `011` (Charges à caractère général) et `11` sont des codes différents, `020` et `20` deux chapitres différents. Un tableur ou un convertisseur qui lit la colonne comme des nombres supprime les zéros, et le fichier désigne alors des codes que le plan de comptes n’a pas. Vérifié avec les plans de comptes fournis avec le produit, de l’exercice du fichier (BGT_ANNEE) ou le plus proche. Les libellés qui diffèrent du plan sont signalés en avertissement.',
    },
    fix: {
      en: 'Put the zeros back (the fix does it when the label confirms the code), and keep the column as text when you open the file in a spreadsheet.',
      fr: 'Remettez les zéros (le correctif le fait quand le libellé confirme le code), et gardez la colonne au format texte à l’ouverture dans un tableur.',
    },
  },
  message: (lang, p) => {
    const w = WORD[p.what][lang];
    if (p.kind === 'label')
      return lang === 'fr'
        ? `Le libellé « ${p.given} » ${THE_FR[p.what].du} ${p.code} diffère de celui du plan ${p.plan} : « ${p.label} ».`
        : `The label “${p.given}” of ${w} ${p.code} differs from the plan ${p.plan}: “${p.label}”.`;
    if (p.kind === 'meant')
      return lang === 'fr'
        ? `${THE_FR[p.what].le} ${p.code} porte le libellé « ${p.given} », celui du ${p.fixed} dans ${p.plan} : le zéro initial a été perdu (colonne lue comme un nombre).`
        : `${w} ${p.code} is labelled “${p.given}”, the label of ${p.fixed} in ${p.plan}: the leading zero was lost (the column was read as a number).`;
    return lang === 'fr'
      ? `${THE_FR[p.what].le} ${p.code} n’existe pas dans ${p.plan} ; le ${p.fixed} — ${p.label} existe : le zéro initial a été perdu (colonne lue comme un nombre).`
      : `${w} ${p.code} does not exist in ${p.plan}; ${p.fixed} — ${p.label} does: the leading zero was lost (the column was read as a number).`;
  },
  create(ctx) {
    let cols: { what: What; code: number; label: number }[] = [];
    let year = -1;
    let plans: BundledPlan[] | null = null;
    const planName = (p: BundledPlan) => `${p.norme} ${p.year}`;
    const plansFor = (row: Row): BundledPlan[] => {
      if (plans) return plans;
      const y = Number(row.values[year]);
      plans = bundledPlansFor(year >= 0 && Number.isInteger(y) && y > 1990 ? y : null);
      return plans;
    };
    const zero = (
      row: Row,
      c: (typeof cols)[number],
      code: string,
      fixed: string,
      p: BundledPlan,
      given: string,
      certain: boolean,
      kind: 'zero' | 'meant' = 'zero',
    ) =>
      ctx.report({
        loc: ctx.locate(row, c.code + 1),
        params: { kind, what: c.what, code, fixed, label: labelOf(p, c.what, fixed)!, given, plan: planName(p) },
        fix: certain ? { kind: 'set-cell', value: fixed } : undefined,
      });
    const cell = (row: Row, i: number) => (i >= 0 ? (row.values[i] ?? '').trim() : '');
    const agrees = (p: BundledPlan, c: (typeof cols)[number], code: string, given: string) => {
      const l = labelOf(p, c.what, code);
      return l !== undefined && norm(l) === norm(given);
    };
    const check = (row: Row, c: (typeof cols)[number], rowPlans: BundledPlan[]) => {
      const code = cell(row, c.code);
      if (!code) return;
      const given = cell(row, c.label);
      const ps = plansFor(row);
      const having = ps.filter((p) => labelOf(p, c.what, code) !== undefined);
      if (having.length) {
        if (!given || having.some((p) => agrees(p, c, code, given))) return;
        // `20` with the label of `020` (Dépenses imprévues): a valid code, but not the one meant.
        for (const fixed of paddings(c.what, code)) {
          const q = ps.find((x) => agrees(x, c, fixed, given));
          if (q) return zero(row, c, code, fixed, q, given, true, 'meant');
        }
        // A label is judged only against the plans the row's other codes and labels point to,
        // and only when they all have the code: another nomenclature may use it for something else.
        if (!rowPlans.length || !rowPlans.every((p) => labelOf(p, c.what, code) !== undefined)) return;
        const p = rowPlans[0];
        ctx.report({
          loc: ctx.locate(row, c.label + 1),
          severity: 'warning',
          params: { kind: 'label', what: c.what, code, fixed: code, label: labelOf(p, c.what, code)!, given, plan: planName(p) },
        });
        return;
      }
      for (const fixed of paddings(c.what, code)) {
        const found = ps.filter((p) => labelOf(p, c.what, fixed) !== undefined);
        if (!found.length) continue;
        const confirmed = given ? found.find((p) => agrees(p, c, fixed, given)) : undefined;
        // Certain when the row's own label names that account, or when it has no label to disagree.
        return zero(row, c, code, fixed, confirmed ?? found[0], given, !!confirmed || !given);
      }
    };
    return {
      header(row) {
        const at = (n: string) => row.values.findIndex((v) => v.trim() === n);
        if (at('BGT_CONTNAT') < 0 || at('BGT_NATURE') < 0) return;
        year = at('BGT_ANNEE');
        cols = COLUMNS.map((c) => ({ what: c.what, code: at(c.code), label: at(c.label) })).filter((c) => c.code >= 0);
      },
      row(row) {
        if (!cols.length) return;
        // The plans some code of this row agrees with, label included: the row's own evidence,
        // so each row is judged alone (and a split lint judges it the same).
        const rowPlans = plansFor(row).filter((p) =>
          cols.some((c) => cell(row, c.label) !== '' && agrees(p, c, cell(row, c.code), cell(row, c.label))),
        );
        for (const c of cols) check(row, c, rowPlans);
      },
      // Split lint: the plans are decided on the first row, which the later part's head visit sees too.
      split: { resume() {}, handOver: () => null, takeOver() {} },
    };
  },
});
