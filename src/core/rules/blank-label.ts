import { defineRule } from './rule';
import { isBlank } from './util';

export default defineRule<{ column: number }>({
  meta: {
    id: 'blank-label',
    severity: 'error',
    title: { en: 'Column without a name', fr: 'Colonne sans nom' },
    why: {
      en: 'Every column needs a name in the header row so re-users and schemas can find it.',
      fr: 'Chaque colonne doit avoir un nom dans la ligne d’en-tête pour que réutilisateurs et schémas la retrouvent.',
    },
    fix: { en: 'Name the column, or delete it if it is empty.', fr: 'Nommez la colonne, ou supprimez-la si elle est vide.' },
  },
  message: (lang, p) =>
    lang === 'fr' ? `La colonne ${p.column} n’a pas de nom.` : `Column ${p.column} has no name.`,
  create(ctx) {
    return {
      header(row) {
        row.values.forEach((v, i) => {
          if (isBlank(v)) ctx.report({ loc: ctx.locate(row, i + 1), params: { column: i + 1 } });
        });
      },
    };
  },
});
