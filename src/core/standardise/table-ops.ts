// Table operations before the mapping, row by row so a large file streams: the header row,
// dropped rows (blank, totals, a column's values), and unpivot (chosen columns become rows with
// a name and a value column). Stacking is done by the caller, one shaper per source. The rows
// under a repeated header that moves or changes labels are read by that header (headerLayout).
import { cleanLabel, labelKey } from './labels';
import { err } from './errors';
import type { TableOps } from './spec';
import type { RowAt } from './read';
import { fitRow, MAX_LINES, note, noRows, RowProfile, shiftedAt, type RowSet } from './ragged';
import { isSectionHeading, labelOnly } from './headings';
import { amountsOnly, totalLabel, TotalsTracker } from './totals';
import { cellShape } from './shapes';

/** An unpivot may not make more rows than this: beyond, the columns chosen are surely wrong. */
export const MAX_OUTPUT_ROWS = 2_000_000;
export const MAX_UNPIVOT_COLUMNS = 500;

/** Rows judged against the table's shapes wait until this many data rows are known (or the end). */
const WARM_ROWS = 20;
/** …but no more rows than this wait: then the shapes known so far decide. */
const MAX_WAITING = 2000;

/** Index of a column by its label: as written (trimmed), else by normalised label. */
export function findColumn(header: readonly string[], label: string): number {
  const want = cleanLabel(label);
  const i = header.findIndex((h) => cleanLabel(h) === want);
  if (i >= 0) return i;
  const k = labelKey(label);
  return k ? header.findIndex((h) => labelKey(h) === k) : -1;
}

/** What the shaper did to source rows besides the operations asked for. */
export interface ShapeReport {
  /** More cells than the header, read again with the lint's certain repair (a split amount joined). */
  repaired: RowSet;
  /** More cells than the header and no certain repair: not mapped, not written. */
  leftOut: RowSet;
  /** Every cell blank: not written (a spacer row is no record). */
  blank: RowSet;
  /** The header again inside the data, possibly with a label changed (`repeatsHeader`): not written. */
  repeatedHeader: RowSet;
  /** Fewer cells than the header and the values after a lost cell in the wrong columns (ragged.ts): not written. */
  shifted: RowSet;
  /** A section heading, one label in the first cell (headings.ts): not written. */
  sectionHeading: RowSet;
  /**
   * Data rows under a repeated header whose columns differ from the first header's, labels moved
   * or changed (`headerLayout`): each read by that header, a column's cell found by its label.
   */
  byRepeatedHeader: RowSet;
  /** Labels of a repeated header that match no column of the first header: their cells are not read. */
  unmatchedLabels: LabelSet;
  /**
   * Totals rows (totals.ts: `Total…`, `Sous-total…`, `Ensemble` first, or no label and every amount
   * the sum of the rows above) that the operations keep, no `drop.totals`: written as records,
   * said so that the sums are not taken for subsidies.
   */
  totalsWritten: RowSet;
  /** The same totals rows, left out by `drop.totals`. */
  totalsDropped: RowSet;
}

/** Labels of repeated headers, with the line of each (the first MAX_LINES). */
export interface LabelSet {
  count: number;
  labels: { label: string; line?: number }[];
}

function noteLabel(set: LabelSet, label: string, line: number | undefined): void {
  set.count++;
  if (set.labels.length < MAX_LINES) set.labels.push(line === undefined ? { label } : { label, line });
}

export const emptyReport = (): ShapeReport => ({
  repaired: noRows(),
  leftOut: noRows(),
  blank: noRows(),
  repeatedHeader: noRows(),
  shifted: noRows(),
  sectionHeading: noRows(),
  byRepeatedHeader: noRows(),
  unmatchedLabels: { count: 0, labels: [] },
  totalsWritten: noRows(),
  totalsDropped: noRows(),
});

/**
 * A row that repeats the header: every non-blank cell is its column's label, and two at least
 * are; or the header again above a section whose columns differ (Montpellier 2014, line 619:
 * `Thématique` 4th; line 697: `Nature` for `Type`): three of the header's labels at least, in
 * their own columns or in others, twice as many as the other cells, which are words (no amount,
 * date or id: no data).
 */
export function repeatsHeader(values: readonly string[], header: readonly string[]): boolean {
  const cells = values.map(cleanLabel);
  let same = 0;
  const placed = new Set<number>();
  cells.forEach((c, i) => {
    if (c !== '' && c === header[i]) (same++, placed.add(i));
  });
  let moved = 0;
  let other = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === '' || placed.has(i)) continue;
    if (!wordsOnly(c)) return false;
    const j = header.findIndex((h, k) => h === c && !placed.has(k));
    if (j >= 0) (moved++, placed.add(j));
    else other++;
  }
  if (other || moved) return same + moved >= 3 && same + moved >= 2 * other;
  return same >= Math.min(2, header.filter((h) => h !== '').length);
}

