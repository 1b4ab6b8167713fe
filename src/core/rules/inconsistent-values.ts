// Column-level: a column whose values are of mixed kinds — numbers, dates and free text — cannot
// be typed by any tool or schema (a peer linter's `inconsistent_values`). Reported once, on the
// header cell, with the count of each kind and an example of it.
import type { Loc, Row } from '../model';
import { isSimpleDecimal, parseNumber } from '../values/number';
import { dateFormatsOf, isIsoDay } from '../values/date';
import { defineRule } from './rule';
import { isBlank, show } from './lib/util';
import { detach } from '../read/detach';
import { isIdentifierLabel } from './number-format';
import { TextMemo } from '../engine/text-memo';

export type ValueKind = 'number' | 'date' | 'text';
const KINDS: readonly ValueKind[] = ['number', 'date', 'text'];

export interface InconsistentParams {
  label: string;
  counts: Record<ValueKind, number>;
  examples: Partial<Record<ValueKind, string>>;
}

/** A kind counts when it holds at least this share of the column's values (and MIN_EACH of them). */
const MIN_SHARE = 0.1;
const MIN_EACH = 3;

export function kindOf(s: string): ValueKind {
  if (isIsoDay(s)) return 'date';
  const t = s.trim();
  // Every cell comes through here. A plain decimal (one `.` at most, `-` only first) is no written
  // date, at most an Excel serial, which reads as a number: settled before the date regexes.
  if (isSimpleDecimal(t)) return 'number';
  // An Excel serial or a year reads as a number: dates are the written ones.
  if (hasDateSeparator(t)) {
    const formats = dateFormatsOf(t);
    for (let i = 0; i < formats.length; i++) if (formats[i] !== 'excel-serial') return 'date';
  }
  return parseNumber(t) ? 'number' : 'text';
}

/** `/[/.-]/.test(s)`, by hand. */
function hasDateSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 46 || c === 45) return true;
  }
  return false;
}

/** A column's counts: plain data (the split hand-over carries them as they are). */
interface Column {
  counts: Record<ValueKind, number>;
  examples: Partial<Record<ValueKind, string>>;
}

const newColumn = (): Column => ({ counts: { number: 0, date: 0, text: 0 }, examples: {} });

const NAME: Record<ValueKind, { en: [string, string]; fr: [string, string] }> = {
  number: { en: ['number', 'numbers'], fr: ['nombre', 'nombres'] },
  date: { en: ['date', 'dates'], fr: ['date', 'dates'] },
  text: { en: ['text', 'texts'], fr: ['texte', 'textes'] },
};

export default defineRule<InconsistentParams, Column[]>({
  meta: {
    id: 'inconsistent-values',
    severity: 'warning',
    state: 'split',
    title: { en: 'Column mixing numbers, dates and text', fr: 'Colonne mêlant nombres, dates et texte' },
    why: {
      en: 'A column holds one kind of value: amounts, dates or text. Mixed kinds (a “n/a” among amounts, a date among codes) make the column text for every tool and fail any schema type.',
      fr: 'Une colonne contient un seul genre de valeur : montants, dates ou texte. Un mélange (un « n/a » parmi des montants, une date parmi des codes) fait de la colonne du texte pour tous les outils et échoue à tout type de schéma.',
    },
    fix: {
      en: 'Move the odd values to their own column, or write them as the column’s kind (empty for “n/a”). A column that is a field of the file’s schema is left to the schema’s type check.',
      fr: 'Déplacez les valeurs à part dans leur propre colonne, ou écrivez-les dans le genre de la colonne (vide pour « n/a »). Une colonne qui est un champ du schéma du fichier est laissée au contrôle de type du schéma.',
    },
  },
  message(lang, p) {
    const parts = KINDS.filter((k) => p.counts[k] > 0).map((k) => {
      const n = p.counts[k];
      const word = NAME[k][lang][n > 1 ? 1 : 0];
      const ex =
        p.examples[k] !== undefined ? (lang === 'fr' ? ` (ex. ${show(p.examples[k]!, 40, 'fr')})` : ` (e.g. ${show(p.examples[k]!)})`) : '';
      return `${n} ${word}${ex}`;
    });
    return lang === 'fr'
      ? `La colonne « ${p.label} » mêle des valeurs de genres différents : ${parts.join(', ')}.`
      : `Column “${p.label}” mixes kinds of values: ${parts.join(', ')}.`;
  },
  create(ctx) {
    let cols: Column[] = [];
    let labels: Loc[] = [];
    let skip: boolean[] = [];
    const memo = new TextMemo();
    return {
      header(row: Row) {
        cols = row.values.map(() => newColumn());
        labels = row.values.map((_, i) => ctx.locate(row, i + 1));
        // Identifier columns (codes, SIRET) are the identifier checks' business.
        skip = row.values.map(isIdentifierLabel);
      },
      row(row: Row) {
        const v = row.values;
        const n = Math.min(v.length, cols.length);
        const ids = row.ids;
        const known = ids ? Math.min(ids.length, n) : 0;
        for (let i = 0; i < n; i++) {
          const s = v[i];
          if (skip[i] || s === '') continue;
          // A repeated text (a shared string) is judged once: 1 blank, else KINDS index + 2.
          const id = i < known ? ids![i] : -1;
          let code: number;
          if (id >= 0 && memo.has(id)) code = memo.slots[id];
          else {
            code = isBlank(s) ? 1 : KINDS.indexOf(kindOf(s)) + 2;
            if (id >= 0) {
              const at = memo.fill(id);
              memo.slots[at] = code;
            }
          }
          if (code === 1) continue;
          // Named properties, not counts[k]: a keyed access by a variable name costs a lookup per cell.
          const c = cols[i];
          if (code === 2) {
            c.counts.number++;
            if (c.examples.number === undefined) c.examples.number = detach(s);
          } else if (code === 4) {
            c.counts.text++;
            if (c.examples.text === undefined) c.examples.text = detach(s);
          } else {
            c.counts.date++;
            if (c.examples.date === undefined) c.examples.date = detach(s);
          }
        }
      },
      split: {
        resume() {
          cols = cols.map(() => newColumn());
        },
        handOver: () => cols,
        takeOver(later) {
          cols.forEach((c, i) => {
            for (const k of KINDS) {
              c.counts[k] += later[i].counts[k];
              if (c.examples[k] === undefined && later[i].examples[k] !== undefined) c.examples[k] = later[i].examples[k];
            }
          });
        },
      },
      end() {
        cols.forEach((c, i) => {
          // A schema field's kind is its type's to judge (type errors), not a majority's.
          if (ctx.schemaColumn(i + 1) !== undefined) return;
          const total = c.counts.number + c.counts.date + c.counts.text;
          const mixed = KINDS.filter((k) => c.counts[k] >= MIN_EACH && c.counts[k] >= MIN_SHARE * total);
          if (mixed.length < 2) return;
          ctx.report({ loc: labels[i], params: { label: ctx.header[i] || String(i + 1), counts: c.counts, examples: c.examples } });
        });
      },
    };
  },
});
