// The grid webview's words, in VS Code's display language.
import * as vscode from 'vscode';
import type { GridLabels } from '../../protocol/grid';

export function gridLabels(): GridLabels {
  return {
    problems: vscode.l10n.t('Problems'),
    noProblems: vscode.l10n.t('No problems in this sheet.'),
    exportCsv: vscode.l10n.t('Export as CSV'),
    loading: vscode.l10n.t('Reading the sheet…'),
    truncated: vscode.l10n.t('Only the first rows are shown: the sheet is larger.'),
    sheetHidden: vscode.l10n.t('hidden sheet'),
    sheetProblems: vscode.l10n.t('Problems in this sheet'),
    otherSheets: vscode.l10n.t('other sheets'),
    ruleDocs: vscode.l10n.t('About this rule'),
    moveWaits: vscode.l10n.t('Still reading the sheet: the move is made once its rows are read.'),
  };
}
