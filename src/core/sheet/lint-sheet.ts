// Lints an .xlsx/.ods workbook: every sheet becomes a table (header found, title rows left
// out) pushed row by row into its own LintSession, so every CSV rule, the schema checks
// and the sheet rules apply, with problems located as `Sheet!C12`.
import { valuesHave, withValueHashing, type Locator } from '../engine/locator';
import { TextMemo } from '../engine/text-memo';
import type { LintSession } from '../engine/session';
import { lintSession } from '../lint-session';
import type { FileLintOptions, RuleSetting } from '../options';
import { readerDiagnostic } from '../lint-csv';
import { addCounts, capOf, countsOfList, noCounts, selectFair, type ReportCounts, type RuleTally } from '../report-cap';
import type { Diagnostic, FileReport, Lang, Loc, Row, TableInfo } from '../model';
import { cellRef } from './address';
import { SheetReadError, sheetErrorMessage } from './errors';
import { attachSheetFacts } from './facts';
import { openWorkbook } from './open';
import { readStop } from './read-stop';
import { SheetTableFeeder } from './table';
import type { SheetMeta, SheetRow, WorkbookSource } from './types';
import type { ZipLimits } from './zip';
import { fileDiagnostic } from '../file-diagnostic';

export interface SheetLintOptions extends FileLintOptions {
  /** Lint this sheet only (by name). */
  sheet?: string;
  /** Header row the user picked for `sheet` (physical row number). */
  headerRow?: number;
  zipLimits?: ZipLimits;
  /** Lint only this many table rows (the editor's first look at a large workbook): the read stops there. */
  headRows?: number;
}

/** Sheet positions: `{row, column, sheet, cell: 'C12'}`; a whole row points at its column A. */
/** Cells located by sheet and address; rows hashed from their values (a sheet has no row text). */
function sheetLocator(sheet: string): Locator {
  const loc = withValueHashing({
    locate: (row: Row, column: number): Loc => ({ row: row.number, column, sheet, cell: cellRef(column, row.number) }),
    locateRow: (row: Row): Loc => ({ row: row.number, column: null, sheet, cell: cellRef(1, row.number) }),
  });
  return { ...loc, rowHas: textCellsHave() };
}

/**
 * `rowHas` for sheet rows. The text of a number or boolean cell is made of digits, `-+.e` and
 * letters: a line break, a space or an `@` (below `+`, or `@`) is never in it. On the first
 * search of a row, the row's other cells are read once for every such character (rules search
 * one row for several: a line break, a CR, an `@`); later searches of the row read the marks. A
 * text with an id (a shared string) is read once in the sheet: its marks are remembered.
 */
function textCellsHave(): (row: Row, ch: string) => boolean {
  let last: Row | null = null;
  // Characters 0–31 seen in the row's text cells (bit c), and 32–42 and `@` (bits c − 32, 11).
  let low = 0;
  let high = 0;
  const memo = new TextMemo(2);
  return (row, ch) => {
    const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
    if (row.cells === undefined || !(c === 0x40 || (c >= 0 && c < 0x2b))) return valuesHave(row.values, ch);
    if (row !== last) {
      last = row;
      low = high = 0;
      const values = row.values;
      const cells = row.cells;
      const ids = row.ids;
      const known = ids ? Math.min(ids.length, values.length) : 0;
      for (let i = 0; i < values.length; i++) {
        const id = i < known ? ids![i] : -1;
        if (id >= 0 && memo.has(id)) {
          low |= memo.slots[2 * id];
          high |= memo.slots[2 * id + 1];
          continue;
        }
        const t = cells[i]?.type;
        if (t === 'number' || t === 'boolean') continue;
        const v = values[i];
        let l = 0;
        let h = 0;
        for (let k = 0; k < v.length; k++) {
          const x = v.charCodeAt(k);
          if (x < 0x20) l |= 1 << x;
          else if (x < 0x2b) h |= 1 << (x - 0x20);
          else if (x === 0x40) h |= 1 << 11;
        }
        if (id >= 0) {
          const at = memo.fill(id);
          memo.slots[at] = l;
          memo.slots[at + 1] = h;
        }
        low |= l;
        high |= h;
      }
    }
    return c < 0x20 ? (low & (1 << c)) !== 0 : (high & (1 << (c === 0x40 ? 11 : c - 0x20))) !== 0;
  };
}