/** A label normalised, for the second look-up (`Montant ` = `montant`). */
const sameKey = (a: string, b: string) => {
  const k = labelKey(a);
  return k !== '' && k === labelKey(b);
};

/**
 * How the rows under a repeated header are read: for each column of the first header (`header`,
 * labels trimmed), the index of its cell in those rows, -1 for none; null when every column is in
 * its own place (the rows are read as the first header says). Each label of the first header is
 * looked up in the repeated one as written, then normalised (its own place first), then by the
 * schema field it names (`fieldOf`, the proposal's label rules) when that leaves one label on
 * each side for the field (`Nature` for `Type`). A blank cell of the repeated header stands for
 * the first header's column in its place (the header again with its last labels blank). A label
 * nothing matches is `unmatched`: its cells are read by no column, and the column whose place it
 * takes is empty below it — never guessed by position.
 */
export function headerLayout(
  values: readonly string[],
  header: readonly string[],
  fieldOf?: (label: string) => string | null,
): { layout: number[] | null; unmatched: string[] } {
  const cells = values.map(cleanLabel);
  const at = header.map(() => -1);
  const used = new Set<number>();
  const take = (j: number, i: number) => ((at[j] = i), used.add(i));
  for (const same of [(a: string, b: string) => a === b, sameKey])
    header.forEach((h, j) => {
      if (h === '' || at[j] >= 0) return;
      const i = !used.has(j) && cells[j] && same(cells[j], h) ? j : cells.findIndex((c, k) => c !== '' && !used.has(k) && same(c, h));
      if (i >= 0) take(j, i);
    });
  if (fieldOf) {
    const byField = new Map<string, { cols: number[]; cells: number[] }>();
    const group = (label: string) => {
      const f = fieldOf(label);
      if (!f) return undefined;
      let g = byField.get(f);
      if (!g) byField.set(f, (g = { cols: [], cells: [] }));
      return g;
    };
    header.forEach((h, j) => void (h !== '' && at[j] < 0 && group(h)?.cols.push(j)));
    cells.forEach((c, i) => void (c !== '' && !used.has(i) && group(c)?.cells.push(i)));
    for (const g of byField.values()) if (g.cols.length === 1 && g.cells.length === 1) take(g.cols[0], g.cells[0]);
  }
  header.forEach((_, j) => {
    if (at[j] < 0 && !cells[j]) at[j] = j;
  });
  const unmatched = cells.filter((c, i) => c !== '' && !used.has(i));
  return { layout: at.every((i, j) => i === j) ? null : at, unmatched };
}

function wordsOnly(v: string): boolean {
  const s = cellShape(v);
  return s.text && !s.amount && !s.date && !s.year && !s.siret && !s.siren;
}

export interface ShapedTable {
  header: string[];
  row(values: string[]): void;
}

/** Takes the source rows; `end()` after the last passes on the rows still waiting for the table's shapes. */
export type Shaper = ((values: string[], at?: RowAt) => void) & { end(): void };

export interface ShaperOptions {
  /** The schema field a label names (`labelField` of the target): matches a label a repeated header changed. */
  fieldOf?: (label: string) => string | null;
}

/**
 * Feeds source rows (header included) through the operations; `onHeader` receives the shaped
 * header once and returns the sink of the shaped rows. A data row is first fitted to the header
 * (ragged.ts): one that cannot be is left out, never shifted. Blank rows, repeats of the header and
 * section headings are never records: dropped whatever `drop` says. `report` counts each.
 * The rows under a repeated header whose labels stand in other columns are read by it
 * (`headerLayout`), until the next repeated header.
 * A short row and a heading are judged against the shapes of the table's data rows: while fewer
 * than WARM_ROWS are known, rows wait (in order) for more of them, or for `end()`.
 */
