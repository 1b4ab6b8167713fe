// "Open Data: Lint File on Disk": for files VS Code will not hand to extensions (> 50 MB)
// or that are not open. Streams from disk in the worker, with progress and cancellation.
import * as vscode from 'vscode';
import { toVscodeDiagnostic } from './convert';
import { toSheetDiagnostic } from './grid/problems';
import { log } from './log';
import { lintSettings, uiLang } from './settings';
import { CancelledError, WorkerCrashedError, type WorkerClient } from './worker-client';
import { sourceError } from '../core/lint-csv';
import { reportCounts } from '../core/report-format';
import { cutNotice, totalOf } from './truncation';

export async function lintFileOnDisk(
  worker: WorkerClient,
  collection: vscode.DiagnosticCollection,
  docsBase: vscode.Uri,
  target?: vscode.Uri,
): Promise<number | undefined> {
  let uri = target;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Lint'),
      filters: { [vscode.l10n.t('Tables')]: ['csv', 'tsv', 'txt', 'xlsx', 'ods'] },
    });
    uri = picked?.[0];
  }
  if (!uri) return undefined;
  const file = uri;
  const settings = lintSettings(file);
  try {
    const started = performance.now();
    const report = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Linting {0}', vscode.workspace.asRelativePath(file)),
        cancellable: true,
      },
      (progress, token) => {
        let last = 0;
        return worker.run(
          'lintFile',
          {
            path: file.fsPath,
            options: {
              lang: uiLang(),
              rules: settings.rules,
              maxProblems: settings.maxProblems,
              delimiter: settings.delimiter,
              fieldsMatch: settings.fieldsMatch,
            },
          },
          {
            token,
            progress: (done, total) => {
              const pct = (done / Math.max(total, 1)) * 100;
              progress.report({ increment: pct - last, message: `${Math.round(pct)} %` });
              last = pct;
            },
          },
        );
      },
    );
    const parts = report.reading?.parts ?? 1;
    const how =
      parts > 1 ? `in ${parts} parts on ${parts} threads` : report.reading ? `in one pass (${report.reading.fallback})` : 'in one pass';
    log.info(`Lint File on Disk: ${file.fsPath}: ${report.rows} rows ${how}, ${Math.round(performance.now() - started)} ms`);
    // Spreadsheet problems are placed at their cell and named Sheet!C12.
    const listed = report.diagnostics.map((d) =>
      d.sheet !== undefined ? toSheetDiagnostic(d, docsBase) : toVscodeDiagnostic(d, undefined, docsBase),
    );
    // The true totals, whatever the cap listed.
    const totals = reportCounts(report);
    const notice = cutNotice(totals, listed.length);
    collection.set(file, notice ? [notice, ...listed] : listed);
    const all = totalOf(totals);
    const where = vscode.workspace.asRelativePath(file);
    void vscode.window.showInformationMessage(
      totals.truncated
        ? vscode.l10n.t(
            '{0}: {1} rows, {2} problems ({3} errors, {4} warnings); {5} listed.',
            where,
            report.rows,
            all,
            totals.counts.error,
            totals.counts.warning,
            listed.length,
          )
        : vscode.l10n.t('{0}: {1} rows, {2} problems ({3} errors).', where, report.rows, all, totals.counts.error),
    );
    return all;
  } catch (e) {
    if (e instanceof CancelledError) return undefined;
    // The worker died on this file (it has been restarted): the file is marked unreadable.
    if (e instanceof WorkerCrashedError)
      collection.set(file, [
        toVscodeDiagnostic(sourceError('unreadable', uiLang(), { row: null, column: null }, e.message), undefined, docsBase),
      ]);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not lint {0}: {1}', file.fsPath, (e as Error).message));
    return undefined;
  }
}
