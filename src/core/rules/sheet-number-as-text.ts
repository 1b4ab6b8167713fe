// Numbers stored as text in a column of real numbers: the spreadsheet shows them alike,
// but SUM skips them and typed readers (pandas, schemas) see a text column.
import type { Loc } from '../model';
import { isPlainNumber } from '../values/number';
import { defineRule } from './rule';
import { MAX_DEFERRED } from './lib/util';
import { detach } from '../read/detach';

/** Identifiers keep their digits as text on purpose (leading zeros, 14-digit SIRET). */
const ID_HEADER = /\b(id|code|siret|siren|insee|cp|postal|n°|num(éro|ero)?|ref(érence|erence)?)\b|^id[A-Z]/i;

interface Column {
  nonEmpty: number;
  numbers: number;
  texts: { loc: Loc; value: string }[];
}

export default defineRule<{ value: string; field: string }>({
  meta: {
    id: 'sheet-number-as-text',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Number stored as text', fr: 'Nombre enregistré comme du texte' },
    why: {
      en: 'A number typed as text looks the same in the spreadsheet, but SUM ignores it and programs reading the workbook get text in a number column.',
      fr: 'Un nombre saisi comme texte s’affiche pareil dans le tableur, mais SOMME l’ignore et les programmes qui lisent le classeur reçoivent du texte dans une colonne de nombres.',
    },
    fix: {
      en: 'Convert the cells to numbers (Excel: the green triangle › Convert to Number; LibreOffice: Data › Calculate › Value).',
      fr: 'Convertissez les cellules en nombres (Excel : triangle vert › Convertir en nombre ; LibreOffice : Données › Calculer › Valeur).',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Le nombre « ${p.value} » est enregistré comme texte dans la colonne « ${p.field} », dont les autres valeurs sont des nombres.`
      : `Number “${p.value}” is stored as text in column “${p.field}”, whose other values are numbers.`,
  create(ctx) {
    let cols: Column[] = [];
    return {
      header(row) {
        cols = row.values.map(() => ({ nonEmpty: 0, numbers: 0, texts: [] }));
      },
      row(row) {
        const cells = row.cells;
        if (!cells) return;
        const n = Math.min(cols.length, row.values.length);
        for (let i = 0; i < n; i++) {
          const v = row.values[i];
          if (v === '') continue;
          const col = cols[i];
          col.nonEmpty++;
          const f = cells[i];
          if (f?.type === 'number' || f?.type === 'formula') col.numbers++;
          else if (f?.type === 'string' && f.numFmt !== '@' && col.texts.length < MAX_DEFERRED) {
            // Names and labels start with a letter: settled before any trim or regex.
            const c0 = v.charCodeAt(0);
            if (c0 > 57 && c0 < 160) continue;
            const t = v.trim();
            if (isPlainNumber(t) && !/^-?0\d/.test(t)) col.texts.push({ loc: ctx.locate(row, i + 1), value: detach(v) });
          }
        }
      },
      end() {
        cols.forEach((col, i) => {
          const field = ctx.header[i] ?? '';
          if (col.texts.length === 0 || col.numbers === 0 || ID_HEADER.test(field)) return;
          if ((col.numbers + col.texts.length) / col.nonEmpty < 0.8) return;
          for (const t of col.texts) ctx.report({ loc: t.loc, params: { value: t.value, field } });
        });
      },
    };
  },
});
