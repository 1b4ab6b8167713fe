// The dry run's output: the exact requests a real run would send (API key shown as ***), in a
// read-only virtual document, so nothing can be edited or saved by mistake.
import * as vscode from 'vscode';
import type { RequestSummary } from '../../core/portal';

export const DRY_RUN_SCHEME = 'odw-publish-dry-run';

export class DryRunDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  async show(title: string, requests: RequestSummary[]): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: DRY_RUN_SCHEME, path: `/${this.next++}/${title.replace(/[^\w.-]+/g, '-')}.json` });
    this.docs.set(uri.path, JSON.stringify(requests, null, 2) + '\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
    return uri;
  }
}
