// What the worker reads for a panel: the editor's text when the table is open (so the chart
// shows unsaved edits), the file on disk otherwise (workbooks, or tables not open).
import * as vscode from 'vscode';
import type { AggregateRequest } from '../../core/chart/aggregate';
import type { ChartConfig } from '../../core/chart/config';
import type { AggregateOutcome } from '../../core/chart/task';
import { sheetErrorMessage } from '../../core/sheet/errors';
import { uiLang } from '../settings';

export const TABLE_EXTENSIONS = /\.(csv|tsv|tab|txt|xlsx|xlsm|ods)$/i;

export function requestFor(uri: vscode.Uri, config: ChartConfig | null): AggregateRequest {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const tsv = /\.(tsv|tab)$/i.test(uri.path) || doc?.languageId === 'tsv';
  if (doc && !/\.(xlsx|xlsm|ods)$/i.test(uri.path)) {
    return { source: { kind: 'text', text: doc.getText(), format: tsv ? 'tsv' : 'csv', key: `${uri.toString()}#${doc.version}` }, config };
  }
  return { source: { kind: 'file', path: uri.fsPath }, config };
}

/** The sentence shown in the panel when a table cannot be charted at all. */
export function problemMessage(o: Exclude<AggregateOutcome, { ok: true }>): string {
  switch (o.reason) {
    case 'empty':
      return vscode.l10n.t('The file is empty: there is nothing to chart.');
    case 'binary':
    case 'nul':
      return vscode.l10n.t('This file is not a text table (CSV/TSV) nor a workbook (XLSX/ODS).');
    case 'row-too-large':
      return vscode.l10n.t('A row of this file is too large to read: an unclosed quote probably swallows the rest of the file.');
    case 'sheet':
      return sheetErrorMessage(o.kind, uiLang(), o.detail);
  }
}
