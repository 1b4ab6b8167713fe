// The stage commands: add files as a dataset, validate, clean, open, notes, target portal.
// Each takes its target from a tree node, an explorer Uri, or asks (palette).
import * as vscode from 'vscode';
import { addDataset, datasetsOf, type DatasetView } from '../../core/project/datapackage';
import { setNotes, setTargetPortal } from '../../core/project/project';
import { stageById } from '../../core/project/stages';
import type { Services } from '../services';
import { uiLang } from '../settings';
import { resourceUris } from './children';
import type { Inventory } from './inventory';
import type { Node } from './nodes';
import type { ProjectStore } from './project-store';

export interface CommandDeps {
  store: ProjectStore;
  inventory: Inventory;
  services: Services;
}

const isUri = (x: unknown): x is vscode.Uri => x instanceof vscode.Uri;

/** Uris a command was invoked on: a tree node, an explorer selection (uri, uris) or nothing. */
function targetUris(arg: unknown, all?: unknown): vscode.Uri[] {
  if (Array.isArray(all) && all.every(isUri) && all.length) return all;
  if (isUri(arg)) return [arg];
  const n = arg as Node | undefined;
  if (n && (n.kind === 'file' || n.kind === 'resource')) return [n.uri];
  return [];
}

export async function addDatasetCommand(d: CommandDeps, arg?: unknown, all?: unknown, into?: string): Promise<string | undefined> {
  const root = d.store.root;
  if (!root) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep a dataset project.'));
    return undefined;
  }
  let uris = targetUris(arg, all);
  if (!uris.length) {
    await d.inventory.scan();
    const picks = await vscode.window.showQuickPick(
      d.inventory.list().map((e) => ({ label: vscode.workspace.asRelativePath(e.uri), description: e.facts?.schema?.name, uri: e.uri })),
      { canPickMany: true, title: vscode.l10n.t('Files that form one dataset') },
    );
    uris = picks?.map((p) => p.uri) ?? [];
  }
  if (!uris.length) return undefined;
  const outside = uris.filter((u) => !u.path.startsWith(root.path + '/'));
  if (outside.length) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} is outside the workspace folder: a dataset can only list files of the project.', outside[0].fsPath),
    );
    return undefined;
  }
  await d.inventory.refresh(uris.filter((u) => !d.inventory.get(u)?.facts));
  const files = uris.map((u) => ({ path: u.path.slice(root.path.length + 1), schema: d.inventory.get(u)?.facts?.schema?.name }));
  let name = '';
  await d.store.updateDataPackage((dp) => {
    const r = addDataset(dp, files, into);
    name = r.name;
    return r.dp;
  });
  return name;
}

/** Lints every file of a dataset (or one file): open documents in place, others from disk. */
export async function validateCommand(d: CommandDeps, arg?: unknown): Promise<void> {
  const n = arg as Node | undefined;
  const of = (view: DatasetView) => resourceUris(d.store.root, view);
  // From the palette or the walkthrough: every file of the project.
  const uris = n?.kind === 'dataset' ? of(n.view) : arg === undefined ? datasetsOf(d.store.datapackage).flatMap(of) : targetUris(arg);
  for (const uri of uris) {
    const doc = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
    if (doc) await d.services.lint.lint(doc);
    else await vscode.commands.executeCommand('openData.lintFileOnDisk', uri);
  }
}

/** The cleaning flow belongs to another area; it is called by id and may be missing in older builds. */
export async function cleanCommand(arg?: unknown): Promise<void> {
  const [uri] = targetUris(arg);
  if (!uri) return;
  if (!(await vscode.commands.getCommands(true)).includes('openData.cleanDataset')) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The cleaning assistant is not available in this version.'));
    return;
  }
  await vscode.commands.executeCommand('openData.cleanDataset', uri);
}

export async function openCommand(arg?: unknown): Promise<void> {
  for (const uri of targetUris(arg)) await vscode.commands.executeCommand('vscode.open', uri);
}

export async function editNotesCommand(d: CommandDeps, arg?: unknown): Promise<void> {
  const stageId =
    typeof arg === 'string' ? arg : (arg as Node | undefined)?.kind === 'notes' ? (arg as { stage: string }).stage : undefined;
  const stage = stageById(stageId ?? '');
  if (!stage) return;
  const notes = await vscode.window.showInputBox({
    title: vscode.l10n.t('Notes: {0}', stage.title[uiLang()]),
    value: d.store.state?.stages?.[stage.id]?.notes ?? '',
    prompt: vscode.l10n.t('Saved in .opendata/project.json'),
  });
  if (notes !== undefined) await d.store.updateProject((p) => setNotes(p, stage.id, notes.trim()));
}

export async function setPortalCommand(d: CommandDeps, portal?: string): Promise<void> {
  let value = portal;
  if (value === undefined) {
    const other = vscode.l10n.t('Other portal…');
    const pick = await vscode.window.showQuickPick(['https://www.data.gouv.fr', 'https://demo.data.gouv.fr', other], {
      title: vscode.l10n.t('Where will the datasets be published?'),
    });
    if (pick === other) {
      value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Portal address'),
        placeHolder: 'https://data.ma-ville.fr',
        validateInput: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an address starting with https://')),
      });
    } else value = pick;
  }
  if (value !== undefined) await d.store.updateProject((p) => setTargetPortal(p, value!.trim()));
}

/** The publish flow belongs to another area; a Publication dataset node hands it the dataset name. */
export async function publishCommand(arg?: unknown): Promise<void> {
  const n = arg as Node | undefined;
  await vscode.commands.executeCommand('openData.publish', n?.kind === 'dataset' ? { dataset: n.view.meta.name } : undefined);
}
