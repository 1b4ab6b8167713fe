// Entry of the "diagnose" area: the Diagnostic stage's published inventory, Socle coverage,
// maturity and referents, and Identification's Wanted Data List, extra folders and PDFs.
// The nodes live in the stages tree; this registers their commands and keeps them fresh.
import * as vscode from 'vscode';
import { diagnosisTarget } from '../../core/diagnose/project-state';
import { PortalKeys } from '../publish/portals';
import type { Inventory } from '../stages/inventory';
import type { ProjectStore } from '../stages/project-store';
import type { StagesTree } from '../stages/tree';
import {
  addReferentCommand,
  addSocleToWantedCommand,
  addWantedCommand,
  maturityCommand,
  openWantedCommand,
  removeReferentCommand,
  removeWantedCommand,
  setReferentStatusCommand,
  setWantedStatusCommand,
  type Deps,
} from './commands';
import { DiagnoseModel, EXTRA_FOLDERS_SETTING, extraFolders } from './model';
import { runDiagnostic, type RunArgs } from './run';

export { DiagnoseModel } from './model';

export interface DiagnoseDeps {
  store: ProjectStore;
  inventory: Inventory;
  tree: StagesTree;
  model: DiagnoseModel;
}

export function registerDiagnose(context: vscode.ExtensionContext, { store, inventory, tree, model }: DiagnoseDeps): Promise<void> {
  const keys = new PortalKeys(context.secrets);
  const d: Deps = { store, inventory };
  const fail = (e: Error) => void vscode.window.showErrorMessage(e.message);
  const cmd = (id: string, f: (...a: any[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, (...a: unknown[]) => f(...a).catch(fail));
  context.subscriptions.push(
    model,
    model.onDidChange(() => {
      tree.refresh('diagnostic');
      tree.refresh('identification');
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(EXTRA_FOLDERS_SETTING) && void model.scanFolders()),
    cmd('openData.diagnose.run', (args?: RunArgs) => runDiagnostic(store, model, keys, args ?? {})),
    cmd('openData.diagnose.changeTarget', () => runDiagnostic(store, model, keys, { change: true })),
    cmd('openData.diagnose.maturity', (arg?: Parameters<typeof maturityCommand>[1]) => maturityCommand(d, arg)),
    cmd('openData.diagnose.addReferent', (arg?: Parameters<typeof addReferentCommand>[1]) => addReferentCommand(d, arg)),
    cmd('openData.diagnose.setReferentStatus', (arg?: unknown) => setReferentStatusCommand(d, arg)),
    cmd('openData.diagnose.removeReferent', (arg?: unknown) => removeReferentCommand(d, arg)),
    cmd('openData.diagnose.addWanted', (arg?: Parameters<typeof addWantedCommand>[1]) => addWantedCommand(d, arg)),
    cmd('openData.diagnose.addSocleToWanted', (arg?: unknown) => addSocleToWantedCommand(d, arg)),
    cmd('openData.diagnose.setWantedStatus', (arg?: unknown) => setWantedStatusCommand(d, arg)),
    cmd('openData.diagnose.openWanted', (arg?: unknown) => openWantedCommand(d, arg)),
    cmd('openData.diagnose.removeWanted', (arg?: unknown) => removeWantedCommand(d, arg)),
    cmd('openData.diagnose.addFolder', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: true,
        title: vscode.l10n.t('Folders to add to the inventory'),
      });
      if (!picked?.length) return;
      const next = [...new Set([...extraFolders(), ...picked.map((u) => u.fsPath)])];
      await vscode.workspace.getConfiguration().update(EXTRA_FOLDERS_SETTING, next, vscode.ConfigurationTarget.Workspace);
    }),
    cmd('openData.diagnose.rescanFolders', () => model.scanFolders()),
  );
  // The last known inventory shows at once; reading the portal waits for the person.
  return store
    .load()
    .then(async () => {
      const target = diagnosisTarget(store.state);
      const key = target ? await keys.get({ url: target.portal }) : undefined;
      await model.loadCached(target, !!key);
    })
    .then(() => model.scanFolders())
    .catch(() => undefined);
}
