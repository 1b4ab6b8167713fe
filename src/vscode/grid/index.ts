// Spreadsheets in VS Code: the read-only grid editor for .xlsx/.ods, their diagnostics in the
// Problems panel (`Sheet!C12`), "Export Sheet as CSV (UTF-8)", and revealing a cell.
import * as vscode from 'vscode';
import { WorkerClient } from '../worker-client';
import { GRID_VIEW_TYPE, GridEditorProvider, GridViews } from './editor';
import { exportSheetCommand } from './export';
import { SheetLinter, type SheetLintTimings } from './linter';
import type { GridShown } from './view';
import type { GridInput } from '../../protocol/grid';
import { reopenWorkbooksAtStart } from './reopen';

/**
 * `worker` is the host's shared worker (lints, exports); without it they get their own. Every
 * workbook is read in a worker (lint-worker.js), so a hostile one can only ever crash a worker,
 * never the extension host.
 */
/** What `openData._gridState` answers of a grid: its view's timings, its lint's, its problem count. */
export type GridProbe = Partial<GridShown> & { lint?: SheetLintTimings; problems?: number };

export function registerSpreadsheets(
  context: vscode.ExtensionContext,
  diagnostics: vscode.DiagnosticCollection,
  worker?: WorkerClient,
): void {
  const w = worker ?? new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath);
  if (!worker) context.subscriptions.push({ dispose: () => w.dispose() });
  const linter = new SheetLinter(diagnostics, w, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  // The grid reads its rows in a worker process of its own, started with the first grid: in the
  // shared one, its first screen shared a thread with the whole-file lint and waited behind it.
  const reads = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath);
  context.subscriptions.push({ dispose: () => reads.dispose() });
  const views = new GridViews();
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  context.subscriptions.push(
    linter,
    vscode.window.registerCustomEditorProvider(
      GRID_VIEW_TYPE,
      new GridEditorProvider(context.extensionUri, reads, linter, views, testing),
      {
        supportsMultipleEditorsPerDocument: true,
      },
    ),
    vscode.commands.registerCommand('openData.exportSheetCsv', (uri?: vscode.Uri, sheet?: string, header?: number | 'detected') => {
      // From the palette or the editor title: the active grid and the sheet it shows.
      const active = views.active;
      const target = uri instanceof vscode.Uri ? uri : active?.uri;
      const shown = active && target && active.uri.toString() === target.toString() ? active.sheet : undefined;
      return exportSheetCommand(w, target, typeof sheet === 'string' ? sheet : shown, header);
    }),
    vscode.commands.registerCommand(
      'openData.revealSheetCell',
      async (uri: vscode.Uri, sheet: string, row: number | null, column: number | null) => {
        if (!views.forUri(uri)) await vscode.commands.executeCommand('vscode.openWith', uri, GRID_VIEW_TYPE);
        await views.forUri(uri)?.reveal(sheet, row, column);
      },
    ),
    // For tests and timings: when the grid of `uri` drew its first rows and its whole sheet, when its squiggles came.
    vscode.commands.registerCommand('openData._gridState', (uri: vscode.Uri): GridProbe => {
      const view = views.forUri(uri);
      return { ...view?.shown, lint: linter.timings.get(uri.toString()), problems: linter.report(uri)?.diagnostics.length };
    }),
    // For tests only (not registered otherwise): a person's input on the grid of `uri`, replayed in its webview.
    ...(testing
      ? [vscode.commands.registerCommand('openData._gridInput', (uri: vscode.Uri, input: GridInput) => views.forUri(uri)?.input(input))]
      : []),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('openData.lint')) for (const uri of views.uris()) void linter.lint(uri).catch(() => undefined);
    }),
  );
  reopenWorkbooksAtStart(context);
}
