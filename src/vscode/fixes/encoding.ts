// Encoding repair from the editor: rewrites the file as UTF-8 after a modal confirmation,
// keeping the original bytes in a backup next to it (a free name, never overwritten).
import * as vscode from 'vscode';
import { reencodeToUtf8 } from '../../core/clean/reencode';
import { siblingName } from '../../core/clean/sibling-name';
import type { RecipeStep } from '../../core/clean/recipe';
import { log } from '../log';

/** Why no conversion happened, so the caller can say it in words the user can act on. */
export type NotConverted = 'not-a-file' | 'declined' | 'already-utf8';

export async function repairEncoding(doc: vscode.TextDocument, confirm = true): Promise<RecipeStep | NotConverted> {
  if (doc.uri.scheme !== 'file') {
    log.warn(`encoding repair of ${doc.uri.toString()}: not a file on disk`);
    return 'not-a-file';
  }
  const name = doc.uri.path.split('/').pop()!;
  const bytes = await vscode.workspace.fs.readFile(doc.uri);
  // Detected from the bytes: the editor's own guess may be the UTF-8 it failed with.
  const r = reencodeToUtf8(bytes);
  // UTF-8 on disk while the editor shows U+FFFD: it was saved after a misread, the letters are gone.
  if (!r.bytes) {
    log.warn(`encoding repair of ${name}: the bytes on disk are already UTF-8`);
    return 'already-utf8';
  }
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const taken = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n));
  const backup = siblingName(name, 'bak', (n) => taken.has(n));
  if (confirm) {
    // The conversion starts from the bytes on disk: edits made on the misread text cannot follow.
    const ok = doc.isDirty ? vscode.l10n.t('Discard Changes and Convert') : vscode.l10n.t('Convert to UTF-8');
    const question = doc.isDirty
      ? vscode.l10n.t(
          'Rewrite {0} from {1} to UTF-8? Its unsaved changes were made on misread text and will be discarded. The original is kept as {2}.',
          name,
          r.from,
          backup,
        )
      : vscode.l10n.t('Rewrite {0} from {1} to UTF-8? The original is kept as {2}.', name, r.from, backup);
    const answer = await vscode.window.showWarningMessage(question, { modal: true }, ok);
    if (answer !== ok) {
      log.info(`encoding repair of ${name}: declined (${answer ?? 'dialog closed'})`);
      return 'declined';
    }
  }
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, backup), bytes);
  await vscode.workspace.fs.writeFile(doc.uri, r.bytes);
  // The editor still holds the text decoded with the old guess (and maybe edits on it): reload from disk.
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  log.info(`encoding repair of ${name}: converted from ${r.from} to UTF-8, original kept as ${backup}`);
  return { rule: 'encoding', fix: 'reencode', from: r.from, count: 1 };
}

/** The warning for a conversion the user ticked that did not happen: never silent. */
export function notConvertedMessage(why: NotConverted): string {
  if (why === 'already-utf8')
    return vscode.l10n.t(
      'The file on disk is already UTF-8 but holds replacement characters (�): it was saved after being misread, and the original letters are lost. Restore it from its source or a backup.',
    );
  if (why === 'not-a-file') return vscode.l10n.t('Only a file on disk can be converted to UTF-8.');
  return vscode.l10n.t('The file was not converted to UTF-8: its encoding is unchanged.');
}
