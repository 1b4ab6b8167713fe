// One open grid: answers its webview (load a sheet, export, rule docs), marks the cells the
// linter reported, and reveals a cell on request.
import * as vscode from 'vscode';
import type { FileReport } from '../../core/model';
import { pagesFor, type GridPage, type GridShape } from '../../core/sheet/grid-page';
import type { WorkerClient } from '../worker-client';
import { gridLabels } from './labels';
import type { SheetLinter } from './linter';
import { toCellProblem } from './problems';
import type { CellProblem, GridInput, GridSeen, HostMessage, WebviewMessage } from '../../protocol/grid';
import { parseGridMessage } from './messages';

let views = 0;

/** What a grid view tells of its timings and of what it drew (`openData._gridState`, for tests and timings). */
export interface GridShown {
  opened: number;
  ready?: number;
  posted?: number;
  received?: number;
  first?: number;
  heard?: number;
  whole?: number;
  rows?: number;
  /** Characters of the first `load` message and of the whole shape's (and of their sheet part), rows in the first, pages posted since. */
  firstLoad?: { load: number; sheet: number };
  firstRows?: number;
  wholeLoad?: { load: number; sheet: number };
  pages?: number;
  /** The last row revealed, and the texts of its cells as the grid drew them. */
  revealed?: { row: number; cells: string[] };
  /** How many times the webview started (it starts again when shown after being hidden, or reloaded). */
  readies?: number;
  /** What the grid shows now, and what it showed before (the last SEEN_KEPT), when the host runs its tests. */
  seen?: GridSeen;
  seenLog?: GridSeen[];
}

/** What a watched grid showed, kept for the tests. */
const SEEN_KEPT = 64;

