// CSV injection (OWASP): a cell starting with = + - @ is run as a formula by spreadsheets
// when a re-user opens the file. `=HYPERLINK(...)` can exfiltrate data.
import { defineRule } from './rule';
import { parseNumber } from '../values/number';
import { show } from './util';
import { FORMULA } from './cell-marks';

export default defineRule<{ value: string }>({
  meta: {
    id: 'formula-injection',
    severity: 'warning',
    title: { en: 'Cell would run as a spreadsheet formula', fr: 'Cellule exécutée comme une formule par un tableur' },
    why: {
      en: 'When a re-user opens the CSV in Excel or LibreOffice, a cell starting with = + - or @ is evaluated as a formula (CSV injection): it can show errors or leak data.',
      fr: 'Quand un réutilisateur ouvre le CSV dans Excel ou LibreOffice, une cellule commençant par = + - ou @ est évaluée comme une formule (injection CSV) : elle peut afficher des erreurs ou faire fuiter des données.',
    },
    fix: { en: 'Rewrite the value so it does not start with these characters.', fr: 'Réécrivez la valeur pour qu’elle ne commence pas par ces caractères.' },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `${show(p.value)} serait exécuté comme une formule par un tableur.`
      : `${show(p.value)} would be run as a formula by a spreadsheet.`,
  create(ctx) {
    return {
      row(row) {
        const m = ctx.marks;
        if (!(m.any & FORMULA)) return;
        const v = row.values;
        for (let k = 0; k < m.count; k++) {
          if (!(m.marks[k] & FORMULA)) continue;
          const i = m.at[k];
          const s = v[i];
          const c = s.charCodeAt(0);
          // = + - @ ; a lone "-" is a zero placeholder and numbers are harmless.
          if (s.length < 2 || ((c === 43 || c === 45) && (s[1] === ' ' || parseNumber(s)))) continue;
          ctx.report({ loc: ctx.locate(row, i + 1), params: { value: s } });
        }
      },
    };
  },
});
