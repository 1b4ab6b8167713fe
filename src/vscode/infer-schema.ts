// "Open Data: Infer Schema": a Table Schema for the table, opened in a new editor for review
// (nothing is written until the user saves it).
import * as vscode from 'vscode';
import type { WorkerClient } from './worker-client';

export async function inferSchemaCommand(worker: WorkerClient, target?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a CSV or TSV file to infer its schema.'));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const schema = await worker.run('inferSchema', { text: doc.getText(), format: doc.languageId === 'tsv' ? 'tsv' : 'csv' });
  const out = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(schema, null, 2) + '\n' });
  await vscode.window.showTextDocument(out, vscode.ViewColumn.Beside);
  return out;
}
