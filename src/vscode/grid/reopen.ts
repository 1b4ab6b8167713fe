// A workbook opened in the first seconds after VS Code starts, before the extension host has
// registered the grid editor, lands in the text editor's "binary file" placeholder, where it is
// useless. At activation (and once more shortly after, for tabs whose opening was under way), such
// tabs are reopened in the grid, in the same group. Later, a user who picks "Reopen Editor With… >
// Text Editor" keeps that choice: nothing listens for new tabs.
import * as vscode from 'vscode';
import { GRID_VIEW_TYPE } from './editor';

const WORKBOOK = /\.(xlsx|xlsm|ods)$/i;

const textTabsOf = (uri: vscode.Uri, group: vscode.TabGroup) =>
  group.tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());

/** Reopens in the grid every workbook shown by the text editor; returns how many. */
export async function reopenWorkbooksShownAsText(): Promise<number> {
  let reopened = 0;
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!(tab.input instanceof vscode.TabInputText) || !WORKBOOK.test(tab.input.uri.path) || tab.isDirty) continue;
      const uri = tab.input.uri;
      await vscode.commands.executeCommand('vscode.openWith', uri, GRID_VIEW_TYPE, {
        viewColumn: group.viewColumn,
        preserveFocus: !tab.isActive,
        preview: tab.isPreview,
      });
      // The grid may have replaced the text tab or opened beside it: close what is left.
      const left = textTabsOf(uri, group);
      if (left.length) await vscode.window.tabGroups.close(left, true);
      reopened++;
    }
  }
  return reopened;
}

/** At activation: now, and once more after `laterMs`. */
export function reopenWorkbooksAtStart(context: vscode.ExtensionContext, laterMs = 2000): void {
  void reopenWorkbooksShownAsText().catch(() => undefined);
  const timer = setTimeout(() => void reopenWorkbooksShownAsText().catch(() => undefined), laterMs);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
