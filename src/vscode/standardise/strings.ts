// The webview's texts, translated on the host (vscode.l10n) and sent with the view.
import * as vscode from 'vscode';
import type { StandardiseStrings } from '../../protocol/standardise';

export function standardiseStrings(): StandardiseStrings {

  return {
    target: vscode.l10n.t('Target schema'),
    version: vscode.l10n.t('Version'),
    fields: vscode.l10n.t('Schema fields'),
    field: vscode.l10n.t('Field'),
    source: vscode.l10n.t('Source'),
    required: vscode.l10n.t('required'),
    none: vscode.l10n.t('(nothing)'),
    constant: vscode.l10n.t('Constant value'),
    column: vscode.l10n.t('Column “{0}”'),
    expression: vscode.l10n.t('{0} of “{1}”'),
    proposed: vscode.l10n.t('proposed: {0} %, {1}'),
    unmapped: vscode.l10n.t('Unmapped columns'),
    keepUnmapped: vscode.l10n.t('Keep them as extra columns after the schema’s fields'),
    preview: vscode.l10n.t('Preview'),
    counts: vscode.l10n.t('{0} errors, {1} warnings in the first {2} rows ({3} ms)'),
    fieldProblems: vscode.l10n.t('{0} problems'),
    write: vscode.l10n.t('Write standardised CSV'),
    writing: vscode.l10n.t('Writing…'),
    updating: vscode.l10n.t('Updating…'),
    noUnmapped: vscode.l10n.t('Every column is used.'),
    tableOps: vscode.l10n.t('Table operations (before the mapping)'),
    headerRow: vscode.l10n.t('Header row'),
    dropBlank: vscode.l10n.t('Drop blank rows'),
    dropTotals: vscode.l10n.t('Drop totals rows'),
    unpivot: vscode.l10n.t('Unpivot these columns into rows'),
    unpivotName: vscode.l10n.t('Name column'),
    unpivotValue: vscode.l10n.t('Value column'),
    apply: vscode.l10n.t('Apply'),
  };
}
