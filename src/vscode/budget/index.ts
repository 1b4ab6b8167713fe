// Budget acts in VS Code: the budget view for .xml files whose root is DocumentBudgetaire (or a
// CFU), opened instead of the text editor, and "Convert Budget to SCDL CSV".
import * as vscode from 'vscode';
import type { Services } from '../services';
import { convertBudgetCommand, type ConvertBudgetOptions } from './convert-command';
import { BUDGET_VIEW_TYPE, BudgetEditorProvider, BudgetViews } from './editor';

/** A budget act says so in its first bytes: the root element follows the XML declaration. */
export const looksLikeBudgetAct = (head: string): boolean => /<(?:[\w-]+:)?(?:DocumentBudgetaire|CompteFinancierUnique)[\s>]/.test(head);

async function isBudgetAct(uri: vscode.Uri): Promise<boolean> {
  if (!/\.xml$/i.test(uri.path) || uri.scheme !== 'file') return false;
  try {
    const { open } = await import('node:fs/promises');
    const f = await open(uri.fsPath, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await f.read(buf, 0, 4096, 0);
      return looksLikeBudgetAct(buf.subarray(0, bytesRead).toString('latin1'));
    } finally {
      await f.close();
    }
  } catch {
    return false;
  }
}

export function registerBudget(context: vscode.ExtensionContext, services: Services): BudgetViews {
  const views = new BudgetViews();
  const reopened = new Set<string>();
  // The view is an "option" editor for every .xml; an act shown as text is reopened in it once.
  const reopen = async (editor: vscode.TextEditor | undefined) => {
    const uri = editor?.document.uri;
    if (!uri || reopened.has(uri.toString()) || !(await isBudgetAct(uri))) return;
    reopened.add(uri.toString());
    const textTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    await vscode.commands.executeCommand('vscode.openWith', uri, BUDGET_VIEW_TYPE, editor?.viewColumn);
    // The act replaces its text view, as a workbook's grid does: one tab per file.
    await vscode.window.tabGroups.close(textTabs).then(undefined, () => undefined);
  };
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(BUDGET_VIEW_TYPE, new BudgetEditorProvider(context, services, views), {
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('openData.convertBudget', (uri?: vscode.Uri, o?: ConvertBudgetOptions) => {
      const target = uri instanceof vscode.Uri ? uri : (views.active ?? vscode.window.activeTextEditor?.document.uri);
      return convertBudgetCommand(context, services, target, o);
    }),
    vscode.commands.registerCommand('openData._budgetViewState', (uri: vscode.Uri) => views.shown.get(uri.toString())),
    vscode.window.onDidChangeActiveTextEditor((e) => void reopen(e)),
  );
  void reopen(vscode.window.activeTextEditor);
  return views;
}
