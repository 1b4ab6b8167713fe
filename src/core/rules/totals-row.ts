import type { Loc } from '../model';
import { defineRule, shiftLoc } from './rule';
import { isBlank, show } from './lib/util';

const TOTAL = /^\s*(total|totaux|sous[- ]?total|somme|montant total|grand total)\b/i;

export default defineRule<{ value: string }, { seen: boolean; last: { loc: Loc; value: string } | null }>({
  meta: {
    id: 'totals-row',
    severity: 'warning',
    state: 'split',
    title: { en: 'Totals row at the end', fr: 'Ligne de total en fin de tableau' },
    why: {
      en: 'A “Total” line is a computation, not a record: re-users summing the column count everything twice.',
      fr: 'Une ligne « Total » est un calcul, pas un enregistrement : un réutilisateur qui additionne la colonne compte tout deux fois.',
    },
    fix: {
      en: 'Delete the totals row; re-users compute totals themselves.',
      fr: 'Supprimez la ligne de total ; les réutilisateurs calculent eux-mêmes les totaux.',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Ligne de total (${show(p.value, 40, 'fr')}) : ce n’est pas un enregistrement.`
      : `Totals row (${show(p.value)}): this is not a record.`,
  create(ctx) {
    let last: { loc: Loc; value: string } | null = null;
    /** Split lint: the later part saw a row that is not blank (its `last` then wins). */
    let seen = false;
    return {
      row(row) {
        if (ctx.marks.blank) return;
        seen = true;
        // Only the first cells name a total; a description mentioning "total" is no totals row.
        const v = row.values;
        const first = !isBlank(v[0]) ? v[0] : !isBlank(v[1]) ? v[1] : (v[2] ?? '');
        const c = first.charCodeAt(0) | 0x20;
        // Cheap gate before the regex: a total starts with t, s or m (total, sous-total, somme, montant).
        last = (c === 116 || c === 115 || c === 109 || c === 32) && TOTAL.test(first) ? { loc: ctx.locateRow(row), value: first } : null;
      },
      split: {
        resume() {
          last = null;
          seen = false;
        },
        handOver: () => ({ seen, last }),
        takeOver(later, shift) {
          if (later.seen) last = later.last && { loc: shiftLoc(later.last.loc, shift), value: later.last.value };
        },
      },
      end() {
        if (last?.value) ctx.report({ loc: last.loc, params: { value: last.value } });
      },
    };
  },
});
