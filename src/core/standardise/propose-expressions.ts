// Expressions the proposal makes when one field is spread over several columns: a name
// continued in "Raison sociale 2" (join), a period in start and end date columns, a date in
// day, month and year columns. Only columns no field took, and only with values in them.
import { labelWords } from './labels';
import type { ColumnShape } from './shapes';
import type { FieldSource } from './spec';
import type { ReasonPart } from './reason-words';
import type { TargetField } from './target';

export interface Columns {
  header: readonly string[];
  labels: readonly string[];
  shapes: readonly ColumnShape[];
  used: Set<number>;
}

const free = (c: Columns, i: number) => i >= 0 && !c.used.has(i) && c.shapes[i].filled > 0;
const PERIOD = /\(\\\/\[0-9\]\{4\}/;
const has = (label: string, words: string[]) => labelWords(label).some((w) => words.includes(w));

/** `Raison sociale 2`, `Nom (suite)`, `Adresse complément`: the rest of column `i`. */
export function continuation(c: Columns, i: number): number {
  const base = labelWords(c.labels[i]).join(' ');
  return c.labels.findIndex((l, j) => {
    if (j === i || !free(c, j)) return false;
    const w = labelWords(l);
    const last = w[w.length - 1];
    return (last === '2' || last === 'suite' || last === 'complement') && w.slice(0, -1).join(' ') === base && c.shapes[j].text > 0.5;
  });
}

/** A period or a date built from free columns, for a field no column matched. */
export function spreadField(f: TargetField, c: Columns): { spec: FieldSource; columns: number[]; reason: ReasonPart } | null {
  const dateCols = c.labels.map((_, i) => i).filter((i) => free(c, i) && c.shapes[i].date >= 0.8);
  if (f.pattern && PERIOD.test(f.pattern)) {
    const start = dateCols.find((i) => has(c.labels[i], ['debut', 'start']));
    const end = dateCols.find((i) => i !== start && has(c.labels[i], ['fin', 'end']));
    if (start !== undefined && end !== undefined)
      return {
        spec: { period: { start: c.header[start], end: c.header[end] } },
        columns: [start, end],
        reason: { code: 'period' },
      };
  }
  if (f.type === 'date') {
    const find = (words: string[]) =>
      c.labels.findIndex(
        (l, i) => free(c, i) && c.shapes[i].amount > 0.9 && labelWords(l).length === 1 && words.includes(labelWords(l)[0]),
      );
    const [d, m, y] = [find(['jour', 'day', 'j']), find(['moi', 'mois', 'month', 'm']), find(['annee', 'year', 'an', 'a'])];
    if (d >= 0 && m >= 0 && y >= 0)
      return {
        spec: { date: { day: c.header[d], month: c.header[m], year: c.header[y] } },
        columns: [d, m, y],
        reason: { code: 'date-parts' },
      };
  }
  return null;
}
