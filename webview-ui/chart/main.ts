// Webview entry of the chart panel (bundled to dist/webview/chart.js).
import { isToWebview, parseChartState } from '../../src/protocol/chart';
import { ChartApp } from './app';
import { vscode } from './vscode-api';

const app = new ChartApp(document.getElementById('app')!);
const saved = parseChartState(vscode.getState());
if (saved?.view) app.show(saved.view);
window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isToWebview(e.data)) app.handle(e.data);
});
vscode.postMessage({ type: 'ready' });
