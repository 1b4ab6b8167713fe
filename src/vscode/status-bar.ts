// One status bar item for the active table: problem counts, encoding and delimiter.
import * as vscode from 'vscode';
import type { LintController } from './diagnostics';
import { totalOf } from './truncation';

const DELIMITER_NAMES: Record<string, string> = { ',': ',', ';': ';', '\t': 'Tab', '|': '|' };

export class LintStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('openData.lintStatus', vscode.StatusBarAlignment.Right, 100);
  /** The schema the table is checked against; click to choose another or none. */
  readonly schemaItem = vscode.window.createStatusBarItem('openData.schemaStatus', vscode.StatusBarAlignment.Right, 99);
  private readonly subs: vscode.Disposable[];

  constructor(private readonly lint: LintController) {
    this.item.name = vscode.l10n.t('Open Data lint');
    this.item.command = 'workbench.actions.view.problems';
    this.schemaItem.name = vscode.l10n.t('Open Data schema');
    this.schemaItem.command = 'openData.selectSchema';
    this.subs = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      lint.onDidLint((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
      }),
    ];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc && this.lint.state(doc.uri);
    if (!state) {
      this.item.hide();
      this.schemaItem.hide();
      return;
    }
    const cov = state.coverage;
    if (state.schema) {
      const title = cov?.title ?? state.schema.name;
      const version = state.schema.version ? ` ${state.schema.version}` : '';
      this.schemaItem.text = cov
        ? `$(table) ${title}${version} — ${vscode.l10n.t('{0}/{1} columns', cov.matched, cov.total)}`
        : `$(table) ${title}${version}`;
      this.schemaItem.tooltip = vscode.l10n.t('Checked against the schema {0}. Click to choose another schema or none.', state.schema.name);
    } else {
      this.schemaItem.text = `$(table) ${vscode.l10n.t('No schema')}`;
      this.schemaItem.tooltip = vscode.l10n.t('No schema recognised for this table. Click to choose one.');
    }
    this.schemaItem.show();
    // The exact totals: the cap limits the Problems panel's list, never these.
    const { error: errors, warning: warnings } = state.result.counts;
    const { encoding, delimiter } = state.result.info;
    const delim = delimiter ? (DELIMITER_NAMES[delimiter] ?? delimiter) : '';
    const cut = state.result.truncated ? ` ${vscode.l10n.t('({0} listed)', state.core.length)}` : '';
    this.item.text = `$(error) ${errors} $(warning) ${warnings}${cut}  ${encoding.toUpperCase()} ${delim}`.trimEnd();
    const tip = vscode.l10n.t(
      'Open Data: {0} errors, {1} warnings in {2} rows. Encoding {3}, separator “{4}”.',
      errors,
      warnings,
      state.result.rows,
      encoding,
      delim,
    );
    this.item.tooltip = state.result.truncated
      ? `${tip}\n${vscode.l10n.t('The list is cut: the Problems panel lists {0} of {1} problems (setting openData.lint.maxProblems).', state.core.length, totalOf(state.result))}`
      : tip;
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.schemaItem.dispose();
    for (const s of this.subs) s.dispose();
  }
}
