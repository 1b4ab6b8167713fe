// The read-only grid editor for .xlsx/.ods (viewType openData.grid): one document per file,
// linted when opened and again when the file changes on disk.
import * as vscode from 'vscode';
import type { WorkerClient } from '../worker-client';
import { gridHtml, webviewRoot } from './html';
import type { SheetLinter } from './linter';
import { GridView } from './view';

export const GRID_VIEW_TYPE = 'openData.grid';

class SheetDocument implements vscode.CustomDocument {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The file was rewritten on disk (saved again from a spreadsheet program). */
  readonly onDidChangeOnDisk = this.changed.event;
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(
    readonly uri: vscode.Uri,
    onDispose: (d: SheetDocument) => void,
  ) {
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name), true, false, true);
    this.watcher.onDidChange(() => this.changed.fire());
    this.dispose = () => {
      this.watcher.dispose();
      this.changed.dispose();
      onDispose(this);
    };
  }

  dispose: () => void;
}

/** Open grids, to find the one showing a file (reveal a cell) or the active one (export). */
export class GridViews {
  private readonly views = new Set<GridView>();
  active: GridView | undefined;

  add(v: GridView): vscode.Disposable {
    this.views.add(v);
    return { dispose: () => (this.views.delete(v), this.active === v && (this.active = undefined)) };
  }

  forUri(uri: vscode.Uri): GridView | undefined {
    return [...this.views].find((v) => v.uri.toString() === uri.toString());
  }

  /** The files shown, each once. */
  uris(): vscode.Uri[] {
    const seen = new Map<string, vscode.Uri>();
    for (const v of this.views) seen.set(v.uri.toString(), v.uri);
    return [...seen.values()];
  }
}

export class GridEditorProvider implements vscode.CustomReadonlyEditorProvider<SheetDocument> {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly worker: WorkerClient,
    private readonly linter: SheetLinter,
    private readonly views: GridViews,
    /** The host runs its tests (ExtensionMode.Test): grids tell what they show and take replayed input. */
    private readonly watched = false,
  ) {}

  openCustomDocument(uri: vscode.Uri): SheetDocument {
    const doc = new SheetDocument(uri, (d) => this.linter.forget(d.uri));
    void this.linter.lint(uri).catch(() => undefined);
    doc.onDidChangeOnDisk(() => void this.linter.lint(uri).catch(() => undefined));
    return doc;
  }

  resolveCustomEditor(doc: SheetDocument, panel: vscode.WebviewPanel): void {
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] };
    panel.webview.html = gridHtml(panel.webview, this.extensionUri);
    const view = new GridView(doc.uri, panel, this.worker, this.linter, this.watched);
    const registration = this.views.add(view);
    if (panel.active) this.views.active = view;
    const subs = [
      panel.onDidChangeViewState(() => panel.active && (this.views.active = view)),
      doc.onDidChangeOnDisk(() => void view.load(view.sheet)),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      registration.dispose();
      view.dispose();
    });
  }
}
