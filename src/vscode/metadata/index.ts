// "Open Data: Edit Dataset Metadata": picks the dataset (tree node, name, or a QuickPick)
// and opens its form.
import * as vscode from 'vscode';
import { datasetsOf } from '../../core/project/datapackage';
import type { ProjectStore } from '../stages/project-store';
import { MetadataPanels, METADATA_VIEW } from './panel';

export function registerMetadata(context: vscode.ExtensionContext, store: ProjectStore): void {
  const panels = new MetadataPanels(context.extensionUri, store);
  context.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(METADATA_VIEW, panels.serializer()),
    vscode.commands.registerCommand('openData.editMetadata', async (arg?: unknown) => {
      const name = await datasetName(store, arg);
      if (name) panels.open(name);
      return name;
    }),
  );
}

/** From a dataset name, a tree node that names one, or the user's pick. */
async function datasetName(store: ProjectStore, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  const node = arg as { kind?: string; view?: { meta: { name: string } }; dataset?: string } | undefined;
  if (node?.view) return node.view.meta.name;
  if (node?.dataset) return node.dataset;
  await store.load();
  const views = datasetsOf(store.datapackage);
  if (!views.length) {
    const add = vscode.l10n.t('Add Files as a Dataset');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('The project has no dataset yet.'), add)) === add)
      await vscode.commands.executeCommand('openData.addDataset');
    return undefined;
  }
  if (views.length === 1) return views[0].meta.name;
  const pick = await vscode.window.showQuickPick(
    views.map((v) => ({ label: v.meta.title || v.meta.name, description: v.meta.name, name: v.meta.name })),
    { title: vscode.l10n.t('Dataset to describe') },
  );
  return pick?.name;
}
