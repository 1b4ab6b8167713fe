// Core offset edits → a VS Code WorkspaceEdit, and the fix plan of a document's lint state.
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/model';
import { dialectOf } from '../../core/clean/clean-text';
import { planEdits, type Plan } from '../../core/clean/plan';
import type { Services } from '../services';

/** The current lint state of `doc`, or undefined when it is stale (the text changed since). */
export function freshState(services: Services, doc: vscode.TextDocument) {
  const state = services.lint.state(doc.uri);
  return state && state.version === doc.version ? state : undefined;
}

export function planFor(services: Services, doc: vscode.TextDocument, fixes: readonly Diagnostic[]): Plan | undefined {
  const state = freshState(services, doc);
  if (!state) return undefined;
  return planEdits(doc.getText(), dialectOf(state.result.info), fixes);
}

export function toWorkspaceEdit(doc: vscode.TextDocument, plan: Plan): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
  return edit;
}

/** One edit replacing the whole text: a single undo step restores the original. */
export function replaceAll(doc: vscode.TextDocument, text: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  return edit;
}
