// The thin host: wires core services (run in a worker) to VS Code UI pieces.
import * as vscode from 'vscode';
import { LintController } from './vscode/diagnostics';
import { lintFileOnDisk } from './vscode/lint-on-disk';
import { LintStatusBar } from './vscode/status-bar';
import { WorkerClient } from './vscode/worker-client';

export interface Api {
  lint: LintController;
  status: LintStatusBar;
  worker: WorkerClient;
}

export function activate(context: vscode.ExtensionContext): Api {
  const worker = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath);
  const collection = vscode.languages.createDiagnosticCollection('opendata');
  const docsBase = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const lint = new LintController(collection, worker, docsBase);
  const status = new LintStatusBar(lint);
  context.subscriptions.push(
    collection,
    lint,
    status,
    { dispose: () => worker.dispose() },
    vscode.commands.registerCommand('openData.lintFileOnDisk', (uri?: vscode.Uri) => lintFileOnDisk(worker, collection, docsBase, uri)),
    vscode.commands.registerCommand('openData.showRuleDocs', (id: string) =>
      vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(docsBase, `${id}.md`)),
    ),
  );
  return { lint, status, worker };
}

export function deactivate(): void {}
