// One Standardise panel per source table: the worker proposes a mapping, the webview edits it,
// every change is previewed (first rows mapped and validated, in the worker; answers overtaken
// by a newer change are dropped), and "Write" streams the result to the file the user chooses.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  STANDARDISE_VIEW_TYPE,
  parseFromWebview,
  type FromWebview,
  type ShownNotice,
  type StandardiseView,
  type ToWebview,
} from '../../protocol/standardise';
import { columnsOf, type StandardiseSpec, type TableOps } from '../../core/standardise/spec';
import type { PreviewView, ProposalView } from '../../core/standardise/task';
import { sourcesOf } from '../../core/standardise/run';
import { reasonText } from '../../core/standardise/reason-words';
import { uiLang } from '../settings';
import type { WorkerClient } from '../worker-client';
import { webviewPage } from '../webview-page';
import { standardiseStrings } from './strings';
import { freeOutputPath, organisationSetting, stackAllowed, stackCandidates } from './files';
import { recordSteps } from '../fixes/recipe-store';

/** What the save dialog and the "replace?" question answer, in tests. */
export interface WriteAnswers {
  out?: string;
  overwrite?: boolean;
}

/** The output would be the table or one of the files stacked under it. */
function isSource(spec: StandardiseSpec, main: { path: string; sheet?: string }, out: string): boolean {
  const norm = (p: string) => (process.platform === 'linux' ? path.resolve(p) : path.resolve(p).toLowerCase());
  return sourcesOf(spec.table, main).some((s) => norm(s.src.path) === norm(out));
}

/**
 * A new proposal after the table operations changed keeps what the user chose for each field
 * whose columns are still there (the same schema only).
 */
