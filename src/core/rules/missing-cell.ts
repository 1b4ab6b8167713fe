import { defineRule } from './rule';
import { decimalCommaSplitAt } from './lib/decimal-comma-split';
import { show, cut } from './lib/util';

export default defineRule<{ width: number; cells: number; field: string; split?: string }>({
  meta: {
    id: 'missing-cell',
    severity: 'error',
    state: 'row-local',
    title: { en: 'Row has fewer cells than the header', fr: 'Ligne plus courte que l’en-tête' },
    why: {
      en: 'Every row must have as many cells as the header, even empty ones (“a,,c”). A short row leaves columns undefined.',
      fr: 'Chaque ligne doit avoir autant de cellules que l’en-tête, même vides (« a,,c »). Une ligne courte laisse des colonnes indéfinies.',
    },
    fix: { en: 'Add the missing separators at the end of the row.', fr: 'Ajoutez les séparateurs manquants en fin de ligne.' },
  },
  message(lang, p) {
    if (p.split)
      return lang === 'fr'
        ? `Cellule « ${cut(p.field)} » manquante ; le montant ${show(p.split, 40, 'fr')} contient sans doute une virgule décimale non protégée.`
        : `Cell “${cut(p.field)}” is missing; the amount ${show(p.split)} probably has an unquoted decimal comma.`;
    return lang === 'fr'
      ? `Cellule « ${cut(p.field)} » manquante : ${p.cells} cellules pour ${p.width} colonnes.`
      : `Missing cell for “${cut(p.field)}”: ${p.cells} cells for ${p.width} columns.`;
  },
  create(ctx) {
    let width = 0;
    return {
      header(row) {
        width = row.values.length;
      },
      row(row) {
        const n = row.values.length;
        if (n >= width || ctx.marks.blank) return;
        const at = decimalCommaSplitAt(row, ctx.info.delimiter);
        const split = at >= 0 ? `${row.values[at]},${row.values[at + 1]}` : undefined;
        for (let c = n + 1; c <= width; c++) {
          // A short row under a 200 000-column header: past the cap, count the rest at once.
          if (ctx.full()) return ctx.drop(width - c + 1);
          ctx.report({ loc: ctx.locate(row, c), params: { width, cells: n, field: ctx.header[c - 1] ?? String(c), split } });
        }
      },
    };
  },
});
