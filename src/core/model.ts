// The table model shared by every reader (CSV, XLSX, ODS), the rules, the schema
// validator, the cleaner and the chart aggregation. Pure data: no `vscode` here.

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'en' | 'fr';

/** A message in both product languages. */
export interface Text {
  en: string;
  fr: string;
}

/**
 * One physical row of a table. `number` follows frictionless: 1-based, the header is row 1.
 * `values` are the cell texts as read (CSV: unquoted text; spreadsheets: the displayed text).
 */
export interface Row {
  number: number;
  values: string[];
  /** Spreadsheet readers attach per-cell facts (type, formula, style…); CSV leaves it unset. */
  cells?: (SheetCellFacts | undefined)[];
  /**
   * Per cell, an id that every cell of the same text shares (an XLSX shared-string index), or -1;
   * may be shorter than `values`. Lets a rule compute a property of a repeated text once
   * (engine/text-memo.ts). Whoever changes `values[i]` sets `ids[i]` to -1.
   */
  ids?: number[];
}

/** What a spreadsheet reader knows about a cell beyond its text. */
export interface SheetCellFacts {
  /** Type of the stored value. */
  type: 'string' | 'number' | 'date' | 'boolean' | 'formula' | 'error' | 'empty' | 'rich' | 'hyperlink';
  /** Formula text without `=`, when the cell holds one. */
  formula?: string;
  /** Number format code, e.g. `dd/mm/yyyy` or `#,##0.00 €`. */
  numFmt?: string;
  /** Fill colour (ARGB) when the cell has a solid background. */
  fill?: string;
  /** The cell sits in a merged range (and is not its top-left cell). */
  mergedInto?: string;
}

/**
 * Where a problem is. CSV positions are for the text editor: `line` is 1-based, `start`/`end`
 * are 0-based UTF-16 character offsets in that line (end exclusive); `endLine` is set when a
 * quoted cell spans lines. Spreadsheet positions use `sheet` and `cell` ("C12").
 */
export interface Loc {
  row: number | null;
  column: number | null;
  line?: number;
  start?: number;
  endLine?: number;
  end?: number;
  sheet?: string;
  cell?: string;
}

/**
 * Data for a repair the cleaner can apply with certainty. `value` replaces the cell text;
 * `deleteRow` removes a blank or totals row; `renameHeader` sets a header label.
 */
export type FixData =
  /** `offered`: shown as a quick fix the user picks, never applied by "fix all" or `odw clean` alone. */
  | { kind: 'set-cell'; value: string; offered?: boolean }
  | { kind: 'delete-row' }
  | { kind: 'delete-column' }
  | { kind: 'quote-cells'; from: number; to: number; value: string }
  | { kind: 'line-endings'; eol: '\n' | '\r\n' }
  | { kind: 'reencode'; from: string }
  /** No certain fix: every date of the column reads both day-first and month-first; the user picks once. */
  /** `sample`: one of the column's dates, for the question (a file too large to open has no editor to read it from). */
  | { kind: 'choose-date-order'; field: string; sample?: string };

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  row: number | null;
  column: number | null;
  field: string | null;
  line: number | null;
  start: number | null;
  end: number | null;
  endLine?: number;
  sheet?: string;
  cell?: string;
  fix?: FixData;
}

export type TableFormat = 'csv' | 'tsv' | 'xlsx' | 'ods';

/** What the reader found out about the file before and while parsing it. */
export interface TableInfo {
  format: TableFormat;
  encoding: string;
  delimiter: string | null;
  quoteChar?: string;
  /** Newline style found: '\n', '\r\n', '\r' or 'mixed'. */
  newline?: string;
  sheet?: string;
  /** Set once the header row has been read. */
  header?: string[];
  /** The delimiter was detected and another candidate came close: what both made of the file. */
  delimiterChoice?: { runnerUp: string; columns: number; runnerUpColumns: number; consistent: number; runnerUpConsistent: number };
}

/** The schema a file is checked against, as named in reports. */
export interface SchemaRef {
  name: string;
  version: string | null;
}

export interface FileReport {
  path: string;
  /** `xls`: a legacy Excel workbook, refused (it cannot be read). */
  format: TableFormat | 'xls';
  encoding: string;
  delimiter: string | null;
  rows: number;
  schema: SchemaRef | null;
  diagnostics: Diagnostic[];
  /** Set when the file could not be read at all (binary, corrupt…). */
  fatal?: string;
  sheets?: string[];
  /** Every problem found, listed or not, by severity (absent: count `diagnostics`). */
  counts?: { error: number; warning: number; info: number };
  /** Every problem found, by rule. */
  byRule?: Record<string, number>;
  /** Whether `diagnostics` lists fewer problems than were found (the problem cap). */
  truncated?: boolean;
  /** A large CSV is linted in parts on as many threads; `fallback` says why one was not split. */
  reading?: { parts: number; fallback?: string };
  /**
   * Problems of the schema this file's project named (datapackage.json, the glob setting) or of
   * the one detected (a newer version exists), located in the schema's JSON when it is a file.
   */
  schemaProblems?: { path: string | null; diagnostics: Diagnostic[] };
}
