// The thin host: wires core services (run in a worker) to VS Code UI pieces.
import * as vscode from 'vscode';
import { LintController } from './vscode/diagnostics';
import { lintFileOnDisk } from './vscode/lint-on-disk';
import { LintStatusBar } from './vscode/status-bar';
import { WorkerClient } from './vscode/worker-client';
import { SchemaChoices, selectSchema, type SchemaPick } from './vscode/schema-choice';
import { inferSchemaCommand } from './vscode/infer-schema';
import type { Services } from './vscode/services';
import { registerFixes } from './vscode/fixes';
import { registerStages } from './vscode/stages';
import { registerPublishing } from './vscode/publish';
import { registerSpreadsheets } from './vscode/grid';
import { reopenWorkbooksShownAsText } from './vscode/grid/reopen';
import { registerCharts } from './vscode/chart';
import { registerBudget } from './vscode/budget';
import { registerStandardise } from './vscode/standardise';
import { dateOrderQuestionsShown } from './vscode/fixes/clean-dataset';
import { ruleIds } from './core/rules/ids';
import { registerCatalog } from './vscode/catalog';
import { registerDelimiterChoice } from './vscode/delimiter-choice';

export interface Api {
  lint: LintController;
  status: LintStatusBar;
  worker: WorkerClient;
  /** How long activate() took, in ms (measured inside it; module loading not included). */
  activationMs: number;
  /** Whether a table edited while misread (legacy bytes read as UTF-8) was warned about. */
  misreadWarned: (uri: vscode.Uri) => boolean;
  /** How many date-order questions (QuickPicks) Clean Dataset has opened. */
  dateOrderQuestionsShown: () => number;
  /** What activation does for workbooks the text editor shows (tests call it when they choose). */
  reopenWorkbooksShownAsText: () => Promise<number>;
}

export function activate(context: vscode.ExtensionContext): Api {
  const started = performance.now();
  const worker = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath);
  const collection = vscode.languages.createDiagnosticCollection('opendata');
  const docsBase = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const schemas = new SchemaChoices(context.workspaceState);
  const lint = new LintController(collection, worker, docsBase, schemas);
  const status = new LintStatusBar(lint);
  const services: Services = { lint, worker, diagnostics: collection, docsBase };
  registerCatalog(context, services);
  registerSpreadsheets(context, collection, worker);
  registerCharts(context, services);
  registerStandardise(context, services);
  const { misread } = registerFixes(context, services);
  registerStages(context, services);
  registerPublishing(context, services);
  registerDelimiterChoice(context, services);
  registerBudget(context, services);
  context.subscriptions.push(
    collection,
    lint,
    status,
    { dispose: () => worker.dispose() },
    vscode.commands.registerCommand('openData.lintFileOnDisk', (uri?: vscode.Uri) => lintFileOnDisk(worker, collection, docsBase, uri)),
    schemas,
    vscode.commands.registerCommand('openData.selectSchema', (uri?: vscode.Uri, pick?: SchemaPick | 'auto') =>
      selectSchema(schemas, worker, uri, pick),
    ),
    vscode.commands.registerCommand('openData.inferSchema', (uri?: vscode.Uri) => inferSchemaCommand(worker, uri)),
    // Only a rule of the registry: the id may come from a webview (`../../x` would preview any file).
    vscode.commands.registerCommand('openData.showRuleDocs', (id: unknown) =>
      typeof id === 'string' && ruleIds.has(id)
        ? vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(docsBase, `${id}.md`))
        : undefined,
    ),
  );
  return {
    lint,
    status,
    worker,
    activationMs: performance.now() - started,
    reopenWorkbooksShownAsText,
    misreadWarned: (uri) => misread.warned(uri),
    dateOrderQuestionsShown,
  };
}

export function deactivate(): void {}
