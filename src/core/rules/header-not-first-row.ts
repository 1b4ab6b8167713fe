// A title block ("Subventions 2017", a merged banner) above the real header is common in
// exports from spreadsheets: tools then take the title as the column names.
import type { Row } from '../model';
import { defineRule } from './rule';
import { isBlank } from './lib/util';

export const LOOKAHEAD = 10;

export function filled(row: Row): number {
  let n = 0;
  for (const v of row.values) if (!isBlank(v)) n++;
  return n;
}

/** A header candidate: several non-empty cells, all text (not numbers). */
export function looksLikeHeader(row: Row, width: number): boolean {
  const n = filled(row);
  if (n < Math.max(2, Math.ceil(width * 0.6))) return false;
  return row.values.every((v) => isBlank(v) || !/^[-+]?[\d\s.,€%]+$/.test(v));
}

/** A first row that fills one or two of its cells: a title, not a header (a real header fills most). */
export function isTitleLike(row: Row): boolean {
  return filled(row) <= Math.max(1, Math.floor(row.values.length / 4)) || row.values.length === 1;
}

export default defineRule<{ headerRow: number }, null>({
  meta: {
    id: 'header-not-first-row',
    severity: 'error',
    state: 'split',
    title: { en: 'Title rows above the header', fr: 'Lignes de titre au-dessus de l’en-tête' },
    why: {
      en: 'The first row must hold the column names. A title or banner above it becomes the column names for every tool.',
      fr: 'La première ligne doit contenir les noms de colonnes. Un titre ou un bandeau au-dessus devient le nom des colonnes pour tous les outils.',
    },
    fix: { en: 'Delete the rows above the real header.', fr: 'Supprimez les lignes situées au-dessus du véritable en-tête.' },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `La première ligne ressemble à un titre ; l’en-tête semble être la ligne ${p.headerRow}.`
      : `The first row looks like a title; the header seems to be row ${p.headerRow}.`,
  create(ctx) {
    let first: Row | null = null;
    let width = 0;
    let done = false;
    return {
      header(row) {
        if (isTitleLike(row)) first = row;
        else done = true;
      },
      // Split lint: the later part starts far past the rows this rule looks at.
      split: {
        resume() {
          done = true;
        },
        handOver: () => null,
        takeOver() {},
      },
      row(row) {
        if (done || !first) return;
        width = Math.max(width, row.values.length);
        if (row.number > 1 + LOOKAHEAD) {
          done = true;
          return;
        }
        if (row.values.length >= 2 && looksLikeHeader(row, width) && filled(row) > filled(first)) {
          ctx.report({ loc: ctx.locateRow(first), params: { headerRow: row.number } });
          done = true;
        }
      },
    };
  },
});
