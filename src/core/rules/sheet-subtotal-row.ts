// Rows computed by SUM/SUBTOTAL formulas over the rows above: totals and subtotals are
// computations, not records. (A last row labelled "Total" is `totals-row`'s.)
import type { Loc } from '../model';
import { defineRule } from './rule';
import { isBlank, isBlankRow } from './lib/util';

const AGGREGATE = /^(SUM|SOMME|SUBTOTAL|SOUS\.TOTAL|AGGREGATE|AGREGAT)\s*\([^)]*:/i;
const TOTAL_LABEL = /^\s*(total|totaux|sous[- ]?total|somme|montant total|grand total)\b/i;

export default defineRule<{ formula: string }>({
  meta: {
    id: 'sheet-subtotal-row',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Subtotal row computed by formulas', fr: 'Ligne de sous-total calculée par formules' },
    why: {
      en: 'A row that sums the rows above is not a record: re-users adding up the column count those amounts twice.',
      fr: 'Une ligne qui additionne les lignes du dessus n’est pas un enregistrement : un réutilisateur qui additionne la colonne compte ces montants deux fois.',
    },
    fix: {
      en: 'Delete total and subtotal rows; re-users compute them.',
      fr: 'Supprimez les lignes de total et de sous-total ; les réutilisateurs les calculent.',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Ligne de total calculée (=${p.formula}) : ce n’est pas un enregistrement.`
      : `Totals row computed by =${p.formula}: this is not a record.`,
  create(ctx) {
    // The last totals row is held back: when it is labelled "Total", `totals-row` reports it already.
    let pending: { loc: Loc; formula: string; labelled: boolean } | null = null;
    return {
      row(row) {
        const cells = row.cells;
        if (!cells || isBlankRow(row)) return;
        if (pending) ctx.report({ loc: pending.loc, params: { formula: pending.formula } });
        pending = null;
        const f = cells.find((c) => c?.formula !== undefined && AGGREGATE.test(c.formula))?.formula;
        if (!f) return;
        const label = row.values.slice(0, 3).find((v) => !isBlank(v)) ?? '';
        pending = { loc: ctx.locateRow(row), formula: f.length > 40 ? f.slice(0, 39) + '…' : f, labelled: TOTAL_LABEL.test(label) };
      },
      end() {
        if (pending && !pending.labelled) ctx.report({ loc: pending.loc, params: { formula: pending.formula } });
      },
    };
  },
});
