import { defineRule } from './rule';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'blank-row',
    severity: 'error',
    state: 'row-local',
    title: { en: 'Blank row', fr: 'Ligne vide' },
    why: {
      en: 'Blank rows used as spacers break tables in two for tools and add empty records.',
      fr: 'Les lignes vides servant d’espacement coupent le tableau en deux pour les outils et ajoutent des enregistrements vides.',
    },
    fix: { en: 'Delete the row (quick fix).', fr: 'Supprimez la ligne (correction rapide).' },
  },
  message: (lang) => (lang === 'fr' ? 'Ligne vide.' : 'Blank row.'),
  create(ctx) {
    return {
      row(row) {
        if (ctx.marks.blank) ctx.report({ loc: ctx.locateRow(row), params: {}, fix: { kind: 'delete-row' } });
      },
    };
  },
});
