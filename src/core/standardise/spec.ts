// The standardise recipe step: a target schema, table operations, and one source per schema
// field. It names columns and fixed values, never the rows, so it replays on next year's file.

/** Where a schema field's values come from. */
export type FieldSource =
  | { column: string }
  | { constant: string }
  /** Columns joined with `sep` (default a space), blank parts skipped. */
  | { join: string[]; sep?: string }
  /** `column` split on `sep`, part `part` (1 = first, -1 = last). */
  | { split: string; sep: string; part: number }
  /** An ISO date from day, month and year columns. */
  | { date: { day: string; month: string; year: string } }
  /** `start/end` (or `start_end`) from two date columns; the end may be blank. */
  | { period: { start: string; end?: string }; sep?: '/' | '_' }
  /** A value map: source value (as normalised by valueKey) → schema value. Unmapped values are kept. */
  | { map: string; values: Record<string, string> }
  /** The `value` column of a reference CSV where its `key` column equals the cell of `lookup`. */
  | { lookup: string; file: string; key: string; value: string };

export type SourceKind = 'column' | 'constant' | 'expression' | 'none';

export interface TableOps {
  /** 1-based row of the source that holds the header (rows above are titles). Default 1. */
  headerRow?: number;
  /** Rows to drop before the mapping. */
  drop?: { blank?: boolean; totals?: boolean; where?: { column: string; equals: string[] }[] };
  /** These columns become rows: one row per column, with its label in `name` and its cell in `value`. */
  unpivot?: { columns: string[]; name: string; value: string };
  /** Other files (or sheets) of the same meaning, stacked under the first; `column` names where each row came from. */
  stack?: { files: { path: string; sheet?: string; label?: string }[]; column: string };
}

export interface StandardiseSpec {
  schema: { name: string; version?: string };
  table?: TableOps;
  fields: Record<string, FieldSource>;
  /** Source columns no field uses: kept after the schema's fields, or dropped (default). */
  extra?: 'keep' | 'drop';
}

export function kindOf(s: FieldSource | undefined): SourceKind {
  if (!s) return 'none';
  if ('column' in s) return 'column';
  if ('constant' in s) return 'constant';
  return 'expression';
}

/** The source columns an entry reads (what must exist in the file). */
export function columnsOf(s: FieldSource): string[] {
  if ('column' in s) return [s.column];
  if ('constant' in s) return [];
  if ('join' in s) return s.join;
  if ('split' in s) return [s.split];
  if ('date' in s) return [s.date.day, s.date.month, s.date.year];
  if ('period' in s) return [s.period.start, s.period.end ?? ''].filter(Boolean);
  if ('map' in s) return [s.map];
  return [s.lookup];
}
