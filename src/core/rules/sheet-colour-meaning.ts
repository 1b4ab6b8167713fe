// Meaning carried by colour alone: some rows highlighted (paid, cancelled, to check…).
// Colour does not survive outside the spreadsheet, so the information is lost.
import type { Loc } from '../model';
import { defineRule } from './rule';
import { isBlankRow } from './lib/util';

export interface ColourParams {
  colour: string;
  cells: number;
  rows: string;
}

/** Above this share of rows a colour is banding or column styling, not a marker. */
const MARKER_SHARE = 0.4;

interface Use {
  cells: number;
  rows: number[];
  lastRow: number;
  loc: Loc;
}

export default defineRule<ColourParams>({
  meta: {
    id: 'sheet-colour-meaning',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Meaning carried by cell colour', fr: 'Information portée par la couleur des cellules' },
    why: {
      en: 'Highlighting some rows (paid, cancelled, to check) is invisible to every program and lost in CSV: if the colour means something, re-users never learn it.',
      fr: 'Surligner certaines lignes (payé, annulé, à vérifier) est invisible pour les programmes et perdu en CSV : si la couleur a un sens, les réutilisateurs ne le sauront jamais.',
    },
    fix: {
      en: 'Add a column that states what the colour means (e.g. “statut”).',
      fr: 'Ajoutez une colonne qui dit ce que signifie la couleur (ex. « statut »).',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `${p.cells} cellule(s) colorée(s) (${p.colour}) sur les lignes ${p.rows} : si la couleur a un sens, ajoutez une colonne qui le dit.`
      : `${p.cells} cell(s) coloured ${p.colour} in rows ${p.rows}: if the colour means something, add a column that says it.`,
  create(ctx) {
    const uses = new Map<string, Use>();
    let dataRows = 0;
    return {
      row(row) {
        const cells = row.cells;
        if (!cells || isBlankRow(row)) return;
        dataRows++;
        for (let i = 0; i < cells.length; i++) {
          const fill = cells[i]?.fill;
          if (!fill || row.values[i] === '') continue;
          const u = uses.get(fill);
          if (!u) uses.set(fill, { cells: 1, rows: [row.number], lastRow: row.number, loc: ctx.locate(row, i + 1) });
          else {
            u.cells++;
            if (u.lastRow !== row.number) {
              u.lastRow = row.number;
              u.rows.push(row.number);
            }
          }
        }
      },
      end() {
        for (const [colour, u] of uses) {
          if (u.rows.length > dataRows * MARKER_SHARE) continue;
          const rows = u.rows.slice(0, 5).join(', ') + (u.rows.length > 5 ? '…' : '');
          ctx.report({ loc: u.loc, params: { colour: colour.replace(/^FF(?=[0-9A-F]{6}$)/, '#'), cells: u.cells, rows } });
        }
      },
    };
  },
});
