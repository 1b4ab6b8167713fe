import type { Loc } from '../model';
import { defineRule } from './rule';
import { isBlank, cut } from './lib/util';

export default defineRule<{ label: string }, { filled: boolean[]; rows: number }>({
  meta: {
    id: 'empty-column',
    severity: 'warning',
    state: 'split',
    title: { en: 'Empty column', fr: 'Colonne vide' },
    why: {
      en: 'A column with no value at all adds noise. If the schema requires it, fill it; otherwise remove it.',
      fr: 'Une colonne sans aucune valeur ajoute du bruit. Si le schéma l’exige, remplissez-la ; sinon supprimez-la.',
    },
    fix: {
      en: 'Fill the column or delete it. A column the file’s schema names is never deleted by “Fix all” or `odw clean`: fill it.',
      fr: 'Remplissez la colonne ou supprimez-la. Une colonne que nomme le schéma du fichier n’est jamais supprimée par « Tout corriger » ni `odw clean` : remplissez-la.',
    },
  },
  message: (lang, p) =>
    lang === 'fr' ? `La colonne « ${cut(p.label)} » est entièrement vide.` : `Column “${cut(p.label)}” is entirely empty.`,
  create(ctx) {
    let labels: Loc[] = [];
    let filled: boolean[] = [];
    let rows = 0;
    // Columns with no value seen yet: usually empty after the first rows, so most rows cost nothing.
    let waiting: number[] = [];
    return {
      header(row) {
        labels = row.values.map((_, i) => ctx.locate(row, i + 1));
        filled = row.values.map(() => false);
        waiting = filled.map((_, i) => i);
      },
      row(row) {
        rows++;
        if (waiting.length === 0) return;
        const v = row.values;
        let found = false;
        for (const i of waiting) {
          if (i < v.length && !isBlank(v[i])) found = filled[i] = true;
        }
        if (found) waiting = waiting.filter((i) => !filled[i]);
      },
      split: {
        resume() {
          rows = 0;
          filled = filled.map(() => false);
          waiting = filled.map((_, i) => i);
        },
        handOver: () => ({ filled, rows }),
        takeOver(later) {
          rows += later.rows;
          filled = filled.map((f, i) => f || later.filled[i]);
        },
      },
      end() {
        if (rows === 0) return;
        filled.forEach((f, i) => {
          if (f) return;
          // A field of the schema is filled, never deleted (a missing column would be a worse problem).
          const fix = ctx.schemaColumn(i + 1) !== undefined ? undefined : ({ kind: 'delete-column' } as const);
          ctx.report({ loc: labels[i], params: { label: ctx.header[i] || String(i + 1) }, fix });
        });
      },
    };
  },
});
