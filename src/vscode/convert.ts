// Core diagnostics → VS Code diagnostics: exact cell ranges, rule id linking to its docs.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../core/model';
import { ruleIds } from '../core/rules/ids';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

export const SOURCE = 'Open Data';

export function rangeOf(d: CoreDiagnostic, doc?: vscode.TextDocument): vscode.Range {
  if (d.line == null) {
    // A file-level problem: underline the first line.
    const end = doc && doc.lineCount > 0 ? doc.lineAt(0).range.end.character : 0;
    return new vscode.Range(0, 0, 0, end);
  }
  const start = new vscode.Position(d.line - 1, d.start ?? 0);
  const end = new vscode.Position((d.endLine ?? d.line) - 1, d.end ?? d.start ?? 0);
  return new vscode.Range(start, end);
}

export function toVscodeDiagnostic(d: CoreDiagnostic, doc: vscode.TextDocument | undefined, docsBase: vscode.Uri): vscode.Diagnostic {
  const v = new vscode.Diagnostic(rangeOf(d, doc), d.message, SEVERITY[d.severity]);
  v.source = SOURCE;
  // Registered rules have their own page; schema checks (type-error, french-siret-value…) share one.
  const page = ruleIds.has(d.rule) ? vscode.Uri.joinPath(docsBase, `${d.rule}.md`) : vscode.Uri.joinPath(docsBase, '..', 'schemas.md');
  v.code = { value: d.rule, target: page };
  return v;
}
