// Merged ranges: a value shown across several cells is stored in the first one only, so
// every other cell of the range is empty for any program reading the file.
import { rangeRef } from '../sheet/address';
import { sheetFactsOf, sheetLoc } from '../sheet/facts';
import { defineRule } from './rule';

export interface MergedParams {
  range: string;
  where: 'title' | 'header' | 'data';
  first: string;
  empty: number;
}

export default defineRule<MergedParams>({
  meta: {
    id: 'sheet-merged-cells',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Merged cells', fr: 'Cellules fusionnées' },
    why: {
      en: 'A merged range keeps its value in its first cell only: the other cells are empty once the data leaves the spreadsheet (CSV, API, re-use), so rows lose their category or columns their name.',
      fr: 'Une plage fusionnée ne garde sa valeur que dans sa première cellule : les autres sont vides dès que la donnée quitte le tableur (CSV, API, réutilisation), et des lignes perdent leur catégorie ou des colonnes leur nom.',
    },
    fix: {
      en: 'Unmerge the cells and repeat the value in each of them; delete merged title rows.',
      fr: 'Défusionnez les cellules et répétez la valeur dans chacune ; supprimez les lignes de titre fusionnées.',
    },
  },
  message(lang, p) {
    if (p.where === 'title')
      return lang === 'fr'
        ? `Cellules fusionnées ${p.range} dans le titre au-dessus de l’en-tête : supprimez ces lignes de titre.`
        : `Merged cells ${p.range} in the title block above the header: delete the title rows.`;
    if (p.where === 'header')
      return lang === 'fr'
        ? `Cellules d’en-tête fusionnées ${p.range} : les colonnes dessous n’ont pas chacune un nom.`
        : `Merged header cells ${p.range}: the columns below do not each have a name.`;
    return lang === 'fr'
      ? `Cellules fusionnées ${p.range} : seule ${p.first} porte la valeur, les ${p.empty} autres cellules sont vides pour les outils.`
      : `Merged cells ${p.range}: only ${p.first} holds the value; the other ${p.empty} cells are empty for tools.`;
  },
  create(ctx) {
    return {
      end() {
        const facts = sheetFactsOf(ctx.info);
        if (!facts || facts.header.rows.length === 0) return;
        const [first] = facts.header.rows;
        const last = facts.header.rows[facts.header.rows.length - 1];
        for (const m of facts.merges) {
          const where = m.bottom < first ? 'title' : m.top <= last ? 'header' : 'data';
          const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
          ctx.report({
            loc: sheetLoc(facts, m.top, m.left),
            params: { range: rangeRef(m), where, first: rangeRef({ ...m, bottom: m.top, right: m.left }), empty: cells - 1 },
          });
        }
      },
    };
  },
});
