// The chart webview's page (shell shared with the other webviews) and its resource roots.
import * as vscode from 'vscode';
import { webviewPage } from '../webview-page';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function chartHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPage(
    webview,
    vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'chart.js'),
    vscode.Uri.joinPath(extensionUri, 'media', 'chart.css'),
  );
}
