// What the Diagnostic and Identification nodes show beyond the project file: the last
// published inventory (fresh or cached in global storage, so private datasets never land
// in the project folder), and the scan of the extra inventory folders and of the PDFs.
import * as vscode from 'vscode';
import { diagnose, saveInventory, type DiagnoseOutcome } from '../../core/diagnose';
import { cacheKey, readCached } from '../../core/diagnose/cache';
import type { FolderScan } from '../../core/diagnose/folders';
import type { DiagnosisTarget } from '../../core/diagnose/project-state';
import type { WorkerClient } from '../worker-client';

export const EXTRA_FOLDERS_SETTING = 'openData.identification.extraFolders';

export class DiagnoseModel implements vscode.Disposable {
  outcome: DiagnoseOutcome | undefined;
  running = false;
  folders: FolderScan[] = [];
  /** PDFs of the workspace (the extra folders list their own). */
  workspacePdfs: vscode.Uri[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly cacheDir: string | undefined;

  constructor(
    storage: vscode.Uri | undefined,
    private readonly worker: WorkerClient,
  ) {
    this.cacheDir = storage?.scheme === 'file' ? vscode.Uri.joinPath(storage, 'diagnose').fsPath : undefined;
  }

  /** The last known inventory of `target`, from the cache, without asking the portal. */
  async loadCached(target: DiagnosisTarget | undefined, withPrivate: boolean): Promise<void> {
    if (!target || !this.cacheDir || this.outcome) return;
    const inv = await readCached(this.cacheDir, cacheKey(target.kind, target.portal, target.organization, withPrivate));
    if (inv && !this.outcome) {
      this.outcome = { inventory: inv, source: 'cache' };
      this.emitter.fire();
    }
  }

  async run(target: DiagnosisTarget, apiKey: string | undefined, signal?: AbortSignal): Promise<DiagnoseOutcome> {
    this.running = true;
    this.emitter.fire();
    try {
      const outcome = await diagnose(
        { kind: target.kind, baseUrl: target.portal, organization: target.organization, apiKey, signal, timeoutMs: timeoutMs() },
        this.cacheDir,
      );
      // A failed run with no cache keeps what is already shown (e.g. loaded at start).
      this.outcome = outcome.inventory || !this.outcome?.inventory ? outcome : { ...this.outcome, source: 'cache', error: outcome.error };
      return this.outcome;
    } finally {
      this.running = false;
      this.emitter.fire();
    }
  }

  /** After the column check: show its findings and keep them with the cached inventory. */
  async changed(target?: DiagnosisTarget): Promise<void> {
    const inv = this.outcome?.inventory;
    if (target && inv && this.cacheDir) await saveInventory(this.cacheDir, inv, target.organization).catch(() => undefined);
    this.emitter.fire();
  }

  async scanFolders(): Promise<void> {
    const roots = extraFolders();
    this.folders = await Promise.all(
      roots.map((root) =>
        this.worker
          .run('scanFolder', { root })
          .catch((e: Error): FolderScan => ({ root, tables: [], pdfs: [], error: e.message, truncated: false })),
      ),
    );
    this.workspacePdfs = (await vscode.workspace.findFiles('**/*.{pdf,PDF}', '**/node_modules/**', 500)).sort((a, b) =>
      a.path.localeCompare(b.path, 'fr'),
    );
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function extraFolders(): string[] {
  const v = vscode.workspace.getConfiguration().get<unknown>(EXTRA_FOLDERS_SETTING, []);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

function timeoutMs(): number {
  const s = vscode.workspace.getConfiguration('openData.diagnostic').get<number>('timeoutSeconds', 30);
  return Math.max(1, s) * 1000;
}
