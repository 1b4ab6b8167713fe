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
import { ruleIds } from './core/rules/ids';
import { registerCatalog } from './vscode/catalog';
import { registerDelimiterChoice } from './vscode/delimiter-choice';
import { testProbes, type TestProbes } from './vscode/test-probes';

/**
 * The extension exports no API to other extensions: activate() returns nothing, except under
 * ExtensionMode.Test, where it returns the probes the host tests read (src/vscode/test-probes.ts).
 */
export function activate(context: vscode.ExtensionContext): TestProbes | undefined {
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
  const { stages } = registerStages(context, services);
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
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return testProbes(context, {
    lint,
    status,
    worker,
    activationMs: performance.now() - started,
    reopenWorkbooksShownAsText,
    misreadWarned: (uri) => misread.warned(uri),
    stages,
  });
}

export function deactivate(): void {}
