// When the problem cap cuts the list, the Problems panel says so in a problem of its own (on
// the first line), with the exact totals: a user must never read a cut list as the whole.
import * as vscode from 'vscode';
import { SOURCE } from './convert';

export interface Totals {
  counts: { error: number; warning: number; info: number };
  truncated: boolean;
}

export const totalOf = (t: Totals): number => t.counts.error + t.counts.warning + t.counts.info;

/** The notice for a cut list, or null when every problem is listed. */
export function cutNotice(t: Totals, listed: number, doc?: vscode.TextDocument): vscode.Diagnostic | null {
  if (!t.truncated) return null;
  const end = doc && doc.lineCount > 0 ? doc.lineAt(0).range.end.character : 0;
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, end),
    vscode.l10n.t(
      'Only {0} of {1} problems are listed ({2} errors, {3} warnings, {4} infos in all). Raise the setting openData.lint.maxProblems (0 = no limit) to list them all.',
      listed,
      totalOf(t),
      t.counts.error,
      t.counts.warning,
      t.counts.info,
    ),
    vscode.DiagnosticSeverity.Information,
  );
  d.source = SOURCE;
  d.code = 'truncated';
  return d;
}
