// The dataset project of the first workspace folder: datapackage.json and
// .opendata/project.json, read from the open editor when there is one (so hand edits give
// live diagnostics), from disk otherwise. Problems go to our own diagnostic collection on
// the file itself; a broken file is never overwritten.
import * as vscode from 'vscode';
import { DATAPACKAGE_FILE, parseDataPackage, serializeDataPackage } from '../../core/project/datapackage';
import type { ParsedFile } from '../../core/project/json-file';
import { parseProject, serializeProject } from '../../core/project/project';
import type { DataPackage, FileIssue, ProjectState } from '../../core/project/types';
import { uiLang } from '../settings';

interface Slot<T> {
  uri: vscode.Uri;
  parse: (text: string) => ParsedFile<T>;
  serialize: (v: T) => string;
  /** Null = the file exists but is not a JSON object (see the diagnostics). */
  value: T | null;
  exists: boolean;
}

export class ProjectStore implements vscode.Disposable {
  readonly root: vscode.Uri | undefined = vscode.workspace.workspaceFolders?.[0]?.uri;
  private readonly collection = vscode.languages.createDiagnosticCollection('opendata-project');
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter];
  private readonly dp?: Slot<DataPackage>;
  private readonly project?: Slot<ProjectState>;
  /** Writes run one after another, so two quick ticks never lose one another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    if (!this.root) return;
    this.dp = {
      uri: vscode.Uri.joinPath(this.root, DATAPACKAGE_FILE),
      parse: parseDataPackage,
      serialize: serializeDataPackage,
      value: {},
      exists: false,
    };
    this.project = {
      uri: vscode.Uri.joinPath(this.root, '.opendata', 'project.json'),
      parse: parseProject,
      serialize: serializeProject,
      value: {},
      exists: false,
    };
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(this.root, `{${DATAPACKAGE_FILE},.opendata/project.json}`),
    );
    const reload = (uri: vscode.Uri) => void this.reloadUri(uri);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeTextDocument((e) => this.isOurs(e.document.uri) && reload(e.document.uri)),
      // Closing an unsaved editor puts the file on disk back in charge.
      vscode.workspace.onDidCloseTextDocument((d) => this.isOurs(d.uri) && reload(d.uri)),
    );
  }

  get datapackage(): DataPackage | null {
    return this.dp?.value ?? null;
  }
  get state(): ProjectState | null {
    return this.project?.value ?? null;
  }
  get datapackageUri(): vscode.Uri | undefined {
    return this.dp?.uri;
  }
  get projectUri(): vscode.Uri | undefined {
    return this.project?.uri;
  }

  async load(): Promise<void> {
    if (!this.dp || !this.project) return;
    await Promise.all([this.read(this.dp), this.read(this.project)]);
    this.emitter.fire();
  }

  updateDataPackage(change: (dp: DataPackage) => DataPackage): Promise<DataPackage> {
    return this.write(this.dp, change);
  }

  updateProject(change: (p: ProjectState) => ProjectState): Promise<ProjectState> {
    return this.write(this.project, change);
  }

  private isOurs(uri: vscode.Uri): boolean {
    return [this.dp?.uri, this.project?.uri].some((u) => u?.toString() === uri.toString());
  }

  private async reloadUri(uri: vscode.Uri): Promise<void> {
    const slot = [this.dp, this.project].find((s) => s?.uri.toString() === uri.toString());
    if (!slot) return;
    await this.read(slot as Slot<unknown>);
    this.emitter.fire();
  }

  private async read<T>(slot: Slot<T>): Promise<void> {
    const text = await this.text(slot.uri);
    slot.exists = text !== undefined;
    if (text === undefined) {
      slot.value = {} as T;
      this.collection.delete(slot.uri);
      return;
    }
    const parsed = slot.parse(text);
    slot.value = parsed.value;
    this.collection.set(
      slot.uri,
      parsed.issues.map((i) => toDiagnostic(text, i)),
    );
  }

  private async text(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private write<T>(slot: Slot<T> | undefined, change: (v: T) => T): Promise<T> {
    const run = async (): Promise<T> => {
      if (!slot) throw new Error(vscode.l10n.t('Open a folder to keep a dataset project.'));
      await this.read(slot);
      if (slot.value === null)
        throw new Error(vscode.l10n.t('{0} is not valid JSON: fix it first (see Problems).', vscode.workspace.asRelativePath(slot.uri)));
      const next = change(slot.value);
      const text = slot.serialize(next);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === slot.uri.toString());
      if (open) {
        // The editor holds the file: edit it there, so undo works and nothing typed is lost.
        const edit = new vscode.WorkspaceEdit();
        edit.replace(slot.uri, new vscode.Range(0, 0, open.lineCount, 0), text);
        await vscode.workspace.applyEdit(edit);
        await open.save();
      } else {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(slot.uri, '..'));
        await vscode.workspace.fs.writeFile(slot.uri, new TextEncoder().encode(text));
      }
      slot.value = next;
      slot.exists = true;
      this.collection.set(slot.uri, []);
      this.emitter.fire();
      return next;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function toDiagnostic(text: string, issue: FileIssue): vscode.Diagnostic {
  const pos = (offset: number) => {
    const before = text.slice(0, Math.min(offset, text.length)).split('\n');
    return new vscode.Position(before.length - 1, before[before.length - 1].length);
  };
  const d = new vscode.Diagnostic(
    new vscode.Range(pos(issue.start), pos(Math.max(issue.end, issue.start))),
    issue.message[uiLang()],
    vscode.DiagnosticSeverity.Error,
  );
  d.source = 'Open Data';
  return d;
}
