// Entry of the "stages" feature area: registers its commands, providers and views.
import type * as vscode from 'vscode';
import type { Services } from '../services';

export function registerStages(context: vscode.ExtensionContext, services: Services): void {
  void context;
  void services;
}
