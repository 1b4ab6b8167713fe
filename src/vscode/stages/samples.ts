// "Copy the Sample Files": the walkthrough works on the two bundled samples (a subsidies
// table and a budget in SCDL shape, with defects), copied into the workspace so they can be
// added to the project, cleaned and published like real files. Existing files are kept.
import * as vscode from 'vscode';

const SAMPLES = ['subventions-2024.csv', 'budget-primitif-2024.csv'];

export async function copySamples(extensionUri: vscode.Uri, root: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const source = (name: string) => vscode.Uri.joinPath(extensionUri, 'samples', name);
  if (!root) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a folder to copy the samples into it; showing the bundled sample meanwhile.'),
    );
    await vscode.commands.executeCommand('vscode.open', source(SAMPLES[0]));
    return undefined;
  }
  const dir = vscode.Uri.joinPath(root, 'samples');
  await vscode.workspace.fs.createDirectory(dir);
  for (const name of SAMPLES) {
    const target = vscode.Uri.joinPath(dir, name);
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) await vscode.workspace.fs.copy(source(name), target);
  }
  const first = vscode.Uri.joinPath(dir, SAMPLES[0]);
  await vscode.commands.executeCommand('vscode.open', first);
  return first;
}
