// The metadata form's page (shell shared with the other webviews).
import * as vscode from 'vscode';
import { webviewPage } from '../webview-page';

export function metadataHtml(webview: vscode.Webview, root: vscode.Uri): string {
  return webviewPage(webview, vscode.Uri.joinPath(root, 'metadata.js'), vscode.Uri.joinPath(root, 'metadata.css'));
}
