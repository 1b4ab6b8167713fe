// Table operations before the mapping, row by row so a large file streams: the header row,
// dropped rows (blank, totals, a column's values), and unpivot (chosen columns become rows with
// a name and a value column). Stacking is done by the caller, one shaper per source.
import { cleanLabel, labelKey } from './labels';
import { err } from './errors';
import type { TableOps } from './spec';
import type { RowAt } from './read';
import { fitRow, note, noRows, type RowSet } from './ragged';

/** An unpivot may not make more rows than this: beyond, the columns chosen are surely wrong. */
export const MAX_OUTPUT_ROWS = 2_000_000;
export const MAX_UNPIVOT_COLUMNS = 500;

const TOTAL = /^(sous[- ]?)?totaux?\b|^total\b|^ensemble\b/i;

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
  /** The header again inside the data (each non-blank cell its column's label, two at least): not written. */
  repeatedHeader: RowSet;
}

export const emptyReport = (): ShapeReport => ({ repaired: noRows(), leftOut: noRows(), blank: noRows(), repeatedHeader: noRows() });

/** A row that repeats the header: every non-blank cell is its column's label, and two at least are. */
export function repeatsHeader(values: readonly string[], header: readonly string[]): boolean {
  let same = 0;
  for (let i = 0; i < values.length; i++) {
    const c = cleanLabel(values[i]);
    if (c === '') continue;
    if (c !== header[i]) return false;
    same++;
  }
  return same >= Math.min(2, header.filter((h) => h !== '').length);
}

export interface ShapedTable {
  header: string[];
  row(values: string[]): void;
}

/**
 * Feeds source rows (header included) through the operations; `onHeader` receives the shaped
 * header once and returns the sink of the shaped rows. A data row is first fitted to the header
 * (ragged.ts): one that cannot be is left out, never shifted. Blank rows and repeats of the header
 * are never records: dropped whatever `drop` says. `report` counts each.
 */
export function tableShaper(
  ops: TableOps | undefined,
  where: string,
  onHeader: (header: string[]) => (values: string[]) => void,
  report: ShapeReport = emptyReport(),
): (values: string[], at?: RowAt) => void {
  const headerRow = ops?.headerRow ?? 1;
  let seen = 0;
  let sink: ((values: string[]) => void) | null = null;
  let keep: (v: string[]) => boolean = () => true;
  let emit: (v: string[]) => void = () => {};
  let produced = 0;
  let width = 0;
  let labels: string[] = [];
  const count = () => {
    if (++produced > MAX_OUTPUT_ROWS)
      throw err(
        'unpivot-too-large',
        `${where}: the table operations would make more than ${MAX_OUTPUT_ROWS.toLocaleString('en')} rows; check the unpivot columns.`,
        `${where} : les opérations sur le tableau produiraient plus de ${MAX_OUTPUT_ROWS.toLocaleString('fr')} lignes ; vérifiez les colonnes à dépivoter.`,
      );
  };
  return (values, at) => {
    seen++;
    if (seen < headerRow) return;
    if (seen === headerRow) {
      const header = values.map(cleanLabel);
      width = header.length;
      labels = header;
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
    if (fit.values.every((c) => c.trim() === '')) return note(report.blank, at?.line);
    if (repeatsHeader(fit.values, labels)) return note(report.repeatedHeader, at?.line);
    if (keep(fit.values)) emit(fit.values);
  };
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