export function tableShaper(
  ops: TableOps | undefined,
  where: string,
  onHeader: (header: string[]) => (values: string[]) => void,
  report: ShapeReport = emptyReport(),
  options: ShaperOptions = {},
): Shaper {
  const headerRow = ops?.headerRow ?? 1;
  let seen = 0;
  let sink: ((values: string[]) => void) | null = null;
  let keep: (v: string[], total: boolean) => boolean = () => true;
  let totals = new TotalsTracker();
  let emit: (v: string[]) => void = () => {};
  let produced = 0;
  let width = 0;
  let labels: string[] = [];
  let profile = new RowProfile(0);
  let opens = true;
  /** The repeated header's reading of the rows below it (`headerLayout`), null: the first header's. */
  let layout: number[] | null = null;
  const waiting: { v: string[]; raw: string[]; at?: RowAt; opens: boolean }[] = [];
  const count = () => {
    if (++produced > MAX_OUTPUT_ROWS)
      throw err(
        'unpivot-too-large',
        `${where}: the table operations would make more than ${MAX_OUTPUT_ROWS.toLocaleString('en')} rows; check the unpivot columns.`,
        `${where} : les opérations sur le tableau produiraient plus de ${MAX_OUTPUT_ROWS.toLocaleString('fr')} lignes ; vérifiez les colonnes à dépivoter.`,
      );
  };
  // `v` as the first header reads it, `raw` as the file holds it (`v` itself but under a repeated
  // header that moved labels): a heading or a total is in the file's first cells.
  // A total's label is in `raw`'s first filled cell; its amounts are summed by column as `v` reads them.
  const place = (v: string[], raw: string[], at: RowAt | undefined, opened: boolean) => {
    if (isSectionHeading(raw, profile, opened)) return (totals.section(), note(report.sectionHeading, at?.line));
    if (at?.delimiter != null && v.length < width && shiftedAt(v, profile) >= 0) return note(report.shifted, at?.line);
    const total = totals.row(v, totalLabel(raw));
    if (!keep(v, total)) return void (total && ops?.drop?.totals && note(report.totalsDropped, at?.line));
    if (raw !== v) note(report.byRepeatedHeader, at?.line);
    if (total) note(report.totalsWritten, at?.line);
    emit(v);
  };
  const flush = () => {
    for (const w of waiting.splice(0)) place(w.v, w.raw, w.at, w.opens);
  };
  const shaper = (values: string[], at?: RowAt) => {
    seen++;
    if (seen < headerRow) return;
    if (seen === headerRow) {
      const header = values.map(cleanLabel);
      width = header.length;
      labels = header;
      layout = null;
      profile = new RowProfile(width);
      opens = true;
      totals = new TotalsTracker();
      keep = rowFilter(ops, header, where);
      const up = ops?.unpivot;
      if (up) {
        if (!up.columns.length || up.columns.length > MAX_UNPIVOT_COLUMNS)
          throw err(
            'bad-spec',
            `${where}: unpivot needs 1 to ${MAX_UNPIVOT_COLUMNS} columns.`,
            `${where} : le dépivotage demande de 1 à ${MAX_UNPIVOT_COLUMNS} colonnes.`,
          );
        const idx = up.columns.map((c) => {
          const i = findColumn(header, c);
          if (i < 0) throw missing(where, c);
          return i;
        });
        const rest = header.map((_, i) => i).filter((i) => !idx.includes(i));
        sink = onHeader([...rest.map((i) => header[i]), up.name, up.value]);
        emit = (v) => {
          const base = rest.map((i) => v[i] ?? '');
          for (const i of idx) {
            if ((v[i] ?? '').trim() === '') continue;
            count();
            sink!([...base, header[i], v[i]]);
          }
        };
      } else {
        sink = onHeader(header);
        emit = (v) => {
          count();
          sink!(v);
        };
      }
      return;
    }
    const fit = fitRow(values, width, at?.delimiter ?? null);
    if (!fit) return note(report.leftOut, at?.line);
    if (fit.repaired) note(report.repaired, at?.line);
    const raw = fit.values;
    let v = raw;
    const opened = opens;
    opens = true;
    if (raw.every((c) => c.trim() === '')) return note(report.blank, at?.line);
    if (repeatsHeader(raw, labels)) {
      const l = headerLayout(raw, labels, options.fieldOf);
      layout = l.layout;
      for (const u of l.unmatched) noteLabel(report.unmatchedLabels, u, at?.line);
      return note(report.repeatedHeader, at?.line);
    }
    if (layout) v = layout.map((i) => (i < 0 ? '' : (raw[i] ?? '')));
    const label = labelOnly(raw);
    opens = label || totalLabel(raw) !== null || amountsOnly(raw);
    // The shapes are learnt from the data rows: as long as the header (a sheet's may end early),
    // two cells filled at least.
    const short = raw === v && at?.delimiter != null && v.length < width;
    if (!short && !label && profile.learning && v.filter((c) => c.trim() !== '').length >= 2) profile.add(v);
    if (waiting.length || ((short || label) && profile.rows < WARM_ROWS)) {
      waiting.push({ v, raw, at, opens: opened });
      if (profile.rows >= WARM_ROWS || waiting.length >= MAX_WAITING) flush();
      return;
    }
    place(v, raw, at, opened);
  };
  return Object.assign(shaper, { end: flush });
}

export const missing = (where: string, column: string) =>
  err('missing-column', `${where}: no column “${column}”.`, `${where} : pas de colonne « ${column} ».`);

/** `v` as the header reads it; `total`: the row is a totals row (totals.ts). */
function rowFilter(ops: TableOps | undefined, header: string[], where: string): (v: string[], total: boolean) => boolean {
  const d = ops?.drop;
  if (!d) return () => true;
  const wheres = (d.where ?? []).map((w) => {
    const i = findColumn(header, w.column);
    if (i < 0) throw missing(where, w.column);
    return { i, values: new Set(w.equals.map((e) => e.trim())) };
  });
  return (v, total) => {
    if (d.blank && v.every((c) => c.trim() === '')) return false;
    if (d.totals && total) return false;
    for (const w of wheres) if (w.values.has((v[w.i] ?? '').trim())) return false;
    return true;
  };
}
