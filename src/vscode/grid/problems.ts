// Spreadsheet diagnostics in the Problems panel: placed at line = row, character = column
// (the panel then reads "Ln 12, Col 3" for C12), and prefixed with `Sheet!C12`.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/model';
import { qualifiedRef } from '../../core/sheet/address';
import { SOURCE } from '../convert';
import type { CellProblem } from '../../protocol/grid';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

function sheetRange(d: CoreDiagnostic): vscode.Range {
  const line = Math.max(0, (d.row ?? 1) - 1);
  const start = Math.max(0, (d.column ?? 1) - 1);
  return new vscode.Range(line, start, line, start + 1);
}

export function toSheetDiagnostic(d: CoreDiagnostic, docsBase: vscode.Uri): vscode.Diagnostic {
  const where = d.sheet ? `${qualifiedRef(d.sheet, d.cell ?? 'A1')}: ` : '';
  const v = new vscode.Diagnostic(sheetRange(d), where + d.message, SEVERITY[d.severity]);
  v.source = SOURCE;
  v.code = { value: d.rule, target: vscode.Uri.joinPath(docsBase, `${d.rule}.md`) };
  return v;
}

export function toCellProblem(d: CoreDiagnostic): CellProblem {
  return { row: d.row, column: d.column, cell: d.cell ?? '', severity: d.severity, rule: d.rule, message: d.message };
}
