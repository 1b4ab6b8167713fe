// Table operations before the mapping, row by row so a large file streams: the header row,
// dropped rows (blank, totals, a column's values), and unpivot (chosen columns become rows with
// a name and a value column). Stacking is done by the caller, one shaper per source.
import { cleanLabel, labelKey } from './labels';
import { err } from './errors';
import type { TableOps } from './spec';
import type { RowAt } from './read';
import { fitRow, note, noRows, RowProfile, shiftedAt, type RowSet } from './ragged';
import { isSectionHeading, labelOnly, TOTAL } from './headings';
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
}

export const emptyReport = (): ShapeReport => ({
  repaired: noRows(),
  leftOut: noRows(),
  blank: noRows(),
  repeatedHeader: noRows(),
  shifted: noRows(),
  sectionHeading: noRows(),
});

/**
 * A row that repeats the header: every non-blank cell is its column's label, and two at least
 * are; or the header again above a section whose columns differ a little (Montpellier 2014, line
 * 619: `Thématique` 4th; line 697: `Nature` for `Type`): three labels at least in their own
 * columns, twice as many as the other cells, which are words (no amount, date or id: no data).
 */
export function repeatsHeader(values: readonly string[], header: readonly string[]): boolean {
  let same = 0;
  let other = 0;
  for (let i = 0; i < values.length; i++) {
    const c = cleanLabel(values[i]);
    if (c === '') continue;
    if (c === header[i]) same++;
    else if (!wordsOnly(c)) return false;
    else other++;
  }
  if (other) return same >= 3 && same >= 2 * other;
  return same >= Math.min(2, header.filter((h) => h !== '').length);
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

/**
 * Feeds source rows (header included) through the operations; `onHeader` receives the shaped
 * header once and returns the sink of the shaped rows. A data row is first fitted to the header
 * (ragged.ts): one that cannot be is left out, never shifted. Blank rows, repeats of the header and
 * section headings are never records: dropped whatever `drop` says. `report` counts each.
 * A short row and a heading are judged against the shapes of the table's data rows: while fewer
 * than WARM_ROWS are known, rows wait (in order) for more of them, or for `end()`.
 */
export function tableShaper(
  ops: TableOps | undefined,
  where: string,
  onHeader: (header: string[]) => (values: string[]) => void,
  report: ShapeReport = emptyReport(),
): Shaper {
  const headerRow = ops?.headerRow ?? 1;
  let seen = 0;
  let sink: ((values: string[]) => void) | null = null;
  let keep: (v: string[]) => boolean = () => true;
  let emit: (v: string[]) => void = () => {};
  let produced = 0;
  let width = 0;
  let labels: string[] = [];
  let profile = new RowProfile(0);
  let opens = true;
  const waiting: { v: string[]; at?: RowAt; opens: boolean }[] = [];
  const count = () => {
    if (++produced > MAX_OUTPUT_ROWS)
      throw err(
        'unpivot-too-large',
        `${where}: the table operations would make more than ${MAX_OUTPUT_ROWS.toLocaleString('en')} rows; check the unpivot columns.`,
        `${where} : les opérations sur le tableau produiraient plus de ${MAX_OUTPUT_ROWS.toLocaleString('fr')} lignes ; vérifiez les colonnes à dépivoter.`,
      );
  };
  const place = (v: string[], at: RowAt | undefined, opened: boolean) => {
    if (isSectionHeading(v, profile, opened)) return note(report.sectionHeading, at?.line);
    if (at?.delimiter != null && v.length < width && shiftedAt(v, profile) >= 0) return note(report.shifted, at?.line);
    if (keep(v)) emit(v);
  };
  const flush = () => {
    for (const w of waiting.splice(0)) place(w.v, w.at, w.opens);
  };
  const shaper = (values: string[], at?: RowAt) => {
    seen++;
    if (seen < headerRow) return;
    if (seen === headerRow) {
      const header = values.map(cleanLabel);
      width = header.length;
      labels = header;
      profile = new RowProfile(width);
      opens = true;
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
    const v = fit.values;
    const opened = opens;
    opens = true;
    if (v.every((c) => c.trim() === '')) return note(report.blank, at?.line);
    if (repeatsHeader(v, labels)) return note(report.repeatedHeader, at?.line);
    const label = labelOnly(v);
    const first = v.find((c) => c.trim() !== '');
    opens = label || (first !== undefined && TOTAL.test(first.trim()));
    // The shapes are learnt from the data rows: as long as the header (a sheet's may end early),
    // two cells filled at least.
    const short = at?.delimiter != null && v.length < width;
    if (!short && !label && profile.learning && v.filter((c) => c.trim() !== '').length >= 2) profile.add(v);
    if (waiting.length || ((short || label) && profile.rows < WARM_ROWS)) {
      waiting.push({ v, at, opens: opened });
      if (profile.rows >= WARM_ROWS || waiting.length >= MAX_WAITING) flush();
      return;
    }
    place(v, at, opened);
  };
  return Object.assign(shaper, { end: flush });
}

export const missing = (where: string, column: string) =>
  err('missing-column', `${where}: no column “${column}”.`, `${where} : pas de colonne « ${column} ».`);

function rowFilter(ops: TableOps | undefined, header: string[], where: string): (v: string[]) => boolean {
  const d = ops?.drop;
  if (!d) return () => true;
  const wheres = (d.where ?? []).map((w) => {
    const i = findColumn(header, w.column);
    if (i < 0) throw missing(where, w.column);
    return { i, values: new Set(w.equals.map((e) => e.trim())) };
  });
  return (v) => {
    if (d.blank && v.every((c) => c.trim() === '')) return false;
    if (d.totals) {
      const first = v.find((c) => c.trim() !== '');
      if (first !== undefined && TOTAL.test(first.trim())) return false;
    }
    for (const w of wheres) if (w.values.has((v[w.i] ?? '').trim())) return false;
    return true;
  };
}
