// One chart panel per table: it asks the worker for points, posts them to the webview, and
// redraws when the table changes (editor edits or the file on disk), debounced. Results of a
// request overtaken by a newer one are dropped (generation counter) and its pass cancelled.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChartConfig } from '../../core/chart/config';
import { CHART_VIEW_TYPE, chartHeading, parseFromWebview, type ChartView, type FromWebview, type ToWebview } from '../../protocol/chart';
import type { WorkerClient } from '../worker-client';
import { exportPng, saveChart } from './files';
import { chartHtml, webviewOptions } from './html';
import { problemMessage, requestFor } from './source';
import { chartStrings } from './strings';

/** Quiet time after the last edit before the chart is redrawn. */
const DEBOUNCE_MS = 500;

export class ChartPanel {
  private static readonly open = new Map<string, ChartPanel>();
  /** The panel that last drew a chart: what the `_chartState` test hook reports. */
  static lastDrawn: ChartPanel | undefined;

  lastView: ChartView | null = null;
  /** The webview script ran (under the CSP) and asked for its chart. */
  webviewReady = false;
  private config: ChartConfig | null;
  private generation = 0;
  private running: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private pngRequests = new Map<number, (dataUrl: string | null) => void>();
  private pngIds = 0;

  /** Shows the chart of `table`, reusing its panel; `config` (a saved chart) replaces the current one. */
  static show(table: vscode.Uri, config: ChartConfig | null, extensionUri: vscode.Uri, worker: WorkerClient): ChartPanel {
    const existing = ChartPanel.open.get(table.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      if (config) existing.setConfig(config);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      CHART_VIEW_TYPE,
      ChartPanel.titleOf(table),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new ChartPanel(panel, table, config, extensionUri, worker);
  }

  /** Brings back a panel VS Code restored after a reload (WebviewPanelSerializer). */
  static revive(
    panel: vscode.WebviewPanel,
    table: vscode.Uri,
    config: ChartConfig | null,
    extensionUri: vscode.Uri,
    worker: WorkerClient,
  ): ChartPanel {
    panel.webview.options = webviewOptions(extensionUri);
    return new ChartPanel(panel, table, config, extensionUri, worker);
  }

  private static titleOf(table: vscode.Uri): string {
    return vscode.l10n.t('Chart: {0}', path.basename(table.path));
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly table: vscode.Uri,
    config: ChartConfig | null,
    extensionUri: vscode.Uri,
    private readonly worker: WorkerClient,
  ) {
    this.config = config;
    ChartPanel.open.set(table.toString(), this);
    panel.title = ChartPanel.titleOf(table);
    panel.webview.html = chartHtml(panel.webview, extensionUri);
    const key = table.toString();
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.joinPath(table, '..'), path.basename(table.path)),
    );
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(parseFromWebview(m))),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document.uri.toString() === key && e.contentChanges.length > 0 && this.scheduleRefresh(),
      ),
      // Closing an edited table without saving brings the chart back to the file on disk.
      vscode.workspace.onDidCloseTextDocument((d) => d.uri.toString() === key && this.scheduleRefresh()),
      watcher,
      watcher.onDidChange(() => this.scheduleRefresh()),
      watcher.onDidCreate(() => this.scheduleRefresh()),
    );
    void this.refresh();
  }

  private receive(msg: FromWebview | null): void {
    if (!msg) return;
    switch (msg.type) {
      case 'ready':
        this.webviewReady = true;
        // The webview (re)loaded, e.g. after its tab was hidden: it gets the last chart at once.
        if (this.lastView) this.post({ type: 'show', view: this.lastView });
        return;
      case 'config':
        return this.setConfig(msg.config);
      case 'export-png':
        void exportPng(msg.dataUrl, this.table);
        return;
      case 'save':
        void saveChart(msg.config, this.table, chartHeading(msg.config, chartStrings()));
        return;
      case 'png':
        this.pngRequests.get(msg.id)?.(msg.dataUrl);
        this.pngRequests.delete(msg.id);
        return;
    }
  }

  /** The canvas as a PNG data URL (the image of a reuse); null when the webview cannot answer in time. */
  requestPng(timeoutMs = 5000): Promise<string | null> {
    const id = ++this.pngIds;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pngRequests.delete(id);
        resolve(null);
      }, timeoutMs);
      this.pngRequests.set(id, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
      this.post({ type: 'png-request', id });
    });
  }

  setConfig(config: ChartConfig): void {
    this.config = config;
    void this.refresh();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  /** Asks the worker for the chart and posts it, unless a newer request overtook this one. */
  async refresh(): Promise<void> {
    const gen = ++this.generation;
    this.running?.cancel();
    const cts = (this.running = new vscode.CancellationTokenSource());
    this.post({ type: 'busy' });
    try {
      const outcome = await this.worker.run('aggregate', requestFor(this.table, this.config), { token: cts.token });
      if (gen !== this.generation) return;
      if (!outcome.ok) return this.post({ type: 'problem', message: problemMessage(outcome) });
      this.config = outcome.result.config;
      this.lastView = {
        source: this.table.toString(),
        title: path.basename(this.table.path),
        locale: vscode.env.language,
        result: outcome.result,
        strings: chartStrings(),
      };
      ChartPanel.lastDrawn = this;
      this.post({ type: 'show', view: this.lastView });
    } catch (e) {
      if (gen !== this.generation || cts.token.isCancellationRequested) return;
      this.post({
        type: 'problem',
        message: vscode.l10n.t('Could not read {0}: {1}', path.basename(this.table.path), (e as Error).message),
      });
    } finally {
      cts.dispose();
    }
  }

  private post(msg: ToWebview): void {
    // A hidden webview cannot receive messages; it asks again with `ready` when shown.
    void this.panel.webview.postMessage(msg);
  }

  dispose(): void {
    ChartPanel.open.delete(this.table.toString());
    if (ChartPanel.lastDrawn === this) ChartPanel.lastDrawn = undefined;
    clearTimeout(this.timer);
    this.running?.cancel();
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
