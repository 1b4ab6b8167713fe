// A cell showing an error value (#REF!, #DIV/0!, #N/A…): a broken formula, or an error typed in.
import { defineRule } from './rule';
import { show } from './lib/util';

export default defineRule<{ value: string; formula: string | null }>({
  meta: {
    id: 'sheet-formula-error',
    scope: 'sheet',
    severity: 'error',
    state: 'row-local',
    title: { en: 'Cell holds an error value', fr: 'Cellule en erreur' },
    why: {
      en: '#REF!, #DIV/0!, #VALUE! or #N/A are not data: published as is, they break number columns and mislead re-users. They usually come from a formula whose source moved or was deleted.',
      fr: '#REF!, #DIV/0!, #VALEUR! ou #N/A ne sont pas des données : publiées telles quelles, elles cassent les colonnes de nombres et trompent les réutilisateurs. Elles viennent souvent d’une formule dont la source a été déplacée ou supprimée.',
    },
    fix: {
      en: 'Repair the formula, or clear the cell when there is no value.',
      fr: 'Réparez la formule, ou videz la cellule s’il n’y a pas de valeur.',
    },
  },
  message(lang, p) {
    const f = p.formula ? (lang === 'fr' ? ` (formule =${p.formula})` : ` (formula =${p.formula})`) : '';
    return lang === 'fr' ? `La cellule affiche l’erreur ${show(p.value, 40, 'fr')}${f}.` : `The cell shows the error ${show(p.value)}${f}.`;
  },
  create(ctx) {
    return {
      row(row) {
        const cells = row.cells;
        if (!cells) return;
        for (let i = 0; i < cells.length; i++)
          if (cells[i]?.type === 'error')
            ctx.report({ loc: ctx.locate(row, i + 1), params: { value: row.values[i] ?? '', formula: cells[i]!.formula ?? null } });
      },
    };
  },
});
