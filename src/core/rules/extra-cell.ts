import { defineRule } from './rule';
import { decimalCommaSplitAt } from './lib/decimal-comma-split';
import { show } from './lib/util';

export default defineRule<{ width: number; cells: number; split?: string }>({
  meta: {
    id: 'extra-cell',
    severity: 'error',
    state: 'row-local',
    title: { en: 'Row has more cells than the header', fr: 'Ligne plus longue que l’en-tête' },
    why: {
      en: 'Every row must have as many cells as the header. An extra cell shifts the data out of its columns.',
      fr: 'Chaque ligne doit avoir autant de cellules que l’en-tête. Une cellule en trop décale les données hors de leurs colonnes.',
    },
    fix: {
      en: 'Quote cells that contain the separator (e.g. "24 975,00"), or use a decimal point.',
      fr: 'Mettez entre guillemets les cellules qui contiennent le séparateur (ex. "24 975,00"), ou utilisez le point décimal.',
    },
  },
  message(lang, p) {
    if (p.split)
      return lang === 'fr'
        ? `${p.cells} cellules pour ${p.width} colonnes : le montant ${show(p.split, 40, 'fr')} contient une virgule décimale non protégée, qui coupe la cellule en deux.`
        : `${p.cells} cells for ${p.width} columns: the amount ${show(p.split)} has an unquoted decimal comma that splits the cell in two.`;
    return lang === 'fr'
      ? `Cellule en trop : ${p.cells} cellules pour ${p.width} colonnes.`
      : `Extra cell: ${p.cells} cells for ${p.width} columns.`;
  },
  create(ctx) {
    let width = 0;
    return {
      header(row) {
        width = row.values.length;
      },
      row(row) {
        const n = row.values.length;
        if (n <= width) return;
        const at = decimalCommaSplitAt(row, ctx.info.delimiter);
        if (at >= 0) {
          const value = `${row.values[at]},${row.values[at + 1]}`;
          const loc = ctx.locate(row, at + 1);
          const end = ctx.locate(row, at + 2);
          loc.end = end.end;
          loc.endLine = end.endLine;
          ctx.report({ loc, params: { width, cells: n, split: value }, fix: { kind: 'quote-cells', from: at + 1, to: at + 2, value } });
          return;
        }
        for (let c = width + 1; c <= n; c++) {
          // A row of 4 million cells: past the cap, count the rest at once.
          if (ctx.full()) return ctx.drop(n - c + 1);
          ctx.report({ loc: ctx.locate(row, c), params: { width, cells: n } });
        }
      },
    };
  },
});
