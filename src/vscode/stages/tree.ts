// The "Open Data" tree: five stages, each refreshed on its own when its sources change
// (inventory → Identification, diagnostics → Préparation, charts → Valorisation, the
// project files → everything). Nothing here rescans the workspace.
import * as vscode from 'vscode';
import { CHARTS_DIR, listSavedCharts, type SavedChartEntry } from '../../core/chart/saved';
import { datasetsOf } from '../../core/project/datapackage';
import { isChecked } from '../../core/project/project';
import { STAGES, type StageId } from '../../core/project/stages';
import { childrenOf, resourceUris, type TreeSources } from './children';
import type { Inventory } from './inventory';
import { treeItem } from './items';
import type { Node } from './nodes';
import type { ProjectStore } from './project-store';
import type { DiagnoseModel } from '../diagnose/model';

export class StagesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly stageNodes = new Map<StageId, Node>(STAGES.map((stage) => [stage.id, { kind: 'stage', stage }]));
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private charts: SavedChartEntry[] = [];
  /** Resource files outside the inventory (excluded folders), checked on disk. */
  private readonly present = new Set<string>();
  /** Files whose diagnostics changed in this session: linted, so zero problems means clean. */
  private readonly linted = new Set<string>();
  private readonly sources: TreeSources;
  private diagnosticsTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: ProjectStore,
    private readonly inventory: Inventory,
    diagnosis?: DiagnoseModel,
  ) {
    this.sources = {
      store,
      inventory,
      charts: () => this.charts,
      exists: (uri) => !!inventory.get(uri) || this.present.has(uri.toString()),
      validated: (uri) => this.linted.has(uri.toString()) || vscode.languages.getDiagnostics(uri).length > 0,
      diagnosis,
    };
    this.disposables.push(
      store.onDidChange(() => void this.checkResources().then(() => this.emitter.fire(undefined))),
      inventory.onDidChange(() => {
        this.refresh('identification');
        this.refresh('preparation');
      }),
      vscode.languages.onDidChangeDiagnostics((e) => this.onDiagnostics(e.uris)),
    );
    if (store.root) {
      // A glob on the whole workspace (served by its recursive watcher) also sees the charts
      // folder when it is created after activation, which a folder-relative watch can miss.
      const watcher = vscode.workspace.createFileSystemWatcher(`**/${CHARTS_DIR.split('\\').join('/')}/*.json`);
      const reload = () => void this.loadCharts();
      this.disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    }
  }

  async loadCharts(): Promise<void> {
    this.charts = this.store.root?.scheme === 'file' ? await listSavedCharts(this.store.root.fsPath) : [];
    this.refresh('valorisation');
  }

  refresh(stage?: StageId): void {
    this.emitter.fire(stage ? this.stageNodes.get(stage) : undefined);
  }

  getTreeItem(n: Node): vscode.TreeItem {
    const item = treeItem(n);
    // Checklist progress on the stage itself, so the collapsed tree reads as a dashboard.
    if (n.kind === 'stage')
      item.description = `${n.stage.checklist.filter((c) => isChecked(this.store.state, n.stage.id, c.id)).length}/${n.stage.checklist.length}`;
    return item;
  }

  getChildren(n?: Node): Node[] {
    return n ? childrenOf(this.sources, n) : [...this.stageNodes.values()];
  }

  /** Diagnostics change on every keystroke: refresh Préparation only, at most every 300 ms, and only for project files. */
  private onDiagnostics(uris: readonly vscode.Uri[]): void {
    for (const u of uris) this.linted.add(u.toString());
    const ours = new Set(
      datasetsOf(this.store.datapackage)
        .flatMap((v) => resourceUris(this.store.root, v))
        .map((u) => u.toString()),
    );
    if (!uris.some((u) => ours.has(u.toString())) || this.diagnosticsTimer) return;
    this.diagnosticsTimer = setTimeout(() => {
      this.diagnosticsTimer = undefined;
      this.refresh('preparation');
    }, 300);
  }

  private async checkResources(): Promise<void> {
    const uris = datasetsOf(this.store.datapackage).flatMap((v) => resourceUris(this.store.root, v));
    const found = await Promise.all(
      uris.map((u) =>
        vscode.workspace.fs.stat(u).then(
          () => true,
          () => false,
        ),
      ),
    );
    this.present.clear();
    uris.forEach((u, i) => found[i] && this.present.add(u.toString()));
  }

  dispose(): void {
    clearTimeout(this.diagnosticsTimer);
    for (const d of this.disposables) d.dispose();
  }
}