export class GridView implements vscode.Disposable {
  sheet: string | undefined;
  /** This view's sheet in the grid worker (core/sheet/grid-store.ts), which serves its pages. */
  private readonly key = `${process.pid}-${++views}`;
  /** The load the webview shows: its number, its row count, whether the worker keeps its sheet. */
  private current: { version: number; rowCount: number; stored: boolean; partial: boolean } | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  /** Whether the worker was ever asked to keep a sheet for this view (else closing it need not start one). */
  private kept = false;
  private readonly subs: vscode.Disposable[] = [];
  /** When the grid first drew rows and when it drew the whole sheet (Date.now()), for tests and timings. */
  readonly shown: GridShown = { opened: Date.now() };
  private loads = 0;
  private ready = false;
  /** A reveal asked before the webview was ready: done once it has loaded. */
  private pending: { sheet: string; row: number | null; column: number | null } | undefined;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly worker: WorkerClient,
    private readonly linter: SheetLinter,
    /** The host runs its tests: the webview tells what it shows (`seen`), and takes replayed input. */
    private readonly watched = false,
  ) {
    this.subs.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseGridMessage(raw);
        if (m) this.onMessage(m);
      }),
      linter.onDidLint((u) => {
        const report = linter.report(u);
        if (u.toString() !== uri.toString() || !report || !this.sheet) return;
        if (report.fatal) this.post({ type: 'failed', message: report.fatal, labels: gridLabels() });
        else this.post({ type: 'problems', ...this.problemsOf(report, this.sheet) });
      }),
    );
  }

  private post(m: HostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private onMessage(m: WebviewMessage): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.shown.ready ??= Date.now();
        this.shown.readies = (this.shown.readies ?? 0) + 1;
        // A page started anew has shown nothing yet.
        this.shown.seen = undefined;
        if (this.watched) this.post({ type: 'watch' });
        if (this.pending) void this.reveal(this.pending.sheet, this.pending.row, this.pending.column);
        else void this.load(m.sheet);
        break;
      case 'selectSheet':
        void this.load(m.sheet);
        break;
      case 'export':
        void vscode.commands.executeCommand('openData.exportSheetCsv', this.uri, m.sheet);
        break;
      case 'openRule':
        void vscode.commands.executeCommand('openData.showRuleDocs', m.rule);
        break;
      case 'rows':
        void this.rows(m.version, m.first, m.last);
        break;
      case 'revealed':
        this.shown.revealed = { row: m.row, cells: m.cells };
        break;
      case 'seen':
        if (!this.watched) break;
        this.shown.seen = m.seen;
        this.shown.seenLog = [...(this.shown.seenLog ?? []), m.seen].slice(-SEEN_KEPT);
        break;
      case 'shown': {
        // The page's clock says when a person saw the rows; the host may hear of it later.
        const drawn = m.drawn ?? Date.now();
        if (this.shown.first === undefined) Object.assign(this.shown, { first: drawn, received: m.received, heard: Date.now() });
        if (!m.partial) ((this.shown.whole = drawn), (this.shown.rows = m.rows));
      }
    }
  }

  /**
   * Loads `sheet` (default: the first visible one); a newer load cancels an older one. A large
   * sheet shows its first page at once, then its whole shape once the worker has read it all and
   * keeps it for this view; the grid then asks the pages it scrolls to. The lint runs beside.
   */
  async load(sheet?: string): Promise<void> {
    const n = ++this.loads;
    this.cancel?.cancel();
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    this.post({ type: 'loading', sheet: sheet ?? '' });
    const path = this.uri.fsPath;
    try {
      const known = this.linter.report(this.uri);
      if (known?.fatal) return this.post({ type: 'failed', message: known.fatal, labels: gridLabels() });
      const first = await this.worker.run('gridFirstPage', { path, sheet }, { token: cancel.token });
      if (n !== this.loads) return;
      this.show(n, first.shape, first.first, false);
      if (!first.shape.partial) return;
      this.kept = true;
      const whole = await this.worker.run('openSheetGrid', { key: this.key, path, sheet: first.shape.sheet }, { token: cancel.token });
      if (n === this.loads) this.show(n, whole.shape, whole.first, true);
    } catch (e) {
      if (n !== this.loads) return;
      // The lint names best why a file cannot be read.
      const report = await this.linter.current(this.uri).catch(() => undefined);
      if (n === this.loads) this.post({ type: 'failed', message: report?.fatal ?? (e as Error).message, labels: gridLabels() });
    }
  }

  private show(version: number, shape: GridShape, first: GridPage, stored: boolean): void {
    this.sheet = shape.sheet;
    this.current = { version, rowCount: shape.rowCount, stored, partial: shape.partial === true };
    const report = this.linter.report(this.uri);
    const problems = report ? this.problemsOf(report, shape.sheet) : { problems: [], otherSheets: {} };
    const m: HostMessage = { type: 'load', version, shape, first, ...problems, labels: gridLabels() };
    this.post(m);
    this.shown.posted ??= Date.now();
    // For the tests and the timings: the message, and its sheet part (shape and first page; the
    // rest is the lint's problems, as many as its settings let it report).
    const size = { load: JSON.stringify(m).length, sheet: JSON.stringify({ shape, first }).length };
    if (this.shown.firstLoad === undefined) Object.assign(this.shown, { firstLoad: size, firstRows: first.rows.length });
    else if (!shape.partial) this.shown.wholeLoad = size;
  }

  /** The pages of rows `first`…`last` of load `version`, from the worker; a sheet it no longer keeps is loaded again. */
  private async rows(version: number, first: number, last: number): Promise<void> {
    const current = this.current;
    if (!current?.stored || current.version !== version) return;
    const pages = pagesFor(first, last, current.rowCount);
    if (pages.length === 0) return;
    const got = await this.worker.run('sheetGridPages', { key: this.key, pages }).catch(() => null);
    if (version !== this.loads) return;
    if (got === null) return void this.load(this.sheet);
    this.post({ type: 'rows', version, pages: got });
    this.shown.pages = (this.shown.pages ?? 0) + got.length;
  }

  async reveal(sheet: string, row: number | null, column: number | null): Promise<void> {
    this.panel.reveal();
    if (!this.ready) {
      this.pending = { sheet, row, column };
      return;
    }
    this.pending = undefined;
    if (sheet !== this.sheet) await this.load(sheet);
    this.post({ type: 'reveal', sheet, row, column });
  }

  /**
   * A person's input replayed on the webview (host tests). Whether the sheet was still partial
   * when it was sent: the webview then gets it before the whole shape (messages keep their order).
   */
  input(input: GridInput): { partial: boolean } | undefined {
    if (!this.watched || !this.current) return undefined;
    this.post({ type: 'input', input });
    return { partial: this.current.partial };
  }

  private problemsOf(report: FileReport, sheet: string): { problems: CellProblem[]; otherSheets: Record<string, number> } {
    const problems: CellProblem[] = [];
    const otherSheets: Record<string, number> = {};
    for (const d of report.diagnostics) {
      if (d.sheet === sheet) problems.push(toCellProblem(d));
      else if (d.sheet) otherSheets[d.sheet] = (otherSheets[d.sheet] ?? 0) + 1;
    }
    return { problems, otherSheets };
  }

  dispose(): void {
    this.cancel?.cancel();
    if (this.kept) void this.worker.run('closeSheetGrid', { key: this.key }).catch(() => undefined);
    for (const s of this.subs) s.dispose();
  }
}
