// The two things the panel writes for the user: a PNG of the chart where they choose, and
// the chart's config into the project (`.opendata/charts/<slug>.json`).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChartConfig } from '../../core/chart/config';
import { CHARTS_DIR, chartFileName, relativeSource, serializeSavedChart, type SavedChart } from '../../core/chart/saved';

export async function exportPng(dataUrl: string, table: vscode.Uri): Promise<vscode.Uri | undefined> {
  const base = path.basename(table.path).replace(/\.[^.]+$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(table, '..', `${base}-chart.png`),
    filters: { [vscode.l10n.t('PNG image')]: ['png'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Chart exported to {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}

/** Asks for a title, then writes the chart next to the project's other charts. */
export async function saveChart(config: ChartConfig, table: vscode.Uri, defaultTitle: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(table) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the project folder to save charts in it.'));
    return undefined;
  }
  const title = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Title of the chart'),
    value: defaultTitle,
    validateInput: (v) => (v.trim() ? null : vscode.l10n.t('Give the chart a title.')),
  });
  if (title === undefined) return undefined;
  const dir = vscode.Uri.joinPath(folder.uri, ...CHARTS_DIR.split(path.sep));
  await vscode.workspace.fs.createDirectory(dir);
  const existing = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
  const file = vscode.Uri.joinPath(dir, chartFileName(title, existing));
  const chart: SavedChart = { version: 1, title: title.trim(), source: relativeSource(folder.uri.fsPath, table.fsPath), config };
  await vscode.workspace.fs.writeFile(file, Buffer.from(serializeSavedChart(chart), 'utf8'));
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Chart saved to {0}.', vscode.workspace.asRelativePath(file)), open).then((a) => {
    if (a === open) void vscode.window.showTextDocument(file);
  });
  return file;
}
