// The webview's handle on VS Code: typed to our protocol, acquired once (VS Code allows one call).
import type { ChartState, FromWebview } from '../../src/protocol/chart';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: ChartState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
