// Rows of a delimited file with more cells than the header: mapped by position, every cell after
// the extra one would land in the wrong field (`102 991,50` unquoted in a comma file gives
// montant=102991, nature=50, …). The row is read the way `odw lint` repairs it for certain (the
// `extra-cell` rule's `quote-cells` fix, which `odw clean` applies: the split amount joined again),
// else it is left out and counted, never written shifted.
import { decimalCommaSplitAt } from '../rules/lib/decimal-comma-split';
import { cellShape } from './shapes';

export type Fit = { values: string[]; repaired: boolean } | null;

/**
 * The row as the header reads it. `delimiter` null (a workbook): cells past the header are
 * columns without a label, not a shift. Extra cells that are all empty and last (a trailing
 * delimiter) shift nothing and are dropped. Null: no certain repair, the row must not be mapped.
 */
export function fitRow(values: string[], width: number, delimiter: string | null): Fit {
  if (values.length <= width || delimiter === null || width === 0) return { values, repaired: false };
  let v = values;
  let repaired = false;
  while (v.length > width) {
    // The lint's own test for the split; each join is the fix it offers on the row as it stands.
    const at = decimalCommaSplitAt({ number: 0, values: v }, delimiter);
    if (at < 0) break;
    v = [...v.slice(0, at), `${v[at]},${v[at + 1]}`, ...v.slice(at + 2)];
    repaired = true;
  }
  if (v.length > width && v.slice(width).every((c) => c.trim() === '')) v = v.slice(0, width);
  return v.length === width ? { values: v, repaired } : null;
}

/** How many source rows something was done to, with the first line numbers. */
export interface RowSet {
  count: number;
  lines: number[];
}

export const MAX_LINES = 20;

export const noRows = (): RowSet => ({ count: 0, lines: [] });

export function note(set: RowSet, line: number | undefined): void {
  set.count++;
  if (line !== undefined && set.lines.length < MAX_LINES) set.lines.push(line);
}

// Rows with fewer cells than the header. The lint's `missing-cell` rule says which cells are
// missing, counted from the end, and offers no reading; a cell lost in the middle (a missing
// separator, a field split elsewhere) puts every later value one field too far (the amount in
// `objet`, the date in `montant`). The columns' shapes decide, the way the proposal reads a
// column (shapes.ts): a short row is kept, its last cells empty, unless placing a gap earlier
// fits the columns far better (`shiftedAt`); then it is left out and counted, never written.
export type Kind = 'empty' | 'siret' | 'siren' | 'year' | 'date' | 'amount' | 'text' | 'other';

function kindsOf(raw: string): Kind[] {
  const v = raw.trim();
  if (!v) return ['empty'];
  const c = cellShape(v);
  const k: Kind[] = [];
  if (c.siret) k.push('siret');
  if (c.siren) k.push('siren');
  if (c.year) k.push('year');
  if (c.date) k.push('date');
  if (c.amount) k.push('amount');
  if (c.text) k.push('text');
  return k.length ? k : ['other'];
}

/** Past this many data rows the columns' shapes are known: the profile stops learning (cost). */
const PROFILE_ROWS = 1000;

/** How the table's full data rows fill each column: per column, how many cells of each kind. */
export class RowProfile {
  rows = 0;
  private readonly counts: Map<Kind, number>[];
  constructor(readonly width: number) {
    this.counts = Array.from({ length: width }, () => new Map());
  }
  get learning(): boolean {
    return this.rows < PROFILE_ROWS;
  }
  /** A data row as long as the header (a sheet's trailing cells may be absent: empty). */
  add(values: readonly string[]): void {
    if (!this.learning) return;
    this.rows++;
    for (let c = 0; c < this.width; c++) for (const k of kindsOf(values[c] ?? '')) this.counts[c].set(k, (this.counts[c].get(k) ?? 0) + 1);
  }
  /** Share of the data rows whose cell in column `c` has kind `k`. */
  share(c: number, k: Kind): number {
    return this.rows ? (this.counts[c]?.get(k) ?? 0) / this.rows : 0;
  }
  /**
   * Log of how well `value` fits column `c`: the share of the column's cells that have one of
   * its kinds, smoothed, and floored so that one odd cell never decides alone.
   */
  fit(c: number, value: string): number {
    let best = 0;
    for (const k of kindsOf(value)) best = Math.max(best, this.counts[c]?.get(k) ?? 0);
    return Math.log(Math.max(FLOOR, (best + 0.5) / (this.rows + 1)));
  }
}

const FLOOR = 0.02;
/** "Far better": more than one cell that cannot be in its column (one is at most -ln FLOOR). */
const MARGIN = 2 * Math.log(10);

/**
 * Where a row of fewer cells than `profile.width` lost its cells, if the shapes say it: the
 * index of the first value that belongs `width - n` columns further on, or -1 when reading the
 * missing cells at the end fits as well as any gap (nothing shows a shift; a delimiter file only).
 */
export function shiftedAt(values: readonly string[], profile: RowProfile): number {
  const n = values.length;
  const w = profile.width;
  const m = w - n;
  if (m <= 0 || n === 0 || profile.rows === 0) return -1;
  // score(k) = values before k in their columns + empty cells k..k+m-1 + values from k shifted by m.
  const head = [0];
  for (let i = 0; i < n; i++) head.push(head[i] + profile.fit(i, values[i]));
  const empty = [0];
  for (let c = 0; c < w; c++) empty.push(empty[c] + profile.fit(c, ''));
  const tail = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) tail[i] = tail[i + 1] + profile.fit(i + m, values[i]);
  const score = (k: number) => head[k] + (empty[k + m] - empty[k]) + tail[k];
  let best = -1;
  let top = score(n) + MARGIN;
  // From the end: of gaps that fit as well, the latest (the fewest values moved).
  for (let k = n - 1; k >= 0; k--) {
    const s = score(k);
    if (s > top) ((best = k), (top = s));
  }
  return best;
}
