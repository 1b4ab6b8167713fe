// "Reopen as comma-separated": when the separator was a close call (delimiter-choice), a status
// bar action reads the document with the runner-up; another click goes back to detection. The
// command also offers every separator (Command Palette).
import * as vscode from 'vscode';
import type { Services } from './services';

const NAMES = (): Record<string, string> => ({
  ',': vscode.l10n.t('comma-separated'),
  ';': vscode.l10n.t('semicolon-separated'),
  '\t': vscode.l10n.t('tab-separated'),
  '|': vscode.l10n.t('pipe-separated'),
});

export function registerDelimiterChoice(context: vscode.ExtensionContext, services: Services): void {
  const item = vscode.window.createStatusBarItem('openData.delimiterChoice', vscode.StatusBarAlignment.Right, 98);
  item.name = vscode.l10n.t('Open Data separator');
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc && services.lint.state(doc.uri);
    const forced = doc && services.lint.delimiterOf(doc.uri);
    const close = state?.result.info.delimiterChoice;
    if (!doc || !state || (!forced && !close)) return item.hide();
    if (forced) {
      item.text = `$(arrow-swap) ${vscode.l10n.t('Detect the separator again')}`;
      item.tooltip = vscode.l10n.t('Read as {0} at your request. Click to detect the separator again.', NAMES()[forced] ?? forced);
      item.command = { title: item.text, command: 'openData.reopenWithDelimiter', arguments: [doc.uri, 'auto'] };
    } else {
      item.text = `$(arrow-swap) ${vscode.l10n.t('Reopen as {0}', NAMES()[close!.runnerUp] ?? close!.runnerUp)}`;
      item.tooltip = vscode.l10n.t('The separator was a close call: click to read this table with the other one.');
      item.command = { title: item.text, command: 'openData.reopenWithDelimiter', arguments: [doc.uri, close!.runnerUp] };
    }
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    services.lint.onDidLint(update),
    vscode.commands.registerCommand('openData.reopenWithDelimiter', async (uri?: vscode.Uri, delimiter?: string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      let d = delimiter;
      if (d === undefined) {
        const picks = [
          { label: vscode.l10n.t('Detect the separator'), d: 'auto' },
          ...Object.entries(NAMES()).map(([k, label]) => ({ label, d: k })),
        ];
        d = (await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Read this table as…') }))?.d;
        if (d === undefined) return;
      }
      services.lint.setDelimiter(target, d === 'auto' ? undefined : d);
    }),
  );
  update();
}
