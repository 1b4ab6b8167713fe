// Reported by the spreadsheet reader (it sees whole sheets): empty sheets and scratch sheets
// with a few scattered cells but no table.
import { cut } from './lib/util';
import { defineRule } from './rule';

export interface SheetEmptyParams {
  kind: 'empty' | 'scratch';
  sheet: string;
  cells: number;
}

export default defineRule<SheetEmptyParams>({
  meta: {
    id: 'sheet-empty',
    scope: 'sheet',
    severity: 'warning',
    state: 'row-local',
    title: { en: 'Empty or scratch sheet', fr: 'Feuille vide ou brouillon' },
    why: {
      en: 'Re-users open every sheet of a published workbook: empty sheets (Feuil2, Feuil3) and scratch sheets with a few notes or calculations are noise, and sometimes leak drafts.',
      fr: 'Les réutilisateurs ouvrent chaque feuille d’un classeur publié : les feuilles vides (Feuil2, Feuil3) et les brouillons avec quelques notes ou calculs sont du bruit, et laissent parfois fuiter des travaux internes.',
    },
    fix: { en: 'Delete the sheet before publishing.', fr: 'Supprimez la feuille avant publication.' },
  },
  message(lang, p) {
    if (p.kind === 'empty')
      return lang === 'fr' ? `La feuille « ${cut(p.sheet)} » est vide : supprimez-la.` : `Sheet “${cut(p.sheet)}” is empty: delete it.`;
    return lang === 'fr'
      ? `La feuille « ${cut(p.sheet)} » ne contient que ${p.cells} cellule(s) éparses, pas un tableau : brouillon à supprimer ?`
      : `Sheet “${cut(p.sheet)}” holds only ${p.cells} scattered cell(s), not a table: a scratch sheet to delete?`;
  },
  create: () => ({}),
});
