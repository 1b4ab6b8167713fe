// One open grid: answers its webview (load a sheet, export, rule docs), marks the cells the
// linter reported, and reveals a cell on request.
import * as vscode from 'vscode';
import type { FileReport } from '../../core/model';
import type { WorkerClient } from '../worker-client';
import { gridLabels } from './labels';
import type { SheetLinter } from './linter';
import { toCellProblem } from './problems';
import type { CellProblem, HostMessage, WebviewMessage } from '../../protocol/grid';
import { parseGridMessage } from './messages';

export class GridView implements vscode.Disposable {
  sheet: string | undefined;
  private readonly subs: vscode.Disposable[] = [];
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
        if (u.toString() === uri.toString() && report && this.sheet)
          this.post({ type: 'problems', ...this.problemsOf(report, this.sheet) });
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
    }
  }

  /** Loads `sheet` (default: the first visible one); a newer load wins over a slower older one. */
  async load(sheet?: string): Promise<void> {
    const n = ++this.loads;
    this.post({ type: 'loading', sheet: sheet ?? '' });
    try {
      const report = await this.linter.current(this.uri);
      if (report.fatal) return this.post({ type: 'failed', message: report.fatal, labels: gridLabels() });
      const data = await this.worker.run('readSheetGrid', { path: this.uri.fsPath, sheet });
      if (n !== this.loads) return;
      this.sheet = data.sheet;
      this.post({ type: 'load', data, ...this.problemsOf(report, data.sheet), labels: gridLabels() });
    } catch (e) {
      if (n === this.loads) this.post({ type: 'failed', message: (e as Error).message, labels: gridLabels() });
    }
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
