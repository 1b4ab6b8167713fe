// Lints spreadsheets in the worker thread and publishes the results in the Problems panel;
// the grid reads the same results to mark cells. A newer lint of a file wins over an older one.
import * as vscode from 'vscode';
import type { FileReport } from '../../core/model';
import { lintSettings, uiLang } from '../settings';
import { WorkerCrashedError, type WorkerClient } from '../worker-client';
import { sourceError } from '../../core/lint-csv';
import { toSheetDiagnostic } from './problems';

export class SheetLinter implements vscode.Disposable {
  private readonly reports = new Map<string, FileReport>();
  private readonly running = new Map<string, { version: number; done: Promise<FileReport> }>();
  private version = 0;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires once a file's diagnostics were published. */
  readonly onDidLint = this.emitter.event;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly worker: WorkerClient,
    private readonly docsBase: vscode.Uri,
  ) {}

  report(uri: vscode.Uri): FileReport | undefined {
    return this.reports.get(uri.toString());
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
    const done = this.worker
      .run('lintFile', { path: uri.fsPath, options: { lang: uiLang(), rules: settings.rules, maxProblems: settings.maxProblems } })
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

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.reports.delete(key);
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
