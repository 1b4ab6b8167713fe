// Several tables stacked on one sheet, separated by blank rows: a tool reads them as one
// table whose second header and other columns land in the middle of the data.
import type { Row } from '../model';
import { defineRule } from './rule';
import { isDataLike } from '../sheet/header';
import { sheetFactsOf } from '../sheet/facts';
import { isBlank, show, trimAll } from './lib/util';

export interface SeveralTablesParams {
  kind: 'repeated-header' | 'new-header';
  sample: string;
}

/** Enough values to say a column holds numbers before trusting it. */
const MIN_SAMPLES = 3;

export default defineRule<SeveralTablesParams>({
  meta: {
    id: 'sheet-several-tables',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Several tables on one sheet', fr: 'Plusieurs tableaux sur une feuille' },
    why: {
      en: 'One file (or one sheet) must hold one table. A second table below the first, after blank rows, is read as rows of the first: its header becomes data and its columns mix with the others.',
      fr: 'Un fichier (ou une feuille) doit contenir un seul tableau. Un second tableau sous le premier, après des lignes vides, est lu comme des lignes du premier : son en-tête devient une donnée et ses colonnes se mélangent aux autres.',
    },
    fix: {
      en: 'Move each table to its own sheet and publish each as its own file.',
      fr: 'Placez chaque tableau sur sa propre feuille et publiez chacun dans son propre fichier.',
    },
  },
  message(lang, p) {
    if (p.kind === 'repeated-header')
      return lang === 'fr'
        ? `Un nouveau tableau semble commencer ici, après des lignes vides : l’en-tête est répété (${show(p.sample, 40, 'fr')}).`
        : `A new table seems to start here, after blank rows: the header is repeated (${show(p.sample)}).`;
    return lang === 'fr'
      ? `Un nouveau tableau semble commencer ici, après des lignes vides : cette ligne ressemble à un en-tête (${show(p.sample, 40, 'fr')}).`
      : `A new table seems to start here, after blank rows: this row looks like a header (${show(p.sample)}).`;
  },
  create(ctx) {
    let labels = new Set<string>();
    let numeric: number[] = [];
    let seen: number[] = [];
    let afterBlank = false;
    let active = false;
    const check = (row: Row) => {
      const filled = row.values.map((v, i) => ({ v: trimAll(v), i })).filter((c) => c.v !== '');
      if (filled.length < 2) return;
      const repeated = filled.filter((c) => labels.has(c.v)).length >= Math.ceil(filled.length * 0.6);
      const textOnly = filled.every((c) => !isDataLike(c.v, row.cells?.[c.i]));
      const overNumbers = filled.some((c) => seen[c.i] >= MIN_SAMPLES && numeric[c.i] / seen[c.i] >= 0.8);
      const sample = filled
        .slice(0, 3)
        .map((c) => c.v)
        .join(' | ');
      if (repeated) ctx.report({ loc: ctx.locateRow(row), params: { kind: 'repeated-header', sample } });
      else if (textOnly && overNumbers) ctx.report({ loc: ctx.locateRow(row), params: { kind: 'new-header', sample } });
    };
    return {
      header(row) {
        // Sheets only: without cell types a CSV's second header cannot be told from data.
        active = !!sheetFactsOf(ctx.info);
        labels = new Set(row.values.filter((v) => !isBlank(v)).map(trimAll));
        numeric = row.values.map(() => 0);
        seen = row.values.map(() => 0);
      },
      row(row) {
        if (!active) return;
        // The engine's blank test of this row (cell-marks.ts), not a second pass over its cells.
        if (ctx.marks.blank) {
          afterBlank = seen.some((n) => n > 0);
          return;
        }
        if (afterBlank) check(row);
        afterBlank = false;
        const v = row.values;
        const cells = row.cells;
        const n = Math.min(v.length, seen.length);
        for (let i = 0; i < n; i++) {
          if (v[i] === '') continue;
          seen[i]++;
          // Cell types that a header never holds.
          const t = cells?.[i]?.type;
          if (t === 'number' || t === 'date' || t === 'boolean' || t === 'formula') numeric[i]++;
        }
      },
    };
  },
});
