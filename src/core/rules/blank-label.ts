import type { Loc, Row } from '../model';
import { defineRule } from './rule';
import { isBlank } from './lib/util';
import { filled, isTitleLike, looksLikeHeader, LOOKAHEAD } from './header-not-first-row';

export default defineRule<{ column: number }, null>({
  meta: {
    id: 'blank-label',
    severity: 'error',
    state: 'split',
    title: { en: 'Column without a name', fr: 'Colonne sans nom' },
    why: {
      en: 'Every column needs a name in the header row so re-users and schemas can find it.',
      fr: 'Chaque colonne doit avoir un nom dans la ligne d’en-tête pour que réutilisateurs et schémas la retrouvent.',
    },
    fix: { en: 'Name the column, or delete it if it is empty.', fr: 'Nommez la colonne, ou supprimez-la si elle est vide.' },
  },
  message: (lang, p) => (lang === 'fr' ? `La colonne ${p.column} n’a pas de nom.` : `Column ${p.column} has no name.`),
  create(ctx) {
    const reportBlanks = (row: Row) =>
      row.values.forEach((v, i) => {
        if (isBlank(v)) ctx.report({ loc: ctx.locate(row, i + 1), params: { column: i + 1 } });
      });
    // A title row above the real header (header-not-first-row): its empty cells are no labels;
    // the labels are those of the header found below it, as that rule finds it. The title's own
    // blanks are located now (a row is only located while visited) and reported if no header comes.
    let title: { row: Row; blanks: { column: number; loc: Loc }[] } | null = null;
    let width = 0;
    const reportTitle = () => {
      for (const b of title!.blanks) ctx.report({ loc: b.loc, params: { column: b.column } });
      title = null;
    };
    return {
      header(row) {
        if (!isTitleLike(row) || !row.values.some(isBlank)) return reportBlanks(row);
        const blanks = row.values.flatMap((v, i) => (isBlank(v) ? [{ column: i + 1, loc: ctx.locate(row, i + 1) }] : []));
        title = { row, blanks };
      },
      // Split lint: the later part starts far past the head rows.
      split: {
        resume() {
          title = null;
        },
        handOver: () => null,
        takeOver() {},
      },
      row(row) {
        if (!title) return;
        width = Math.max(width, row.values.length);
        if (row.values.length >= 2 && looksLikeHeader(row, width) && filled(row) > filled(title.row)) {
          title = null;
          reportBlanks(row);
        } else if (row.number > 1 + LOOKAHEAD) reportTitle();
      },
      end() {
        if (title) reportTitle();
      },
    };
  },
});