/** What is counted while a sheet streams, to tell an empty or scratch sheet from a table. */
interface SheetTally {
  meta: SheetMeta;
  feeder: SheetTableFeeder;
  session: LintSession | null;
  /** Filled cells, counted until the second wide row (after it, the sheet is a table). */
  cells: number;
  wideRows: number;
  firstRow: number;
}

/** `lintFile` fills the report's `schema` (it builds the schema checks it passes in `options.checks`). */
export async function lintSpreadsheetFile(path: string, options: SheetLintOptions): Promise<FileReport> {
  const lang = options.lang ?? 'en';
  let book: WorkbookSource;
  try {
    book = await openWorkbook(path, options.zipLimits, options.onProgress);
  } catch (e) {
    if (!(e instanceof SheetReadError)) throw e;
    return fatalReport(path, e, lang);
  }
  const format = book.format;
  const report: FileReport = { path, format, encoding: 'utf-8', delimiter: null, rows: 0, schema: null, diagnostics: [], sheets: [] };
  const max = capOf(options.maxProblems, 1000);
  const tables: string[] = [];
  // Every sheet's exact totals; the cap only limits what is listed.
  const totals: ReportCounts = { counts: noCounts(), byRule: {}, truncated: false };
  let checksGiven = false;
  let tally: SheetTally | null = null;
  const stop = readStop(options.signal);
  const head = options.headRows;
  let stopped = false;

  const startSession = (meta: SheetMeta, t: SheetTally): LintSession => {
    const info: TableInfo = { format, encoding: 'utf-8', delimiter: null, sheet: meta.name };
    // Schema checks describe one table: the first visible sheet holding one (or the sheet asked for).
    const primary = !checksGiven && (meta.state === 'visible' || options.sheet !== undefined);
    if (primary) checksGiven = true;
    const session = lintSession(info, sheetLocator(meta.name), {
      ...options,
      maxProblems: max,
      checks: primary ? options.checks : undefined,
    });
    attachSheetFacts(info, t.feeder.facts);
    return session;
  };

  try {
    await book.read(
      {
        sheet(meta) {
          report.sheets!.push(meta.name);
          if (stopped) return false;
          if (options.sheet !== undefined && meta.name !== options.sheet) return false;
          const t: SheetTally = { meta, session: null, cells: 0, wideRows: 0, firstRow: 0, feeder: null! };
          t.feeder = new SheetTableFeeder(meta, format, (row) => (t.session ??= startSession(meta, t)).push(row), options.headerRow);
          tally = t;
        },
        row(r: SheetRow) {
          const t = tally!;
          if (stopped) return;
          if (head !== undefined && report.rows + t.feeder.rows >= head) {
            stopped = true;
            return stop.stop();
          }
          // Counted only while they can still make the sheet empty or scratch (finishSheet).
          if (t.wideRows < 2) {
            const filled = filledCells(r.values);
            if (filled > 0) t.firstRow ||= r.number;
            if (filled >= 2) t.wideRows++;
            t.cells += filled;
          }
          t.feeder.add(r);
        },
        sheetEnd(end) {
          const t = tally!;
          t.feeder.facts.merges = end.merges;
          t.feeder.facts.hiddenColumns = end.hiddenColumns;
          t.feeder.end();
          finishSheet(t, report, tables, options, totals);
          tally = null;
        },
      },
      stop.signal,
    );
  } catch (e) {
    if (stop.isStop(e)) {
      const t = tally as SheetTally | null;
      if (t) (t.feeder.end(), finishSheet(t, report, tables, options, totals));
      return capReport(report, totals, max);
    }
    if (!(e instanceof SheetReadError) || options.signal?.aborted) throw e;
    const d = fatalDiagnostic(e, lang);
    report.diagnostics.push(d);
    addCounts(totals, countsOfList([d]));
    report.fatal = d.message;
  }
  if (tables.length > 1 && options.sheet === undefined) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? '…' : '');
    const d = settle(
      readerDiagnostic('sheet-several-sheets', { count: tables.length, names: shown }, { row: null, column: null }, lang),
      options.rules,
    );
    if (d) (report.diagnostics.unshift({ ...d, sheet: tables[1], cell: 'A1' }), addCounts(totals, countsOfList([d])));
  }
  return capReport(report, totals, max);
}

