// One Standardise panel per source table: the worker proposes a mapping, the webview edits it,
// every change is previewed (first rows mapped and validated, in the worker; answers overtaken
// by a newer change are dropped), and "Write" streams the result to a new file beside the source.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  STANDARDISE_VIEW_TYPE,
  parseFromWebview,
  type FromWebview,
  type StandardiseView,
  type ToWebview,
} from '../../protocol/standardise';
import type { StandardiseSpec, TableOps } from '../../core/standardise/spec';
import type { PreviewView } from '../../core/standardise/task';
import { uiLang } from '../settings';
import type { WorkerClient } from '../worker-client';
import { webviewPage } from '../webview-page';
import { standardiseStrings } from './strings';
import { freeOutputPath, organisationSetting } from './files';
import { recordSteps } from '../fixes/recipe-store';

export interface StandardiseSource {
  uri: vscode.Uri;
  sheet?: string;
}

export class StandardisePanel {
  static last: StandardisePanel | undefined;
  webviewReady = false;
  view: StandardiseView | null = null;
  spec: StandardiseSpec | null = null;
  lastPreview: PreviewView | null = null;
  written: vscode.Uri | null = null;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  static show(source: StandardiseSource, extensionUri: vscode.Uri, worker: WorkerClient): StandardisePanel {
    const title = vscode.l10n.t('Standardise: {0}', path.basename(source.uri.fsPath) + (source.sheet ? ` (${source.sheet})` : ''));
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(STANDARDISE_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
    });
    return StandardisePanel.revive(panel, source, extensionUri, worker);
  }

  /** Also brings back a panel VS Code restored after a reload (WebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, source: StandardiseSource, extensionUri: vscode.Uri, worker: WorkerClient): StandardisePanel {
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.webview.html = webviewPage(
      panel.webview,
      vscode.Uri.joinPath(root, 'standardise.js'),
      vscode.Uri.joinPath(root, 'standardise.css'),
    );
    return (StandardisePanel.last = new StandardisePanel(panel, source, worker));
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly source: StandardiseSource,
    private readonly worker: WorkerClient,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(parseFromWebview(m))),
    );
  }

  private get ref() {
    return { path: this.source.uri.fsPath, sheet: this.source.sheet };
  }

  private async receive(msg: FromWebview | null): Promise<void> {
    if (!msg) return;
    switch (msg.type) {
      case 'ready':
        this.webviewReady = true;
        if (this.view) return this.post({ type: 'init', view: this.view });
        return this.propose(undefined);
      case 'schema':
        return this.propose(msg.name, this.spec?.table);
      case 'table':
        return this.propose(this.spec?.schema.name, msg.table);
      case 'spec':
        return this.preview(msg.generation, msg.spec);
      case 'write':
        this.spec = msg.spec;
        await this.write();
        return;
    }
  }

  private async propose(schema: string | undefined, table?: TableOps): Promise<void> {
    this.post({ type: 'busy' });
    const r = await this.worker.run('standardisePropose', {
      source: this.ref,
      schema,
      table,
      organisation: organisationSetting(this.source.uri),
    });
    if (!r.ok) return this.post({ type: 'problem', message: r.problem[uiLang()] });
    this.view = {
      source: this.source.uri.toString(),
      ...(this.source.sheet ? { sheet: this.source.sheet } : {}),
      title: path.basename(this.source.uri.fsPath) + (this.source.sheet ? ` — ${this.source.sheet}` : ''),
      proposal: r.result,
      strings: standardiseStrings(),
    };
    this.spec = r.result.spec;
    this.post({ type: 'init', view: this.view });
  }

  private async preview(generation: number, spec: StandardiseSpec): Promise<void> {
    this.spec = spec;
    const gen = ++this.generation;
    const r = await this.worker.run('standardisePreview', { source: this.ref, spec, rows: 5000, lang: uiLang() });
    if (gen !== this.generation) return;
    if (!r.ok) return this.post({ type: 'problem', generation, message: r.problem[uiLang()] });
    this.lastPreview = r.result;
    this.post({ type: 'preview', generation, preview: r.result });
  }

  /** Writes the current mapping to a new CSV beside the source, opens it, offers to add it to the project. */
  async write(): Promise<vscode.Uri | undefined> {
    if (!this.spec) return undefined;
    const out = freeOutputPath(this.source.uri.fsPath, this.spec.schema.name);
    this.post({ type: 'busy', writing: true });
    const r = await this.worker.run('standardiseWrite', { source: this.ref, spec: this.spec, out, lang: uiLang() });
    if (!r.ok) {
      this.post({ type: 'problem', message: r.problem[uiLang()] });
      void vscode.window.showErrorMessage(r.problem[uiLang()]);
      return undefined;
    }
    const uri = (this.written = vscode.Uri.file(out));
    // The mapping is kept as the source's recipe, for "Replay Recipe…" on next year's export.
    await recordSteps(this.source.uri, [{ rule: 'standardise', standardise: this.spec }]).catch(() => undefined);
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const add = vscode.l10n.t('Add to project');
    const p = r.result.problems;
    this.post({
      type: 'status',
      message: vscode.l10n.t(
        '{0}: {1} rows written; {2} errors and {3} warnings left.',
        path.basename(out),
        r.result.rows,
        p.errors,
        p.warnings,
      ),
    });
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('{0}: {1} rows written; {2} errors and {3} warnings left.', path.basename(out), r.result.rows, p.errors, p.warnings),
        add,
      )
      .then((choice) => choice === add && vscode.commands.executeCommand('openData.addDataset', uri));
    return uri;
  }

  private post(msg: ToWebview): void {
    void this.panel.webview.postMessage(msg);
  }

  dispose(): void {
    if (StandardisePanel.last === this) StandardisePanel.last = undefined;
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
