// Which schema a document is checked against: automatic (datapackage.json, the glob setting,
// then header detection) unless the user picked one — or none — for that file.
import * as vscode from 'vscode';
import * as path from 'path';
import type { WorkerClient } from './worker-client';
import type { CatalogListing } from '../core/catalog/listing';
import { pinSchemaVersion } from '../core/catalog/pin';
import { uiLang } from './settings';

/** undefined = automatic; null = no schema; string = catalog name or schema file path. */
export type SchemaPick = string | null | undefined;

const KEY = 'openData.schemaChoices';

export class SchemaChoices {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  get(uri: vscode.Uri): SchemaPick {
    const all = this.state.get<Record<string, string | null>>(KEY, {});
    return uri.toString() in all ? all[uri.toString()] : undefined;
  }

  async set(uri: vscode.Uri, pick: SchemaPick): Promise<void> {
    const all = { ...this.state.get<Record<string, string | null>>(KEY, {}) };
    if (pick === undefined) delete all[uri.toString()];
    else all[uri.toString()] = pick;
    await this.state.update(KEY, all);
    this.emitter.fire(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** "Open Data: Select Schema…": automatic, none, a catalog schema and its version, or a schema file. */
export async function selectSchema(
  choices: SchemaChoices,
  worker: WorkerClient,
  target?: vscode.Uri,
  pick?: SchemaPick | 'auto',
): Promise<void> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return;
  if (pick !== undefined) return choices.set(uri, pick === 'auto' ? undefined : pick);
  type Entry = CatalogListing['schemas'][number];
  type Item = vscode.QuickPickItem & { pick: SchemaPick | 'file'; entry?: Entry };
  const listing = await worker.run('catalogListing', {});
  const current = choices.get(uri);
  const currentName = typeof current === 'string' ? current.replace(/@.*$/, '') : current;
  const sourceNote =
    listing.source === 'cache'
      ? vscode.l10n.t('catalog: cache of {0}', listing.fetchedAt ?? '?')
      : vscode.l10n.t('catalog: bundled copy (2026-08-22)');
  const items: Item[] = [
    {
      label: vscode.l10n.t('$(search) Detect automatically'),
      description: vscode.l10n.t('datapackage.json, settings, then the header'),
      pick: undefined,
    },
    { label: vscode.l10n.t('$(circle-slash) No schema'), pick: null },
    { label: sourceNote, kind: vscode.QuickPickItemKind.Separator, pick: undefined },
    ...listing.schemas.map((c) => ({
      label: c.title,
      description: `${c.name} ${c.latest}`,
      detail: c.versions.length > 1 ? vscode.l10n.t('{0} versions', c.versions.length) : undefined,
      pick: c.name,
      entry: c,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, pick: undefined },
    { label: vscode.l10n.t('$(file) Schema file…'), pick: 'file' as const },
  ];
  for (const i of items) if (i.pick === currentName && i.kind !== vscode.QuickPickItemKind.Separator) i.picked = true;
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Schema for {0}', vscode.workspace.asRelativePath(uri)),
    matchOnDescription: true,
  });
  if (!chosen) return;
  if (chosen.pick === 'file') {
    const file = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Table Schema': ['json'] } });
    if (file?.[0]) await choices.set(uri, file[0].fsPath);
    return;
  }
  if (!chosen.entry) return choices.set(uri, chosen.pick);
  const version = await pickVersion(chosen.entry);
  if (!version) return;
  await choices.set(uri, version.version === chosen.entry.latest ? chosen.entry.name : `${chosen.entry.name}@${version.version}`);
  await pinInDataPackage(uri, chosen.entry, version);
}

/** The version step: newest first; a version whose file is not at hand says how to get it. */
async function pickVersion(entry: CatalogListing['schemas'][number]): Promise<{ version: string; url: string } | undefined> {
  if (entry.versions.length === 1 && entry.versions[0].available) return entry.versions[0];
  type V = vscode.QuickPickItem & { v: CatalogListing['schemas'][number]['versions'][number] };
  const items: V[] = entry.versions.map((v) => ({
    label: v.version,
    description: v.version === entry.latest ? vscode.l10n.t('latest') : undefined,
    detail: v.available ? undefined : vscode.l10n.t('$(cloud-download) Not in the catalog in use: run “Open Data: Update Schema Catalog”'),
    v,
  }));
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Version of {0}', entry.title) });
  if (!chosen) return undefined;
  if (!chosen.v.available) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} {1} is not in the catalog in use. Run “Open Data: Update Schema Catalog” first.', entry.name, chosen.v.version),
    );
    return undefined;
  }
  return chosen.v;
}

/**
 * With a datapackage.json above the file (in its workspace folder), its resource for the file
 * gets the URL of the chosen version as `schema`: an edit left unsaved in an open editor, so
 * the user sees it and can undo it.
 */
async function pinInDataPackage(
  uri: vscode.Uri,
  entry: CatalogListing['schemas'][number],
  version: { version: string; url: string },
): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== 'file') return;
  let dpUri: vscode.Uri | undefined;
  for (let dir = vscode.Uri.joinPath(uri, '..'); dir.path.startsWith(folder.uri.path); dir = vscode.Uri.joinPath(dir, '..')) {
    const candidate = vscode.Uri.joinPath(dir, 'datapackage.json');
    if (
      await vscode.workspace.fs.stat(candidate).then(
        () => true,
        () => false,
      )
    ) {
      dpUri = candidate;
      break;
    }
    if (dir.path === folder.uri.path) break;
  }
  if (!dpUri) return;
  const doc = await vscode.workspace.openTextDocument(dpUri);
  const rel = path.posix.relative(path.posix.dirname(dpUri.path), uri.path);
  const r = pinSchemaVersion(doc.getText(), rel, version.url, uiLang());
  if (!r.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not pin the schema version in datapackage.json: {0}', r.reason));
    return;
  }
  if (r.text === doc.getText()) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(dpUri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), r.text);
  await vscode.workspace.applyEdit(edit);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('{0} {1} pinned in datapackage.json (not saved yet).', entry.name, version.version),
  );
}
