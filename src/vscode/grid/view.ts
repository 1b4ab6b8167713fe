// One open grid: answers its webview (load a sheet, export, rule docs), marks the cells the
// linter reported, and reveals a cell on request.
import * as vscode from 'vscode';
import type { FileReport } from '../../core/model';
import type { GridData } from '../../core/sheet/grid-data';
import type { WorkerClient } from '../worker-client';
import { gridLabels } from './labels';
import type { SheetLinter } from './linter';
import { toCellProblem } from './problems';
import type { CellProblem, HostMessage, WebviewMessage } from '../../protocol/grid';
import { parseGridMessage } from './messages';

/** Rows read first, so a large sheet shows at once (its first screen and some scrolling), the whole then replacing it. */
const GRID_FIRST_ROWS = 2000;

export class GridView implements vscode.Disposable {
  sheet: string | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** When the grid first drew rows and when it drew the whole sheet (Date.now()), for tests and timings. */
  readonly shown: {
    opened: number;
    ready?: number;
    posted?: number;
    received?: number;
    first?: number;
    heard?: number;
    whole?: number;
    rows?: number;
  } = {
    opened: Date.now(),
  };
  private loads = 0;
  private ready = false;
  /** A reveal asked before the webview was ready: done once it has loaded. */
  private pending: { sheet: string; row: number | null; column: number | null } | undefined;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly worker: WorkerClient,
    private readonly linter: SheetLinter,
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
      case 'shown': {
        // The page's clock says when a person saw the rows; the host may hear of it later.
        const drawn = m.drawn ?? Date.now();
        if (this.shown.first === undefined) Object.assign(this.shown, { first: drawn, received: m.received, heard: Date.now() });
        if (!m.partial) ((this.shown.whole = drawn), (this.shown.rows = m.rows));
      }
    }
  }

  /**
   * Loads `sheet` (default: the first visible one); a newer load wins over a slower older one.
   * A large sheet shows its first rows at once, then the whole of it; the lint runs beside.
   */
  async load(sheet?: string): Promise<void> {
    const n = ++this.loads;
    this.post({ type: 'loading', sheet: sheet ?? '' });
    const path = this.uri.fsPath;
    try {
      const known = this.linter.report(this.uri);
      if (known?.fatal) return this.post({ type: 'failed', message: known.fatal, labels: gridLabels() });
      const first = await this.worker.run('readSheetGrid', { path, sheet, maxRows: GRID_FIRST_ROWS });
      if (n !== this.loads) return;
      if (!first.truncated) return this.show(first);
      this.show({ ...first, partial: true });
      const whole = await this.worker.run('readSheetGrid', { path, sheet });
      if (n === this.loads) this.show(whole);
    } catch (e) {
      if (n !== this.loads) return;
      // The lint names best why a file cannot be read.
      const report = await this.linter.current(this.uri).catch(() => undefined);
      if (n === this.loads) this.post({ type: 'failed', message: report?.fatal ?? (e as Error).message, labels: gridLabels() });
    }
  }

  private show(data: GridData): void {
    this.sheet = data.sheet;
    const report = this.linter.report(this.uri);
    const problems = report ? this.problemsOf(report, data.sheet) : { problems: [], otherSheets: {} };
    this.post({ type: 'load', data, ...problems, labels: gridLabels() });
    this.shown.posted ??= Date.now();
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
    for (const s of this.subs) s.dispose();
  }
}
