// CSV injection (OWASP): a cell starting with = + - @ (or a tab or CR before one, or spaces a
// spreadsheet trims) is run as a formula when a re-user opens the file. `=HYPERLINK(...)` can
// exfiltrate data. The fix (an apostrophe first) is offered, never applied by "fix all" or
// `odw clean`: only the author knows whether "- 1+2" is a formula or a text.
import { defineRule } from './rule';
import { neutralized, startsFormula } from '../values/formula';
import { show } from './lib/util';
import { EDGE_SPACE, FORMULA } from '../engine/cell-marks';

export default defineRule<{ value: string }>({
  meta: {
    id: 'formula-injection',
    severity: 'warning',
    state: 'row-local',
    title: { en: 'Cell would run as a spreadsheet formula', fr: 'Cellule exécutée comme une formule par un tableur' },
    why: {
      en: 'When a re-user opens the CSV in Excel or LibreOffice, a cell starting with = + - or @ is evaluated as a formula (CSV injection): it can show errors or leak data.',
      fr: 'Quand un réutilisateur ouvre le CSV dans Excel ou LibreOffice, une cellule commençant par = + - ou @ est évaluée comme une formule (injection CSV) : elle peut afficher des erreurs ou faire fuiter des données.',
    },
    fix: {
      en: "Rewrite the value so it does not start with these characters, or accept the offered fix: an apostrophe first ('=1+1), which spreadsheets read as text.",
      fr: "Réécrivez la valeur pour qu’elle ne commence pas par ces caractères, ou acceptez la correction proposée : une apostrophe devant ('=1+1), que les tableurs lisent comme du texte.",
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `${show(p.value, 40, 'fr')} serait exécuté comme une formule par un tableur.`
      : `${show(p.value)} would be run as a formula by a spreadsheet.`,
  create(ctx) {
    return {
      row(row) {
        const m = ctx.marks;
        if (!(m.any & (FORMULA | EDGE_SPACE))) return;
        const v = row.values;
        for (let k = 0; k < m.count; k++) {
          if (!(m.marks[k] & (FORMULA | EDGE_SPACE))) continue;
          const i = m.at[k];
          const s = v[i];
          // = + - @ (after the spaces a spreadsheet may trim); a lone "-" and numbers are harmless.
          if (!startsFormula(s)) continue;
          ctx.report({
            loc: ctx.locate(row, i + 1),
            params: { value: s },
            fix: { kind: 'set-cell', value: neutralized(s), offered: true },
          });
        }
      },
    };
  },
});