/** The workbook's listing: each sheet listed its fair share; the whole is cut fairly again. */
function capReport(report: FileReport, totals: ReportCounts, max: number): FileReport {
  if (report.diagnostics.length > max) {
    const tallies = new Map<string, RuleTally>();
    for (const d of report.diagnostics) {
      const t = tallies.get(d.rule) ?? { kept: 0, total: 0 };
      t.kept++;
      tallies.set(d.rule, t);
    }
    const order = new Map(report.diagnostics.map((d, i) => [d, i]));
    report.diagnostics = selectFair(report.diagnostics, tallies, max, (a, b) => order.get(a)! - order.get(b)!);
  }
  const listed = report.diagnostics.length;
  const found = totals.counts.error + totals.counts.warning + totals.counts.info;
  return { ...report, counts: totals.counts, byRule: totals.byRule, truncated: totals.truncated || listed < found };
}

function finishSheet(t: SheetTally, report: FileReport, tables: string[], options: SheetLintOptions, totals: ReportCounts): void {
  const lang = options.lang ?? 'en';
  const name = t.meta.name;
  // Fewer than two rows with two cells is not a table: a note, a lone total, a calculation.
  const kind = t.cells === 0 ? 'empty' : t.wideRows < 2 ? 'scratch' : null;
  if (kind) {
    const row = t.firstRow || 1;
    const d = settle(readerDiagnostic('sheet-empty', { kind, sheet: name, cells: t.cells }, { row, column: null }, lang), options.rules);
    if (d) (report.diagnostics.push({ ...d, sheet: name, cell: cellRef(1, row) }), addCounts(totals, countsOfList([d])));
    return;
  }
  if (!t.session) return;
  tables.push(name);
  report.rows += t.feeder.rows;
  report.diagnostics.push(...t.session.finish());
  addCounts(totals, t.session.summary());
}

/** Cells that are not blank; a first character that is not white space settles most without trimming. */
function filledCells(values: string[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === '') continue;
    const c = v.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x1680) || v.trim() !== '') n++;
  }
  return n;
}

/** Applies the user's per-rule setting to a diagnostic the reader builds itself. */
function settle(d: Diagnostic, rules: Record<string, RuleSetting> | undefined): Diagnostic | null {
  const s = rules?.[d.rule];
  if (s === 'off') return null;
  return s ? { ...d, severity: s } : d;
}

function fatalDiagnostic(e: SheetReadError, lang: Lang): Diagnostic {
  const message = sheetErrorMessage(e.kind, lang, e.detail);
  return fileDiagnostic('source-error', 'error', message);
}

function fatalReport(path: string, e: SheetReadError, lang: Lang): FileReport {
  const d = fatalDiagnostic(e, lang);
  // A legacy workbook is named for what it is, whatever its extension says.
  const format = e.kind === 'xls' ? 'xls' : /\.ods$/i.test(path) ? 'ods' : 'xlsx';
  return { path, format, encoding: 'unknown', delimiter: null, rows: 0, schema: null, diagnostics: [d], fatal: d.message };
}
