// Which schema a document is checked against: automatic (datapackage.json, the glob setting,
// then header detection) unless the user picked one — or none — for that file.
import * as vscode from 'vscode';
import type { WorkerClient } from './worker-client';

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

/** "Open Data: Select Schema…": automatic, none, a bundled schema, or a schema file. */
export async function selectSchema(choices: SchemaChoices, worker: WorkerClient, target?: vscode.Uri, pick?: SchemaPick | 'auto'): Promise<void> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return;
  if (pick !== undefined) return choices.set(uri, pick === 'auto' ? undefined : pick);
  type Item = vscode.QuickPickItem & { pick: SchemaPick | 'file' };
  const catalog = await worker.run('schemaCatalog', undefined as never);
  const current = choices.get(uri);
  const items: Item[] = [
    { label: vscode.l10n.t('$(search) Detect automatically'), description: vscode.l10n.t('datapackage.json, settings, then the header'), pick: undefined },
    { label: vscode.l10n.t('$(circle-slash) No schema'), pick: null },
    { label: '', kind: vscode.QuickPickItemKind.Separator, pick: undefined },
    ...catalog.map((c) => ({ label: c.title, description: `${c.name} ${c.version}`, pick: c.name })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, pick: undefined },
    { label: vscode.l10n.t('$(file) Schema file…'), pick: 'file' as const },
  ];
  for (const i of items) if (i.pick === current && i.kind !== vscode.QuickPickItemKind.Separator) i.picked = true;
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Schema for {0}', vscode.workspace.asRelativePath(uri)), matchOnDescription: true });
  if (!chosen) return;
  if (chosen.pick === 'file') {
    const file = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Table Schema': ['json'] } });
    if (file?.[0]) await choices.set(uri, file[0].fsPath);
    return;
  }
  await choices.set(uri, chosen.pick);
}
