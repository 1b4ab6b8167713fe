// Reported by the spreadsheet reader: a workbook whose several sheets each hold a table.
import { defineRule } from './rule';

export default defineRule<{ count: number; names: string }>({
  meta: {
    id: 'sheet-several-sheets',
    scope: 'sheet',
    severity: 'info',
    state: 'row-local',
    title: { en: 'Several tables in one workbook', fr: 'Plusieurs tableaux dans un classeur' },
    why: {
      en: 'Portals preview, validate and index one table per resource: a workbook with several data sheets shows only its first, and summary sheets (pivot tables) duplicate the data.',
      fr: 'Les portails prévisualisent, valident et indexent un tableau par ressource : un classeur à plusieurs feuilles de données n’en montre que la première, et les feuilles de synthèse (tableaux croisés) dupliquent les données.',
    },
    fix: {
      en: 'Publish each data sheet as its own CSV (“Export Sheet as CSV”); leave summaries out.',
      fr: 'Publiez chaque feuille de données dans son propre CSV (« Exporter la feuille en CSV ») ; laissez de côté les synthèses.',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Le classeur contient ${p.count} tableaux (${p.names}) : publiez chacun dans son propre fichier CSV.`
      : `The workbook holds ${p.count} tables (${p.names}): publish each as its own CSV file.`,
  create: () => ({}),
});
