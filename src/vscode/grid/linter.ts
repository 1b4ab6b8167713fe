// Lints spreadsheets in the worker thread and publishes the results in the Problems panel;
// the grid reads the same results to mark cells. A newer lint of a file wins over an older one.
import * as vscode from 'vscode';
import type { FileReport } from '../../core/model';
import type { FileLintOptions } from '../../core/lint-file';
import { lintSettings, uiLang } from '../settings';
import { WorkerCrashedError, type WorkerClient } from '../worker-client';
import { sourceError } from '../../core/lint-csv';
import { toSheetDiagnostic } from './problems';
import { SHEET_HEAD_ABOVE, SHEET_HEAD_ROWS, sheetHeadDiagnostics } from '../../core/sheet/head-lint';

/** When a file's first squiggles (head lint) and its whole report were published, ms after the lint was asked. */
export interface SheetLintTimings {
  head?: number;
  whole?: number;
}

export class SheetLinter implements vscode.Disposable {
  private readonly reports = new Map<string, FileReport>();
  /** A large workbook's first look (its head linted), until the whole report replaces it. */
  private readonly heads = new Map<string, FileReport>();
  readonly timings = new Map<string, SheetLintTimings>();
  private readonly running = new Map<string, { version: number; done: Promise<FileReport> }>();
  private version = 0;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires once a file's diagnostics were published (a large workbook's head's, then the whole file's). */
  readonly onDidLint = this.emitter.event;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly worker: WorkerClient,
    private readonly docsBase: vscode.Uri,
  ) {}

  /** The whole report, or the head's while the whole is not there yet. */
  report(uri: vscode.Uri): FileReport | undefined {
    return this.reports.get(uri.toString()) ?? this.heads.get(uri.toString());
  }

  /** The latest report, linting first when there is none yet. */
  current(uri: vscode.Uri): Promise<FileReport> {
    const key = uri.toString();
    return this.running.get(key)?.done ?? Promise.resolve(this.reports.get(key) ?? this.lint(uri));
  }

  lint(uri: vscode.Uri): Promise<FileReport> {
    const key = uri.toString();
    const version = ++this.version;
    const settings = lintSettings(uri);
    const options = { lang: uiLang(), rules: settings.rules, maxProblems: settings.maxProblems };
    const t0 = Date.now();
    // A large workbook just opened: the squiggles of its first rows first, then the whole file's.
    const fresh = !this.reports.has(key) && !this.running.has(key) && !this.heads.has(key);
    const done = (fresh ? this.lintHead(uri, options, t0) : Promise.resolve())
      .then(() => this.worker.run('lintFile', { path: uri.fsPath, options }))
      // The worker died on this file (a hostile workbook): the file is marked unreadable, and
      // the next request starts a new worker.
      .catch((e: Error) => {
        if (!(e instanceof WorkerCrashedError)) throw e;
        return crashedReport(uri, e);
      })
      .then((report) => {
        if (this.running.get(key)?.version === version) {
          this.running.delete(key);
          this.reports.set(key, report);
          this.heads.delete(key);
          this.timings.set(key, { ...this.timings.get(key), whole: Date.now() - t0 });
          this.collection.set(
            uri,
            report.diagnostics.map((d) => toSheetDiagnostic(d, this.docsBase)),
          );
          this.emitter.fire(uri);
        }
        return report;
      });
    this.running.set(key, { version, done });
    done.catch(() => this.running.get(key)?.version === version && this.running.delete(key));
    return done;
  }

  private async lintHead(uri: vscode.Uri, options: FileLintOptions, t0: number): Promise<void> {
    const key = uri.toString();
    try {
      if ((await vscode.workspace.fs.stat(uri)).size <= SHEET_HEAD_ABOVE) return;
      const head = await this.worker.run('lintWorkbookHead', { path: uri.fsPath, rows: SHEET_HEAD_ROWS, options });
      // Shown until the whole report is in (a newer lint of a file rewritten meanwhile included).
      if (this.reports.has(key) || !this.running.has(key)) return;
      this.heads.set(key, head);
      this.collection.set(
        uri,
        sheetHeadDiagnostics(head).map((d) => toSheetDiagnostic(d, this.docsBase)),
      );
      this.timings.set(key, { head: Date.now() - t0 });
      this.emitter.fire(uri);
    } catch {
      // The whole lint says what went wrong.
    }
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.reports.delete(key);
    this.heads.delete(key);
    this.timings.delete(key);
    this.running.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The report of a workbook the worker died reading: one source-error saying so. */
function crashedReport(uri: vscode.Uri, e: WorkerCrashedError): FileReport {
  const d = sourceError('unreadable', uiLang(), { row: null, column: null }, e.message);
  const format = /\.ods$/i.test(uri.path) ? 'ods' : 'xlsx';
  return { path: uri.fsPath, format, encoding: 'unknown', delimiter: null, rows: 0, schema: null, diagnostics: [d], fatal: d.message };
}
