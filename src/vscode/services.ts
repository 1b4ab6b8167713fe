// What the host hands to each feature area's `register…(context, services)`.
import type * as vscode from 'vscode';
import type { LintController } from './diagnostics';
import type { WorkerClient } from './worker-client';

export interface Services {
  /** Live lint state of open CSV/TSV documents; `onDidLint` fires after each publish. */
  lint: LintController;
  /** Runs core tasks (src/core/worker/tasks.ts) off the extension host thread. */
  worker: WorkerClient;
  /** The "opendata" diagnostic collection (Problems panel). */
  diagnostics: vscode.DiagnosticCollection;
  /** Folder of the rule documentation pages (docs/rules/<id>.md). */
  docsBase: vscode.Uri;
}
