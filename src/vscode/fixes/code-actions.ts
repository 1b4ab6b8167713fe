// Quick fixes on CSV/TSV diagnostics: fix this (preferred), fix all of this rule in the file,
// learn more; and the `source.fixAll.opendata` action used by codeActionsOnSave.
import * as vscode from 'vscode';
import type { Diagnostic, FixData } from '../../core/model';
import { isCertainFix, isTextFix } from '../../core/clean/plan';
import { ruleIds } from '../../core/rules/ids';
import { rangeOf, SOURCE } from '../convert';
import type { Services } from '../services';
import { freshState, planFor, toWorkspaceEdit } from './edits';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('opendata');

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function describe(fix: FixData): string {
  switch (fix.kind) {
    case 'set-cell':
      return fix.value === '' ? vscode.l10n.t('empty the cell') : vscode.l10n.t('replace with “{0}”', fix.value);
    case 'delete-row':
      return vscode.l10n.t('delete this blank row');
    case 'delete-column':
      return vscode.l10n.t('delete this empty column');
    case 'quote-cells':
      return vscode.l10n.t('join into one quoted cell “{0}”', fix.value);
    case 'line-endings':
      return vscode.l10n.t('use {0} line endings everywhere', fix.eol === '\r\n' ? 'CRLF' : 'LF');
    case 'reencode':
      return vscode.l10n.t('convert the file to UTF-8');
    case 'choose-date-order':
      return vscode.l10n.t('choose the date order of “{0}”…', fix.field);
  }
}

/** A quick fix that runs a command (a question or a conversion comes first) instead of an edit. */
function commandAction(title: string, vd: vscode.Diagnostic, command: string, ...args: unknown[]): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.command = { command, title, arguments: args };
  a.diagnostics = [vd];
  return a;
}

/** Not UTF-8: convert the file (asks first, keeps a backup), or reopen it with the right encoding. */
function encodingActions(doc: vscode.TextDocument, vd: vscode.Diagnostic): vscode.CodeAction[] {
  return [
    commandAction(vscode.l10n.t('Convert the file to UTF-8…'), vd, 'openData.cleanDataset', doc.uri, { rules: ['encoding'] }),
    commandAction(vscode.l10n.t('Reopen with Another Encoding…'), vd, 'workbench.action.editor.changeEncoding'),
  ];
}

export class FixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly services: Services) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = freshState(this.services, doc);
    if (!state) return [];
    if (context.only && FIX_ALL_KIND.intersects(context.only) && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      const all = this.fixAll(doc, state.core);
      return all ? [all] : [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const vd of context.diagnostics) {
      if (vd.source !== SOURCE) continue;
      const rule = codeOf(vd);
      const core = state.core.find((d) => d.rule === rule && rangeOf(d, doc).isEqual(vd.range));
      if (core && isTextFix(core)) actions.push(...this.fixes(doc, vd, core, state.core));
      else if (rule === 'encoding' && doc.uri.scheme === 'file') actions.push(...encodingActions(doc, vd));
      // Not certain: Clean Dataset asks for the column's order once, previews, then converts.
      else if (core?.fix?.kind === 'choose-date-order')
        actions.push(
          commandAction(vscode.l10n.t('Fix: {0}', describe(core.fix)), vd, 'openData.cleanDataset', doc.uri, { rules: ['date-format'] }),
        );
      const docs = new vscode.CodeAction(vscode.l10n.t('Learn more about {0}', rule), vscode.CodeActionKind.QuickFix);
      // Rules have their own page; schema checks link to the shared page their code targets.
      const target = typeof vd.code === 'object' ? vd.code.target : undefined;
      if (ruleIds.has(rule)) docs.command = { command: 'openData.showRuleDocs', title: docs.title, arguments: [rule] };
      else if (target) docs.command = { command: 'markdown.showPreview', title: docs.title, arguments: [target] };
      else continue;
      docs.diagnostics = [vd];
      actions.push(docs);
    }
    return actions;
  }

  private fixes(doc: vscode.TextDocument, vd: vscode.Diagnostic, core: Diagnostic, all: readonly Diagnostic[]): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const one = planFor(this.services, doc, [core]);
    if (one?.edits.length) {
      const a = new vscode.CodeAction(vscode.l10n.t('Fix: {0}', describe(core.fix!)), vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc, one);
      a.diagnostics = [vd];
      // An offered fix (formula-injection's apostrophe) is a choice, not the obvious repair.
      a.isPreferred = !(core.fix!.kind === 'set-cell' && core.fix!.offered);
      out.push(a);
    }
    const same = all.filter((d) => d.rule === core.rule && isTextFix(d));
    if (same.length > 1) {
      const plan = planFor(this.services, doc, same);
      if (plan?.edits.length) {
        const a = new vscode.CodeAction(
          vscode.l10n.t('Fix all {0} “{1}” problems in this file', same.length, core.rule),
          vscode.CodeActionKind.QuickFix,
        );
        a.edit = toWorkspaceEdit(doc, plan);
        out.push(a);
      }
    }
    return out;
  }

  /** Every certain fix that can go in one pass (the rest after the next lint). */
  fixAll(doc: vscode.TextDocument, core: readonly Diagnostic[]): vscode.CodeAction | undefined {
    const plan = planFor(this.services, doc, core.filter(isCertainFix));
    if (!plan?.edits.length) return undefined;
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all certain Open Data problems'), FIX_ALL_KIND);
    a.edit = toWorkspaceEdit(doc, plan);
    return a;
  }
}
