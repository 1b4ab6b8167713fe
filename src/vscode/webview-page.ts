// The one page shell of every webview (grid, chart, metadata form): a bundle and a stylesheet
// from the extension, nothing else. Strict CSP: scripts only with this page's nonce, styles,
// fonts and images only from the extension. No data goes into the HTML: it arrives by message
// and is inserted as text.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function webviewPage(webview: vscode.Webview, script: vscode.Uri, style: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const lang = vscode.env.language.replace(/[^A-Za-z-]/g, '') || 'en';
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${webview.asWebviewUri(style)}">
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}
