// Lints an .xlsx/.ods workbook: every sheet becomes a table (header found, title rows left
// out) pushed row by row into its own LintSession, so every CSV rule, the schema checks
// and the sheet rules apply, with problems located as `Sheet!C12`.
import type { CheckFactory } from '../engine/check';
import type { LintSession } from '../engine/session';
import { lintSession } from '../lint-session';
import type { FileLintOptions, RuleSetting } from '../options';
import { readerDiagnostic } from '../lint-csv';
import { addCounts, capOf, countsOfList, noCounts, selectFair, type ReportCounts, type RuleTally } from '../report-cap';
import type { Diagnostic, FileReport, Lang, TableInfo } from '../model';
import { cellRef } from './address';
import { noSheetMessage, SheetReadError, sheetErrorMessage } from './errors';
import { attachSheetFacts } from './facts';
import { openWorkbook } from './open';
import { readStop } from './read-stop';
import { sheetLocator } from './locator';
import { SheetTableFeeder } from './table';
import { SheetTally } from './tally';
import type { SheetMeta, SheetRow, WorkbookSource } from './types';
import type { ZipLimits } from './zip';
import { fileDiagnostic } from '../file-diagnostic';

export interface SheetLintOptions extends FileLintOptions {
  /** Header row the user picked for `sheet` (physical row number). */
  headerRow?: number;
  zipLimits?: ZipLimits;
  /** Lint only this many table rows (the editor's first look at a large workbook): the read stops there. */
  headRows?: number;
  /** Checks of the sheets after the one the schema describes (identifier columns found by their label). */
  otherSheetChecks?: CheckFactory[];
}

/** One sheet being read: its table, its session once the header is found, its counts. */
interface SheetRead {
  meta: SheetMeta;
  feeder: SheetTableFeeder;
  session: LintSession | null;
  tally: SheetTally;
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
  let current: SheetRead | null = null;
  const stop = readStop(options.signal);
  const head = options.headRows;
  let stopped = false;

  const startSession = (meta: SheetMeta, t: SheetRead): LintSession => {
    const info: TableInfo = { format, encoding: 'utf-8', delimiter: null, sheet: meta.name };
    // Schema checks describe one table: the first visible sheet holding one (or the sheet asked for).
    const primary = !checksGiven && (meta.state === 'visible' || options.sheet !== undefined);
    if (primary) checksGiven = true;
    const session = lintSession(info, sheetLocator(meta.name), {
      ...options,
      maxProblems: max,
      checks: primary ? options.checks : options.otherSheetChecks,
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
          const t: SheetRead = { meta, session: null, tally: new SheetTally(), feeder: null! };
          t.feeder = new SheetTableFeeder(meta, format, (row) => (t.session ??= startSession(meta, t)).push(row), options.headerRow);
          current = t;
        },
        row(r: SheetRow) {
          const t = current!;
          if (stopped) return;
          if (head !== undefined && report.rows + t.feeder.rows >= head) {
            stopped = true;
            return stop.stop();
          }
          t.tally.add(r);
          t.feeder.add(r);
        },
        sheetEnd(end) {
          const t = current!;
          t.feeder.facts.merges = end.merges;
          t.feeder.facts.hiddenColumns = end.hiddenColumns;
          t.feeder.end();
          finishSheet(t, report, tables, options, totals);
          current = null;
        },
      },
      stop.signal,
    );
  } catch (e) {
    if (stop.isStop(e)) {
      const t = current as SheetRead | null;
      if (t) (t.feeder.end(), finishSheet(t, report, tables, options, totals));
      return capReport(report, totals, max);
    }
    if (!(e instanceof SheetReadError) || options.signal?.aborted) throw e;
    const d = fatalDiagnostic(e, lang);
    report.diagnostics.push(d);
    addCounts(totals, countsOfList([d]));
    report.fatal = d.message;
  }
  if (options.sheet !== undefined && !report.fatal && !report.sheets!.includes(options.sheet)) {
    const d = fileDiagnostic('source-error', 'error', noSheetMessage(path, options.sheet, report.sheets!, lang));
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

function finishSheet(t: SheetRead, report: FileReport, tables: string[], options: SheetLintOptions, totals: ReportCounts): void {
  const lang = options.lang ?? 'en';
  const name = t.meta.name;
  // Fewer than two rows with two cells is not a table: a note, a lone total, a calculation.
  const { cells, wideRows, firstRow } = t.tally;
  const kind = cells === 0 ? 'empty' : wideRows < 2 ? 'scratch' : null;
  if (kind) {
    const row = firstRow || 1;
    const d = settle(readerDiagnostic('sheet-empty', { kind, sheet: name, cells }, { row, column: null }, lang), options.rules);
    if (d) (report.diagnostics.push({ ...d, sheet: name, cell: cellRef(1, row) }), addCounts(totals, countsOfList([d])));
    return;
  }
  if (!t.session) return;
  tables.push(name);
  report.rows += t.feeder.rows;
  report.diagnostics.push(...t.session.finish());
  addCounts(totals, t.session.summary());
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