function keepEdits(prev: StandardiseSpec | null, next: ProposalView): ProposalView {
  if (!prev || prev.schema.name !== next.schema.name) return next;
  const have = new Set(next.columns);
  const kept = Object.entries(prev.fields).filter(([, src]) => columnsOf(src).every((c) => have.has(c.trim())));
  const fields = { ...next.spec.fields, ...Object.fromEntries(kept) };
  return { ...next, spec: { ...next.spec, fields, ...(prev.extra ? { extra: prev.extra } : {}) } };
}

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
  /** The last problem shown in the panel (for tests). */
  lastProblem: string | null = null;
  /** What the webview says its notices area shows (for tests). */
  shown: { heading: string; notices: ShownNotice[] } | null = null;
  private generation = 0;
  private table: TableOps | undefined;
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
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receiveRaw(m)),
    );
  }

  private get ref() {
    return { path: this.source.uri.fsPath, sheet: this.source.sheet };
  }

  /** A message as the webview sends it (also the tests' way in): checked, then acted on. */
  receiveRaw(m: unknown): Promise<void> {
    return this.receive(parseFromWebview(m));
  }

  private async receive(msg: FromWebview | null): Promise<void> {
    if (!msg) return;
    switch (msg.type) {
      case 'ready':
        this.webviewReady = true;
        if (this.view) return this.post({ type: 'init', view: this.view });
        return this.propose(undefined);
      case 'schema':
        return this.propose(msg.name, this.table);
      case 'table':
        if (!stackAllowed(msg.table, this.view?.stackCandidates ?? [])) {
          this.lastProblem = vscode.l10n.t('Only the files and sheets offered can be stacked.');
          return this.post({ type: 'problem', message: this.lastProblem });
        }
        return this.propose(this.spec ? schemaArg(this.spec.schema) : undefined, msg.table);
      // The table operations are the host's (set by a checked 'table' message), whatever the spec says.
      case 'spec':
        return this.preview(msg.generation, this.withTable(msg.spec));
      case 'write':
        this.spec = this.withTable(msg.spec);
        await this.write();
        return;
      case 'shown':
        this.shown = { heading: msg.heading, notices: msg.notices };
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
    if (!r.ok) {
      this.lastProblem = r.problem[uiLang()];
      return this.post({ type: 'problem', message: this.lastProblem });
    }
    // The webview shows each proposal's reason as it comes: in the interface's language.
    const lang = uiLang();
    const proposal = keepEdits(this.spec, {
      ...r.result,
      proposal: r.result.proposal.map((p) => ({ ...p, reason: reasonText(p.why, lang) })),
    });
    // The table operations given, else the proposal's (`drop.totals` when the file has totals rows).
    this.table = table ?? r.result.spec.table;
    this.view = {
      source: this.source.uri.toString(),
      ...(this.source.sheet ? { sheet: this.source.sheet } : {}),
      title: path.basename(this.source.uri.fsPath) + (this.source.sheet ? ` — ${this.source.sheet}` : ''),
      proposal,
      proposedOps: r.result.operations.map((o) => ({ operation: o.operation, reason: o.reason[lang] })),
      stackCandidates: await stackCandidates(this.source, this.table),
      strings: standardiseStrings(),
    };
    this.spec = proposal.spec;
    this.post({ type: 'init', view: this.view });
  }

  private withTable(spec: StandardiseSpec): StandardiseSpec {
    const { table: _ignored, ...rest } = spec;
    return this.table ? { ...rest, table: this.table } : rest;
  }

  private async preview(generation: number, spec: StandardiseSpec): Promise<void> {
    this.spec = spec;
    this.lastPreview = null;
    const gen = ++this.generation;
    const r = await this.worker.run('standardisePreview', { source: this.ref, spec, rows: 5000, lang: uiLang() });
    if (gen !== this.generation) return;
    if (!r.ok) return this.post({ type: 'problem', generation, message: r.problem[uiLang()] });
    this.lastPreview = r.result;
    this.post({ type: 'preview', generation, preview: r.result });
  }

  /**
   * Asks where to write (a save dialog on a new name beside the source), refuses a source file,
   * asks before replacing another file, writes, opens the result and offers to add it to the
   * project. `answers` stand for the dialog and the question in tests (native dialogs cannot be clicked).
   */
  async write(answers?: WriteAnswers): Promise<vscode.Uri | undefined> {
    if (!this.spec) return undefined;
    const spec = this.spec;
    const suggested = vscode.Uri.file(freeOutputPath(this.source.uri.fsPath, spec.schema.name));
    const chosen = answers
      ? answers.out
        ? vscode.Uri.file(answers.out)
        : suggested
      : await vscode.window.showSaveDialog({
          defaultUri: suggested,
          filters: { CSV: ['csv'] },
          saveLabel: vscode.l10n.t('Write'),
          title: vscode.l10n.t('Write standardised CSV'),
        });
    if (!chosen) return void this.post({ type: 'status', message: vscode.l10n.t('Nothing was written.') });
    const out = chosen.fsPath;
    if (isSource(spec, this.ref, out)) {
      const m = vscode.l10n.t('{0} is a source of this table: it is never overwritten. Choose another file.', path.basename(out));
      this.post({ type: 'problem', message: (this.lastProblem = m) });
      void vscode.window.showErrorMessage(m);
      return undefined;
    }
    if (existsSync(out)) {
      const replace = vscode.l10n.t('Replace');
      const ok = answers
        ? answers.overwrite === true
        : (await vscode.window.showWarningMessage(
            vscode.l10n.t('{0} already exists. Replace it with the standardised CSV?', path.basename(out)),
            { modal: true },
            replace,
          )) === replace;
      if (!ok) return void this.post({ type: 'status', message: vscode.l10n.t('Nothing was written.') });
    }
    this.post({ type: 'busy', writing: true });
    const r = await this.worker.run('standardiseWrite', { source: this.ref, spec, out, lang: uiLang() });
    if (!r.ok) {
      this.post({ type: 'problem', message: r.problem[uiLang()] });
      void vscode.window.showErrorMessage(r.problem[uiLang()]);
      return undefined;
    }
    const uri = (this.written = vscode.Uri.file(out));
    // The mapping is kept as the source's recipe, for "Replay Recipe…" on next year's export.
    await recordSteps(this.source.uri, [{ rule: 'standardise', standardise: spec }]).catch(() => undefined);
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const p = r.result.problems;
    const done = vscode.l10n.t(
      '{0}: {1} rows written; {2} errors and {3} warnings left.',
      path.basename(out),
      r.result.rows,
      p.errors,
      p.warnings,
    );
    // What the run left out or kept that is worth a look, in the panel's notices.
    this.post({ type: 'written', message: done, report: r.result.report });
    const add = vscode.l10n.t('Add to project');
    void vscode.window
      .showInformationMessage(done, add)
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

/** `name@version` as the proposal reads it, so a table operation keeps the chosen version. */
const schemaArg = (s: { name: string; version?: string }) => (s.version ? `${s.name}@${s.version}` : s.name);
