// Encoding repair from the editor: rewrites the file as UTF-8 after a modal confirmation,
// keeping the original bytes in a backup next to it (a free name, never overwritten).
import * as vscode from 'vscode';
import { reencodeToUtf8 } from '../../core/clean/reencode';
import { siblingName } from '../../core/clean/sibling-name';
import type { RecipeStep } from '../../core/clean/recipe';

export async function repairEncoding(doc: vscode.TextDocument): Promise<RecipeStep | undefined> {
  if (doc.uri.scheme !== 'file') return undefined;
  const name = doc.uri.path.split('/').pop()!;
  const bytes = await vscode.workspace.fs.readFile(doc.uri);
  // Detected from the bytes: the editor's own guess may be the UTF-8 it failed with.
  const r = reencodeToUtf8(bytes);
  if (!r.bytes) return undefined;
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const taken = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n));
  const backup = siblingName(name, 'bak', (n) => taken.has(n));
  const ok = vscode.l10n.t('Convert to UTF-8');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Rewrite {0} from {1} to UTF-8? The original is kept as {2}.', name, r.from, backup),
    { modal: true },
    ok,
  );
  if (answer !== ok) return undefined;
  if (doc.isDirty) await doc.save();
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, backup), bytes);
  await vscode.workspace.fs.writeFile(doc.uri, r.bytes);
  // The editor still holds the text decoded with the old guess: reload it from disk.
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return { rule: 'encoding', fix: 'reencode', from: r.from, count: 1 };
}
