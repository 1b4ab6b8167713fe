// "Replay Recipe": pick a recipe of the workspace and apply its steps to a file, with the
// same diff preview as Clean Dataset.
import * as vscode from 'vscode';
import { replaySteps, standardiseStepOf } from '../../core/clean/recipe';
import { misspeltRuleNotes } from '../../core/clean/recipe-rules';
import { uiLang } from '../settings';
import { replayStandardiseStep } from '../standardise/replay';
import type { Services } from '../services';
import { cleanDataset, type CleanArgs } from './clean-dataset';
import type { PreviewProvider } from './preview';
import { listRecipes, readRecipe } from './recipe-store';

const recipeRefused = new vscode.EventEmitter<string>();
/** Fires with the message shown when a recipe is refused (the host tests read what the person read). */
export const onRecipeRefused = recipeRefused.event;

export async function replayRecipe(
  services: Services,
  preview: PreviewProvider,
  target?: vscode.Uri,
  recipeUri?: vscode.Uri,
  args: CleanArgs = {},
): Promise<boolean> {
  target ??= vscode.window.activeTextEditor?.document.uri;
  if (!target) return false;
  if (!recipeUri) {
    const found = await listRecipes();
    const items = found.map((uri) => ({ label: uri.path.split('/').pop()!, description: vscode.workspace.asRelativePath(uri), uri }));
    const browse = { label: vscode.l10n.t('Browse…'), description: '', uri: undefined as vscode.Uri | undefined };
    const pick = await vscode.window.showQuickPick([...items, browse], { title: vscode.l10n.t('Recipe to replay') });
    if (!pick) return false;
    recipeUri = pick.uri ?? (await vscode.window.showOpenDialog({ filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
    if (!recipeUri) return false;
  }
  const { recipe, errors } = await readRecipe(recipeUri);
  if (!recipe) {
    const message = vscode.l10n.t('Invalid recipe {0}: {1}', vscode.workspace.asRelativePath(recipeUri), errors.join('; '));
    recipeRefused.fire(message);
    void vscode.window.showErrorMessage(message);
    return false;
  }
  const notes = misspeltRuleNotes(recipe.steps, uiLang());
  if (notes.length)
    void vscode.window.showWarningMessage(vscode.l10n.t('Recipe {0}: {1}', vscode.workspace.asRelativePath(recipeUri), notes.join(' ')));
  const steps = replaySteps(recipe);
  // A standardise step maps the file to its schema first (a new file); the cleaning steps then run on it.
  const std = standardiseStepOf(recipe);
  if (std) {
    const written = await replayStandardiseStep(services.worker, target, std, recipeUri);
    if (!written || !steps.length) return !!written;
    target = written;
  }
  const reencode = recipe.steps.some((s) => s.fix === 'reencode');
  return cleanDataset(
    services,
    preview,
    target,
    { ...args, rules: reencode ? ['encoding', ...steps.map((s) => s.rule)] : undefined },
    steps,
  );
}
