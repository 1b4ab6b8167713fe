// Entry of the chart feature area ("Valorisation"): the Preview Chart command, reopening a
// saved chart, and reviving chart panels after a reload.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChartConfig } from '../../core/chart/config';
import { listSavedCharts, parseSavedChart, resolveSource } from '../../core/chart/saved';
import { CHART_VIEW_TYPE, parseChartState, type ChartView } from '../../protocol/chart';
import type { Services } from '../services';
import { WorkerClient } from '../worker-client';
import { ChartPanel } from './panel';
import { TABLE_EXTENSIONS } from './source';

/** What `openData._chartState` returns to integration tests: the last chart posted to a webview. */
export interface ChartTestState {
  table: string;
  /** The webview's script has run and asked for its chart. */
  webviewReady: boolean;
  view: ChartView | null;
}

/**
 * Registers the chart commands and the panel serializer. Pass the extension's services to
 * share its worker; without them the charts start their own.
 */
export function registerCharts(context: vscode.ExtensionContext, services?: Pick<Services, 'worker'>): void {
  let worker = services?.worker;
  if (!worker) {
    const own = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath);
    context.subscriptions.push({ dispose: () => own.dispose() });
    worker = own;
  }
  const w = worker;
  const show = (table: vscode.Uri, config: ChartConfig | null) => ChartPanel.show(table, config, context.extensionUri, w);
  context.subscriptions.push(
    vscode.commands.registerCommand('openData.previewChart', (uri?: vscode.Uri, config?: ChartConfig) => {
      const table = uri instanceof vscode.Uri ? uri : activeTable();
      if (!table) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a table (CSV, TSV, XLSX or ODS) to chart it.'));
        return undefined;
      }
      return show(table, config ?? null).table.toString();
    }),
    vscode.commands.registerCommand('openData.openSavedChart', async (uri?: vscode.Uri) => {
      const file = uri ?? (await pickSavedChart());
      if (!file) return undefined;
      const chart = parseSavedChart(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8'));
      if (!chart) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a saved chart.', vscode.workspace.asRelativePath(file)));
        return undefined;
      }
      const root = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath ?? path.resolve(path.dirname(file.fsPath), '..', '..');
      const table = resolveSource(root, chart.source);
      if (!table) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            '{0} names a table outside the workspace folder ({1}): it is not opened.',
            vscode.workspace.asRelativePath(file),
            chart.source,
          ),
        );
        return undefined;
      }
      return show(vscode.Uri.file(table), chart.config).table.toString();
    }),
    vscode.commands.registerCommand('openData._chartState', (): ChartTestState | undefined => {
      const p = ChartPanel.lastDrawn;
      return p && { table: p.table.toString(), webviewReady: p.webviewReady, view: p.lastView };
    }),
    /** Test hook: the last drawn chart's canvas as a PNG data URL (what Export PNG writes). */
    vscode.commands.registerCommand('openData._chartPng', () => ChartPanel.lastDrawn?.requestPng() ?? null),
    vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const s = parseChartState(state);
        if (!s) return panel.dispose();
        ChartPanel.revive(panel, vscode.Uri.parse(s.source), s.config, context.extensionUri, w);
      },
    }),
  );
}

/** The table in the active editor: a text editor, or a custom/binary editor tab (XLSX, ODS). */
function activeTable(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document.uri;
  if (doc && TABLE_EXTENSIONS.test(doc.path)) return doc;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  return uri && TABLE_EXTENSIONS.test(uri.path) ? uri : undefined;
}

async function pickSavedChart(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const charts = (await Promise.all(folders.map((f) => listSavedCharts(f.uri.fsPath)))).flat().filter((e) => e.chart);
  if (charts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No saved charts in this project yet: use “Save chart” in a chart panel.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    charts.map((e) => ({ label: e.chart!.title, description: e.chart!.source, file: vscode.Uri.file(e.file) })),
    { placeHolder: vscode.l10n.t('Saved chart to open') },
  );
  return picked?.file;
}
