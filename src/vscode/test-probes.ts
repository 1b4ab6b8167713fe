// What the host tests (test/integration/) look at inside the running extension. activate()
// returns it in ExtensionMode.Test only: the product exports no API, and nothing here is kept
// for tests alone in the product's modules — each probe reads a controller the product has, or
// counts the events the product fires.
import * as vscode from 'vscode';
import type { LintController } from './diagnostics';
import { onDateOrderQuestion } from './fixes/clean-dataset';
import { onRecipeRefused } from './fixes/replay';
import type { LintStatusBar } from './status-bar';
import type { WorkerClient } from './worker-client';

export interface TestProbes {
  lint: LintController;
  status: LintStatusBar;
  worker: WorkerClient;
  /** How long activate() took, in ms (measured inside it; module loading not included). */
  activationMs: number;
  /** Whether a table edited while misread (legacy bytes read as UTF-8) was warned about. */
  misreadWarned: (uri: vscode.Uri) => boolean;
  /** How many date-order questions (QuickPicks) Clean Dataset has opened since activation. */
  dateOrderQuestionsShown: () => number;
  /** The messages Replay Recipe has shown for refused recipes since activation, in order. */
  recipeRefusals: () => string[];
  /** What activation does for workbooks the text editor shows (tests call it when they choose). */
  reopenWorkbooksShownAsText: () => Promise<number>;
  /** The Stages tree once loaded, its saved charts read again (file events can arrive late on a loaded machine). */
  stages: () => Promise<vscode.TreeDataProvider<unknown>>;
}

export type ProbeParts = Omit<TestProbes, 'dateOrderQuestionsShown' | 'recipeRefusals'>;

export function testProbes(context: vscode.ExtensionContext, parts: ProbeParts): TestProbes {
  let questions = 0;
  const refusals: string[] = [];
  context.subscriptions.push(
    onDateOrderQuestion(() => questions++),
    onRecipeRefused((m) => refusals.push(m)),
  );
  return { ...parts, dateOrderQuestionsShown: () => questions, recipeRefusals: () => [...refusals] };
}
