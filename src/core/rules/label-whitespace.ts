import { defineRule } from './rule';
import { hasEdgeSpace, show, trimAll } from './lib/util';

export default defineRule<{ label: string }>({
  meta: {
    id: 'label-whitespace',
    severity: 'warning',
    state: 'row-local',
    title: { en: 'Column name with surrounding spaces', fr: 'Nom de colonne entouré d’espaces' },
    why: {
      en: '“Montant ” and “Montant” are different names for a program or a schema: the column will not be found.',
      fr: '« Montant  » et « Montant » sont deux noms différents pour un programme ou un schéma : la colonne ne sera pas trouvée.',
    },
    fix: { en: 'Remove the spaces (quick fix).', fr: 'Supprimez les espaces (correction rapide).' },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Le nom de colonne ${show(p.label, 40, 'fr')} commence ou finit par une espace.`
      : `Column name ${show(p.label)} starts or ends with a space.`,
  create(ctx) {
    return {
      header(row) {
        row.values.forEach((v, i) => {
          if (hasEdgeSpace(v) && trimAll(v) !== '')
            ctx.report({ loc: ctx.locate(row, i + 1), params: { label: v }, fix: { kind: 'set-cell', value: trimAll(v) } });
        });
      },
    };
  },
});
