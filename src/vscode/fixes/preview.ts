// Read-only documents holding cleaned text under `opendata-preview:`, shown in a diff
// against the original before anything is written.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'opendata-preview';

export class PreviewProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 0;

  /** A fresh URI per preview (contents never change under a URI), same path so the language follows. */
  show(original: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: original.path, query: String(++this.next) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
