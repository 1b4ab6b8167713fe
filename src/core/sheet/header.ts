// Finds the real header of a sheet among its first rows: title blocks and banners above it,
// a header stacked over two rows, or no header at all (the first row is already data).
import type { SheetCellFacts } from '../model';
import { dateFormatsOf } from '../values/date';
import { isPlainNumber } from '../values/number';
import type { SheetRow } from './types';

export interface HeaderGuess {
  /** Physical rows holding the header: one, or two when labels continue on the next row. */
  rows: number[];
  /** Non-blank rows above the header (titles, banners, notes). */
  above: number[];
  /** No row looks like column names: the first row is used as the header but holds data. */
  noHeader: boolean;
  /** Column labels (stacked headers joined with a space). */
  labels: string[];
  /** Rows a user may pick as the header when the guess is not certain (first rows with content). */
  candidates: { row: number; preview: string }[];
  ambiguous: boolean;
}

/** Rows looked at: titles rarely exceed a few rows, and 20 rows show what the data looks like. */
export const HEADER_SAMPLE = 20;
const SEARCH = 10;

const filledCount = (r: SheetRow) => r.values.reduce((n, v) => (v.trim() === '' ? n : n + 1), 0);

/** A value a header would not hold: a typed number/date, or text that reads as one. */
export function isDataLike(value: string, facts: SheetCellFacts | undefined): boolean {
  if (value.trim() === '') return false;
  const t = facts?.type;
  if (t === 'number' || t === 'date' || t === 'boolean' || t === 'error' || t === 'formula') return true;
  const v = value.trim();
  return isPlainNumber(v) || dateFormatsOf(v).length > 0;
}

const textOnly = (r: SheetRow) => r.values.every((v, i) => !isDataLike(v, r.cells[i]));

/**
 * `rows` are the first stored rows of a sheet, in order; blank ones may be included.
 * `forced` is a header row the user picked: it is taken as the (single-row) header.
 */
export function detectHeader(rows: SheetRow[], forced?: number): HeaderGuess {
  const content = rows.filter((r) => filledCount(r) > 0).slice(0, HEADER_SAMPLE);
  const candidates = content.slice(0, 5).map((r) => ({
    row: r.number,
    preview: r.values
      .filter((v) => v.trim())
      .slice(0, 4)
      .join(' | ')
      .slice(0, 80),
  }));
  if (content.length === 0) return { rows: [], above: [], noHeader: false, labels: [], candidates, ambiguous: false };
  const maxFilled = Math.max(...content.map(filledCount));
  const minFilled = maxFilled === 1 ? 1 : Math.max(2, Math.ceil(maxFilled / 2));
  const picked = forced === undefined ? -1 : content.findIndex((r) => r.number === forced);
  const at = picked !== -1 ? picked : content.slice(0, SEARCH).findIndex((r) => filledCount(r) >= minFilled && textOnly(r));
  const h = at === -1 ? 0 : at;
  const head = content[h];
  const above = content.slice(0, h).map((r) => r.number);
  const second = picked === -1 ? stackedRow(head, content[h + 1], content[h + 2]) : undefined;
  const labels = second ? joinLabels(head.values, second.values) : head.values.map((v) => v);
  return {
    rows: second ? [head.number, second.number] : [head.number],
    above,
    noHeader: at === -1 && !textOnly(head),
    labels,
    candidates,
    ambiguous: picked === -1 && (above.length > 0 || !!second || at === -1),
  };
}

/**
 * The row right after the header continues it when, no fuller than it, it either fills the
 * header's blank cells with labels (years count as labels), or holds only text above
 * columns whose data is typed.
 */
function stackedRow(head: SheetRow, next: SheetRow | undefined, data: SheetRow | undefined): SheetRow | undefined {
  if (!next || next.number !== head.number + 1 || filledCount(next) > filledCount(head)) return undefined;
  const label = (v: string, i: number) => v.trim() === '' || !isDataLike(v, next.cells[i]) || /^\d{4}$/.test(v.trim());
  const fillsGaps = next.values.some((v, i) => v.trim() !== '' && (head.values[i] ?? '').trim() === '');
  if (fillsGaps && next.values.every(label)) return next;
  if (!textOnly(next) || !data || textOnly(data)) return undefined;
  return next.values.some((v, i) => v.trim() !== '' && isDataLike(data.values[i] ?? '', data.cells[i])) ? next : undefined;
}

/** "Montant" over "2013" and "2014": each column is named by its group label and its own. */
function joinLabels(top: string[], bottom: string[]): string[] {
  const out: string[] = [];
  let group = '';
  for (let i = 0; i < Math.max(top.length, bottom.length); i++) {
    const t = (top[i] ?? '').trim();
    const b = (bottom[i] ?? '').trim();
    if (t) group = t;
    const upper = t || (b ? group : '');
    out.push([upper, b].filter(Boolean).join(' '));
  }
  return out;
}
