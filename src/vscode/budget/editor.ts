// The read-only budget view (viewType openData.budget) of a TOTEM act: header card, lines
// grid with filters, problems beside. The act is read in the worker.
import * as vscode from 'vscode';
import { parseBudgetWebviewMessage, type BudgetHostMessage } from '../../protocol/budget';
import type { Services } from '../services';
import { webviewPage } from '../webview-page';
import { plansTaskArgs } from './convert-command';
import { budgetLabels } from './labels';

export const BUDGET_VIEW_TYPE = 'openData.budget';

export class BudgetViews {
  active: vscode.Uri | undefined;
  /** What each open view was last sent, and what its page says it rendered, by uri (the host test reads it). */
  readonly shown = new Map<string, { sent: BudgetHostMessage; rendered?: { title: string; rows: number } }>();
}

export class BudgetEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Services,
    private readonly views: BudgetViews,
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => this.views.shown.delete(uri.toString()) };
  }

  resolveCustomEditor(doc: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const root = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.webview.html = webviewPage(panel.webview, vscode.Uri.joinPath(root, 'budget.js'), vscode.Uri.joinPath(root, 'budget.css'));
    const uri = doc.uri;
    if (panel.active) this.views.active = uri;
    const post = (m: BudgetHostMessage) => {
      this.views.shown.set(uri.toString(), { sent: m });
      void panel.webview.postMessage(m);
    };
    const load = async () => {
      const labels = budgetLabels();
      post({ type: 'loading', labels });
      const data = await this.services.worker
        .run('budgetView', plansTaskArgs(this.context, uri.fsPath))
        .catch((e: Error) => ({ ok: false as const, code: 'failed', message: e.message }));
      post({ type: 'load', data, labels });
    };
    const subs = [
      panel.onDidChangeViewState(() => panel.active && (this.views.active = uri)),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseBudgetWebviewMessage(raw);
        if (m?.type === 'ready') void load();
        else if (m?.type === 'convert') void vscode.commands.executeCommand('openData.convertBudget', uri);
        else if (m?.type === 'rendered') {
          const s = this.views.shown.get(uri.toString());
          if (s) s.rendered = { title: m.title, rows: m.rows };
        }
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      if (this.views.active?.toString() === uri.toString()) this.views.active = undefined;
    });
  }
}
