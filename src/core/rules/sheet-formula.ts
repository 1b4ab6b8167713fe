// Formulas: the published file keeps their last computed value only. A column computed by
// formulas is worth a check; a formula whose result was never saved publishes an empty cell.
import type { Loc } from '../model';
import { defineRule } from './rule';

export interface FormulaParams {
  kind: 'computed' | 'no-result';
  formula: string;
  count: number;
  field: string;
}

/** Formulas can be long; a message shows their start. */
const cut = (f: string) => (f.length > 50 ? f.slice(0, 49) + '…' : f);

interface Column {
  count: number;
  loc: Loc;
  formula: string;
}

export default defineRule<FormulaParams>({
  meta: {
    id: 'sheet-formula',
    scope: 'sheet',
    severity: 'info',
    state: 'split',
    title: { en: 'Values computed by formulas', fr: 'Valeurs calculées par des formules' },
    why: {
      en: 'Open data publishes values, not formulas: a CSV or an API keeps the last result Excel saved. Results go stale when the formula refers to other sheets or files, and files written by programs often hold formulas with no saved result at all.',
      fr: 'Une donnée ouverte publie des valeurs, pas des formules : un CSV ou une API garde le dernier résultat enregistré par le tableur. Ce résultat devient faux si la formule dépend d’autres feuilles ou fichiers, et les fichiers produits par des programmes contiennent souvent des formules sans résultat enregistré.',
    },
    fix: {
      en: 'Recalculate and save the workbook, or replace the formulas by their values (Copy, Paste values) before publishing.',
      fr: 'Recalculez et enregistrez le classeur, ou remplacez les formules par leurs valeurs (Copier, Collage spécial valeurs) avant publication.',
    },
  },
  message(lang, p) {
    if (p.kind === 'no-result')
      return lang === 'fr'
        ? `Formule =${p.formula} sans résultat enregistré : la cellule est vide pour tout autre outil que le tableur. Ouvrez et réenregistrez le fichier dans un tableur.`
        : `Formula =${p.formula} has no saved result: the cell is empty for every tool but a spreadsheet. Open and save the file in a spreadsheet.`;
    return lang === 'fr'
      ? `La colonne « ${p.field} » est calculée par ${p.count} formule(s) (ex. =${p.formula}) : seules les valeurs seront publiées ; vérifiez qu’elles sont à jour.`
      : `Column “${p.field}” is computed by ${p.count} formula(s) (e.g. =${p.formula}): only the values are published; check they are up to date.`;
  },
  create(ctx) {
    const columns = new Map<number, Column>();
    return {
      row(row) {
        const cells = row.cells;
        if (!cells) return;
        for (let i = 0; i < cells.length; i++) {
          const f = cells[i];
          if (f?.formula === undefined || f.type === 'error') continue;
          if (f.type === 'empty') {
            ctx.report({
              loc: ctx.locate(row, i + 1),
              params: { kind: 'no-result', formula: cut(f.formula), count: 1, field: ctx.header[i] ?? '' },
              severity: 'warning',
            });
            continue;
          }
          const col = columns.get(i);
          if (col) col.count++;
          else columns.set(i, { count: 1, loc: ctx.locate(row, i + 1), formula: f.formula });
        }
      },
      end() {
        for (const [i, c] of columns)
          ctx.report({
            loc: c.loc,
            params: { kind: 'computed', formula: cut(c.formula), count: c.count, field: ctx.header[i] || String(i + 1) },
          });
      },
    };
  },
});
