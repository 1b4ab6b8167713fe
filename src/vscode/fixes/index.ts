// Entry of the "fixes" feature area: registers its commands, providers and views.
import type * as vscode from 'vscode';
import type { Services } from '../services';

export function registerFixes(context: vscode.ExtensionContext, services: Services): void {
  void context;
  void services;
}
