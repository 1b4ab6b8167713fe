// The candidate data files of the workspace (Identification stage): found with findFiles
// (so files.exclude applies), inspected in the worker, then kept up to date one file at a
// time by a watcher instead of rescanning the workspace.
import * as vscode from 'vscode';
import { TABLE_GLOB, type TableFacts } from '../../core/project/inventory';
import type { WorkerClient } from '../worker-client';

export interface InventoryEntry {
  uri: vscode.Uri;
  /** Undefined while the worker reads it. */
  facts?: TableFacts;
}

/** Enough for a commune's shared drive; past it the tree would be unreadable anyway. */
const MAX_FILES = 2000;

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
    return [...this.entries.values()].sort((a, b) => vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri), 'fr'));
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
    const facts = await this.worker.run('inspectTables', { paths: files.map((u) => u.fsPath) }).catch((e: Error) => files.map(() => ({ size: 0, header: [], error: e.message })));
    files.forEach((u, i) => {
      // Deleted meanwhile: the watcher already removed it.
      if (this.entries.has(u.toString())) this.entries.set(u.toString(), { uri: u, facts: facts[i] });
    });
    this.emitter.fire();
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
