// Entry of the "stages" feature area: the "Open Data" tree of the five Challenge Data stages,
// the dataset project files (datapackage.json, .opendata/project.json) and their commands.
import * as vscode from 'vscode';
import { setChecked } from '../../core/project/project';
import { registerMetadata } from '../metadata';
import type { Services } from '../services';
import {
  addDatasetCommand,
  cleanCommand,
  editNotesCommand,
  openCommand,
  publishCommand,
  setPortalCommand,
  validateCommand,
  type CommandDeps,
} from './commands';
import { Inventory } from './inventory';
import { ProjectStore } from './project-store';
import { copySamples } from './samples';
import { StagesTree } from './tree';
import { DiagnoseModel, registerDiagnose } from '../diagnose';

/** `stages`: the tree once loaded, its charts read again (ExtensionMode.Test: src/vscode/test-probes.ts). */
export function registerStages(context: vscode.ExtensionContext, services: Services): { stages: () => Promise<StagesTree> } {
  const store = new ProjectStore();
  const inventory = new Inventory(services.worker);
  const diagnosis = new DiagnoseModel(context.globalStorageUri, services.worker);
  const tree = new StagesTree(store, inventory, diagnosis);
  const view = vscode.window.createTreeView('openData.stages', {
    treeDataProvider: tree,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  const deps: CommandDeps = { store, inventory, services };
  // Loading waits for nothing the user does; the tree fills in as the pieces arrive.
  const ready = Promise.all([
    store.load(),
    inventory.scan(),
    tree.loadCharts(),
    registerDiagnose(context, { store, inventory, tree, model: diagnosis }),
  ]);

  context.subscriptions.push(
    store,
    inventory,
    tree,
    view,
    view.onDidChangeCheckboxState(async (e) => {
      for (const [n, state] of e.items) {
        if (n.kind !== 'check') continue;
        await store
          .updateProject((p) => setChecked(p, n.stage, n.item.id, state === vscode.TreeItemCheckboxState.Checked))
          .catch((err: Error) => {
            void vscode.window.showErrorMessage(err.message);
            tree.refresh();
          });
      }
    }),
    vscode.commands.registerCommand('openData.addDataset', (arg?: unknown, all?: unknown, into?: string) =>
      addDatasetCommand(deps, arg, all, into).catch(showError),
    ),
    vscode.commands.registerCommand('openData.validateDataset', (arg?: unknown) => validateCommand(deps, arg)),
    vscode.commands.registerCommand('openData.stages.clean', (arg?: unknown) => cleanCommand(arg)),
    vscode.commands.registerCommand('openData.stages.open', (arg?: unknown) => openCommand(arg)),
    vscode.commands.registerCommand('openData.stages.publish', (arg?: unknown) => publishCommand(arg)),
    vscode.commands.registerCommand('openData.editStageNotes', (arg?: unknown) => editNotesCommand(deps, arg).catch(showError)),
    vscode.commands.registerCommand('openData.setTargetPortal', (portal?: string) => setPortalCommand(deps, portal).catch(showError)),
    vscode.commands.registerCommand('openData.copySamples', () => copySamples(context.extensionUri, store.root)),
    vscode.commands.registerCommand(
      'openData.openProjectFile',
      () => store.datapackageUri && vscode.commands.executeCommand('vscode.open', store.datapackageUri),
    ),
    vscode.commands.registerCommand('openData.refreshStages', async () => {
      await Promise.all([store.load(), inventory.refresh(inventory.list().map((e) => e.uri)), tree.loadCharts()]);
    }),
  );
  registerMetadata(context, store);
  return {
    stages: async () => {
      await ready;
      await tree.loadCharts();
      return tree;
    },
  };
}

function showError(e: Error): undefined {
  void vscode.window.showErrorMessage(e.message);
  return undefined;
}
