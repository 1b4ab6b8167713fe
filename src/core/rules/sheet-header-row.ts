// Where the header of a sheet is: the reader found it below a title block, over two rows,
// or not at all; the table was linted from that header, and this says so.
import { sheetFactsOf, sheetLoc } from '../sheet/facts';
import { defineRule } from './rule';
import { show } from './lib/util';

export interface SheetHeaderParams {
  kind: 'title' | 'stacked' | 'none';
  header: number;
  first: number;
  sample: string;
}

const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);

export default defineRule<SheetHeaderParams>({
  meta: {
    id: 'sheet-header-row',
    scope: 'sheet',
    severity: 'warning',
    state: 'row-local',
    title: { en: 'Header is not a single first row', fr: 'L’en-tête n’est pas une seule première ligne' },
    why: {
      en: 'A published table starts with one row of column names. Titles, banners or notes above it, a header split over two rows, or no header at all make every tool misread the columns.',
      fr: 'Un tableau publié commence par une seule ligne de noms de colonnes. Un titre, un bandeau ou des notes au-dessus, un en-tête sur deux lignes, ou pas d’en-tête du tout font mal lire les colonnes à tous les outils.',
    },
    fix: {
      en: 'Delete the rows above the header and merge stacked labels into one row. “Export Sheet as CSV” does this for you.',
      fr: 'Supprimez les lignes au-dessus de l’en-tête et regroupez les libellés empilés sur une ligne. « Exporter la feuille en CSV » le fait pour vous.',
    },
  },
  message(lang, p) {
    if (p.kind === 'title')
      return lang === 'fr'
        ? `Ligne(s) ${span(p.first, p.header - 1)} au-dessus de l’en-tête (titre ou bandeau : ${show(p.sample, 40, 'fr')}) : le tableau est lu à partir de la ligne ${p.header}.`
        : `Row(s) ${span(p.first, p.header - 1)} above the header are a title block (${show(p.sample)}): the table is read from row ${p.header}.`;
    if (p.kind === 'stacked')
      return lang === 'fr'
        ? `L’en-tête occupe les lignes ${p.first}–${p.header} ; les noms de colonnes sont formés en les joignant (ex. ${show(p.sample, 40, 'fr')}). Utilisez une seule ligne d’en-tête.`
        : `The header spans rows ${p.first}–${p.header}; column names are made by joining them (e.g. ${show(p.sample)}). Use a single header row.`;
    return lang === 'fr'
      ? `La ligne ${p.header} contient des données (${show(p.sample, 40, 'fr')}) et non des noms de colonnes : la feuille n’a pas d’en-tête.`
      : `Row ${p.header} holds data (${show(p.sample)}), not column names: the sheet has no header row.`;
  },
  create(ctx) {
    return {
      header(row) {
        const facts = sheetFactsOf(ctx.info);
        if (!facts) return;
        const h = facts.header;
        const first = h.rows[0];
        if (h.above.length > 0) {
          const sample = facts.header.candidates.find((c) => c.row === h.above[0])?.preview ?? '';
          ctx.report({ loc: sheetLoc(facts, h.above[0], null), params: { kind: 'title', header: first, first: h.above[0], sample } });
        }
        if (h.rows.length > 1) {
          const sample = h.labels.find((l, i) => l.includes(' ') && (row.values[i] ?? '') !== '') ?? h.labels.find((l) => l) ?? '';
          ctx.report({ loc: sheetLoc(facts, first, null), params: { kind: 'stacked', header: row.number, first, sample } });
        }
        if (h.noHeader) {
          const sample = row.values
            .filter((v) => v.trim())
            .slice(0, 3)
            .join(', ');
          ctx.report({ loc: ctx.locateRow(row), params: { kind: 'none', header: row.number, first: row.number, sample } });
        }
      },
    };
  },
});
