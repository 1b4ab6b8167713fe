import { defineRule } from './rule';
import { isBlank, trimAll, cut } from './lib/util';

export default defineRule<{ label: string; first: number }>({
  meta: {
    id: 'duplicate-label',
    severity: 'error',
    state: 'row-local',
    title: { en: 'Two columns with the same name', fr: 'Deux colonnes portent le même nom' },
    why: {
      en: 'Column names identify fields: with two identical names, tools keep one and drop the other.',
      fr: 'Les noms de colonnes identifient les champs : avec deux noms identiques, les outils en gardent un et perdent l’autre.',
    },
    fix: { en: 'Rename or remove the second column.', fr: 'Renommez ou supprimez la seconde colonne.' },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `La colonne « ${cut(p.label)} » existe déjà (colonne ${p.first}).`
      : `Column “${cut(p.label)}” already exists (column ${p.first}).`,
  create(ctx) {
    return {
      header(row) {
        const seen = new Map<string, number>();
        row.values.forEach((v, i) => {
          if (isBlank(v)) return;
          const key = trimAll(v);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, i + 1);
          else ctx.report({ loc: ctx.locate(row, i + 1), params: { label: key, first } });
        });
      },
    };
  },
});
