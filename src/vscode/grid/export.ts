// "Open Data: Export Sheet as CSV (UTF-8)": writes a sheet as a new CSV beside the workbook
// (never over an existing file), asks which header row to use when the sheet is ambiguous,
// then opens the CSV so the CSV linter checks it. The workbook is read in the worker (a
// crafted one can exhaust whoever reads it), never on the host thread.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { SheetReadError, sheetErrorMessage } from '../../core/sheet/errors';
import { freeCsvPath } from '../../core/sheet/export-csv';
import type { HeaderGuess } from '../../core/sheet/header';
import type { TaskArgs, TaskName, TaskResult } from '../../core/worker/tasks';
import { uiLang } from '../settings';
import type { WorkerClient } from '../worker-client';

type SheetTask = 'listSheets' | 'peekHeader' | 'exportSheetCsv';
type Value<N extends SheetTask> = Extract<TaskResult<N>, { value: unknown }>['value'];

/** Runs a sheet task in the worker; the reader's refusal becomes a SheetReadError again. */
async function inWorker<N extends SheetTask & TaskName>(worker: WorkerClient, task: N, args: TaskArgs<N>): Promise<Value<N>> {
  const r = (await worker.run(task, args)) as { value: Value<N> } | { sheetError: { kind: SheetReadError['kind']; detail?: string } };
  if ('sheetError' in r) throw new SheetReadError(r.sheetError.kind, r.sheetError.detail);
  return r.value;
}

/** `header`: a row number, or 'detected' to keep the detected header without asking (scripts, tests). */
export async function exportSheetCommand(
  worker: WorkerClient,
  target: vscode.Uri | undefined,
  sheetArg: string | undefined,
  header?: number | 'detected',
): Promise<vscode.Uri | undefined> {
  const uri = target ?? (await pickWorkbook());
  if (!uri) return undefined;
  const path = uri.fsPath;
  try {
    const sheets = await inWorker(worker, 'listSheets', { path });
    const sheet = sheetArg ?? (await pickSheet(sheets.map((s) => s.name)));
    if (!sheet) return undefined;
    const guess = await inWorker(worker, 'peekHeader', { path, sheet });
    if (guess.rows.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sheet “{0}” is empty: there is nothing to export.', sheet));
      return undefined;
    }
    const headerRow = typeof header === 'number' ? header : guess.ambiguous && header !== 'detected' ? await pickHeader(guess) : undefined;
    if (headerRow === null) return undefined;
    const dest = freeCsvPath(path, sheets.length > 1 ? sheet : null);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting “{0}” to {1}', sheet, basename(dest)) },
      () => inWorker(worker, 'exportSheetCsv', { source: path, dest, options: { sheet, headerRow } }),
    );
    const out = vscode.Uri.file(result.path);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(out), { preview: false });
    const notes = [vscode.l10n.t('{0} rows written to {1}.', result.rows, basename(result.path))];
    if (result.dropped.length) notes.push(vscode.l10n.t('{0} row(s) above the header left out.', result.dropped.length));
    if (result.filledMerges) notes.push(vscode.l10n.t('{0} merged range(s) filled with their value.', result.filledMerges));
    if (result.errors) notes.push(vscode.l10n.t('{0} error cell(s) (#REF!, #DIV/0!…) written empty.', result.errors));
    if (result.formulas)
      notes.push(
        vscode.l10n.t(
          '{0} cell(s) start like a formula (= + - @) and would run when the CSV is opened in a spreadsheet: {1}. The CSV linter offers to neutralise them.',
          result.formulas,
          result.formulaCells.join(', ') + (result.formulas > result.formulaCells.length ? '…' : ''),
        ),
      );
    const show = result.formulas ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(notes.join(' '));
    return out;
  } catch (e) {
    const message = e instanceof SheetReadError ? sheetErrorMessage(e.kind, uiLang(), e.detail) : (e as Error).message;
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export {0}: {1}', basename(path), message));
    return undefined;
  }
}

async function pickWorkbook(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Export'),
    filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx', 'ods'] },
  });
  return picked?.[0];
}

async function pickSheet(names: string[]): Promise<string | undefined> {
  if (names.length <= 1) return names[0];
  return vscode.window.showQuickPick(names, { placeHolder: vscode.l10n.t('Which sheet should be exported?') });
}

/** The detected header first, then each of the first rows; null when the user cancels. */
async function pickHeader(guess: HeaderGuess): Promise<number | undefined | null> {
  type Item = vscode.QuickPickItem & { row: number | undefined };
  const rows = guess.rows.length > 1 ? `${guess.rows[0]}–${guess.rows[guess.rows.length - 1]}` : `${guess.rows[0]}`;
  const items: Item[] = [
    { label: vscode.l10n.t('Row {0} (detected)', rows), description: guess.labels.filter(Boolean).slice(0, 4).join(' | '), row: undefined },
    ...guess.candidates.map((c) => ({ label: vscode.l10n.t('Row {0}', c.row), description: c.preview, row: c.row })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which row holds the column names?') });
  return picked ? picked.row : null;
}
