// Steps 4–5 of the flow: run the core publication under a cancellable progress notification
// that counts uploaded bytes, persisting every checkpoint at once so an interrupted run
// resumes instead of duplicating.
import * as path from 'node:path';
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { publishPlan, type Linkage, type PublishPlan, type PublishResult } from '../../core/portal';
import type { RunLog } from './log';

const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 1)} MB`;

export async function uploadWithProgress(
  plan: PublishPlan,
  log: RunLog,
  onCheckpoint: (l: Linkage) => Promise<void>,
  dryRun: boolean,
): Promise<PublishResult> {
  const sizes = new Map(plan.files.map((f) => [f.path, safeSize(f.path)]));
  const grand = [...sizes.values()].reduce((a, b) => a + b, 0) || 1;
  const sent = new Map<string, number>();
  let saving = Promise.resolve();
  const title = dryRun
    ? vscode.l10n.t('Dry run of the publication to {0}', plan.profile.name ?? plan.profile.baseUrl)
    : vscode.l10n.t('Publishing to {0}', plan.profile.name ?? plan.profile.baseUrl);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return publishPlan(plan, {
        dryRun,
        signal: abort.signal,
        logger: log,
        // Checkpoints are chained so two writes of project.json never race.
        onCheckpoint: (l) => {
          saving = saving.then(() => onCheckpoint(l));
        },
        onProgress: (e) => {
          if (!e.path) return progress.report({ message: e.step });
          const before = sent.get(e.path) ?? 0;
          // A retried upload restarts from 0: the bar does not move back, it waits.
          if (e.sent <= before) return;
          sent.set(e.path, e.sent);
          progress.report({
            increment: ((e.sent - before) / grand) * 100,
            message: `${path.basename(e.path)} ${mb(e.sent)} / ${mb(e.total)}`,
          });
        },
      });
    },
  );
  await saving;
  return result;
}

function safeSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}
