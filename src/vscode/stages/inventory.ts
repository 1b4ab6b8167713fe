// The candidate data files of the workspace (Identification stage): found with findFiles
// (so files.exclude applies), inspected in the worker, then kept up to date one file at a
// time by a watcher instead of rescanning the workspace.
import * as vscode from 'vscode';
import { TABLE_GLOB, type TableFacts } from '../../core/project/inventory';
import { WorkerCrashedError, type WorkerClient } from '../worker-client';

export interface InventoryEntry {
  uri: vscode.Uri;
  /** Undefined while the worker reads it. */
  facts?: TableFacts;
}

/** Enough for a commune's shared drive; past it the tree would be unreadable anyway. */
const MAX_FILES = 2000;

/**
 * Reading one file's facts takes well under a second; a file still being read after this is a
 * CPU bomb (a row repeated a million times…): the worker is stopped and the file marked unreadable.
 */
export const INSPECT_TIMEOUT_MS = 20_000;

export class Inventory implements vscode.Disposable {
  private readonly entries = new Map<string, InventoryEntry>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private scanned: Promise<void> | undefined;

  constructor(private readonly worker: WorkerClient) {
    const watcher = vscode.workspace.createFileSystemWatcher(TABLE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.refresh([u])),
      watcher.onDidChange((u) => this.refresh([u])),
      watcher.onDidDelete((u) => {
        if (this.entries.delete(u.toString())) this.emitter.fire();
      }),
    );
  }

  list(): InventoryEntry[] {
    return [...this.entries.values()].sort((a, b) =>
      vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri), 'fr'),
    );
  }

  get(uri: vscode.Uri): InventoryEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** The first call scans the workspace; later calls wait for that same scan. */
  scan(): Promise<void> {
    return (this.scanned ??= (async () => {
      const uris = await vscode.workspace.findFiles(TABLE_GLOB, excludeGlob(), MAX_FILES);
      await this.refresh(uris);
    })());
  }

  /** Re-reads the given files only. */
  async refresh(uris: readonly vscode.Uri[]): Promise<void> {
    const files = uris.filter((u) => u.scheme === 'file');
    if (!files.length) return;
    for (const u of files) this.entries.set(u.toString(), { uri: u, facts: this.entries.get(u.toString())?.facts });
    this.emitter.fire();
    const facts = await this.inspect(files);
    files.forEach((u, i) => {
      // Deleted meanwhile: the watcher already removed it.
      if (this.entries.has(u.toString())) this.entries.set(u.toString(), { uri: u, facts: facts[i] });
    });
    this.emitter.fire();
  }

  /**
   * Text files in one request, each workbook in its own (a workbook is where a hostile file
   * hides: repeats, spans, shared strings). When the worker dies on a request of several
   * files, each of them again on its own, so the culprit is marked unreadable and the others
   * are still read.
   */
  private async inspect(files: vscode.Uri[]): Promise<TableFacts[]> {
    const isBook = (u: vscode.Uri) => /\.(xlsx|ods)$/i.test(u.path);
    const groups = [files.filter((u) => !isBook(u)), ...files.filter(isBook).map((u) => [u])].filter((g) => g.length);
    const facts = new Map<vscode.Uri, TableFacts>();
    for (const group of groups) {
      const got = await this.inspectGroup(group);
      group.forEach((u, i) => facts.set(u, got[i]));
    }
    return files.map((u) => facts.get(u)!);
  }

  private async inspectGroup(files: vscode.Uri[]): Promise<TableFacts[]> {
    const run = (paths: string[]) => this.worker.run('inspectTables', { paths }, { timeoutMs: INSPECT_TIMEOUT_MS * paths.length });
    try {
      return await run(files.map((u) => u.fsPath));
    } catch (e) {
      if (!(e instanceof WorkerCrashedError) || files.length === 1) return files.map((u) => this.unreadable(u, e as Error));
    }
    const out: TableFacts[] = [];
    for (const u of files)
      out.push(
        await run([u.fsPath]).then(
          (f) => f[0],
          (e: Error) => this.unreadable(u, e),
        ),
      );
    return out;
  }

  private unreadable(u: vscode.Uri, e: Error): TableFacts {
    if (e instanceof WorkerCrashedError) {
      const why = e.reason === 'timeout' ? vscode.l10n.t('reading it took too long') : e.message;
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Open Data: {0} could not be read ({1}). It is marked unreadable; the other files are still listed.',
          vscode.workspace.asRelativePath(u),
          why,
        ),
      );
    }
    return { size: 0, header: [], error: e.message };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * files.exclude plus node_modules (package fixtures are nobody's open data). An explicit
 * exclude replaces files.exclude in findFiles, hence the merge; a pattern with its own
 * braces cannot be merged into one glob, so then files.exclude alone applies.
 */
function excludeGlob(): string | undefined {
  const setting = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const globs = [...Object.keys(setting).filter((g) => setting[g] === true), '**/node_modules/**'];
  return globs.some((g) => /[{}]/.test(g)) ? undefined : `{${globs.join(',')}}`;
}
