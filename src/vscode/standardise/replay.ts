// "Replay Recipe…" on a recipe with a standardise step: the file is mapped to the schema into a
// new CSV beside it (never over it). A file whose columns changed gets the list of entries that
// no longer match, and nothing is written.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StandardiseSpec } from '../../core/standardise/spec';
import { uiLang } from '../settings';
import type { WorkerClient } from '../worker-client';
import { freeOutputPath } from './files';

export async function replayStandardiseStep(
  worker: WorkerClient,
  target: vscode.Uri,
  spec: StandardiseSpec,
  recipe: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const out = freeOutputPath(target.fsPath, spec.schema.name);
  const r = await worker.run('standardiseWrite', {
    source: { path: target.fsPath },
    spec,
    out,
    lang: uiLang(),
    baseDir: path.dirname(recipe.fsPath),
  });
  if (!r.ok) {
    void vscode.window.showErrorMessage(r.problem[uiLang()], { modal: true });
    return undefined;
  }
  const uri = vscode.Uri.file(out);
  await vscode.window.showTextDocument(uri, { preview: false });
  const p = r.result.problems;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('{0}: {1} rows written; {2} errors and {3} warnings left.', path.basename(out), r.result.rows, p.errors, p.warnings),
  );
  return uri;
}
