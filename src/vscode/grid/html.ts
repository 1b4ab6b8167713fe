// The grid webview's page (shell shared with the other webviews).
import * as vscode from 'vscode';
import { webviewPage } from '../webview-page';

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function gridHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  return webviewPage(webview, vscode.Uri.joinPath(root, 'grid.js'), vscode.Uri.joinPath(root, 'grid.css'));
}
