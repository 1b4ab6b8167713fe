// A table whose bytes are Windows-1252 (or another legacy encoding) but which the editor decoded
// as UTF-8 shows � in place of its accented letters. Saving it — auto save included — writes those
// � to disk and the letters are lost for good. On the first edit of such a document, this says so
// once and offers the conversion (which starts from the bytes on disk, see encoding.ts).
import * as vscode from 'vscode';
import { reencodeToUtf8 } from '../../core/clean/reencode';
import { isTableDocument } from '../diagnostics';
import { log } from '../log';
import type { Services } from '../services';
import { repairEncoding, notConvertedMessage } from './encoding';

export class MisreadGuard implements vscode.Disposable {
  /** Documents already warned about (or found sound), by URI: one check per document. */
  private readonly checked = new Map<string, boolean>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly services: Services) {
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Not `isDirty`: the host tells the edit before it tells the dirty state.
        if (e.contentChanges.length) void this.check(e.document).catch((err) => log.warn(`misread check: ${err}`));
      }),
      // Opened again (maybe with the right encoding): checked again on its first edit.
      vscode.workspace.onDidCloseTextDocument((doc) => this.checked.delete(doc.uri.toString())),
    );
  }

  /** Whether `uri` was found misread and warned about (tests). */
  warned(uri: vscode.Uri): boolean {
    return this.checked.get(uri.toString()) === true;
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (this.checked.has(key) || doc.uri.scheme !== 'file' || !isTableDocument(doc)) return;
    // Only what the lint already flagged: no text is copied on every keystroke of other files.
    const state = this.services.lint.state(doc.uri);
    if (!state) return;
    this.checked.set(key, false);
    if (!state.core.some((d) => d.rule === 'encoding') || !doc.getText().includes('\uFFFD')) return;
    const legacy = reencodeToUtf8(await vscode.workspace.fs.readFile(doc.uri));
    if (!legacy.bytes) return;
    this.checked.set(key, true);
    const name = doc.uri.path.split('/').pop() ?? '';
    log.warn(`${name}: edited while misread (${legacy.from} read as UTF-8)`);
    const convert = vscode.l10n.t('Convert the file to UTF-8…');
    const reopen = vscode.l10n.t('Reopen with Another Encoding…');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} is {1} but was read as UTF-8: saving it (auto save included) would replace its accented letters with � for good. Convert it to UTF-8 first.',
        name,
        legacy.from,
      ),
      convert,
      reopen,
    );
    if (pick === reopen) {
      await vscode.window.showTextDocument(doc);
      return void (await vscode.commands.executeCommand('workbench.action.editor.changeEncoding'));
    }
    if (pick !== convert) return;
    const r = await repairEncoding(doc);
    if (typeof r === 'string') void vscode.window.showWarningMessage(notConvertedMessage(r));
    else this.services.lint.fileChanged(doc.uri);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
