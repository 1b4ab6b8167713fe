// Recipes in the workspace: .opendata/recipes/<dataset>.json next to the data's folder root.
import * as vscode from 'vscode';
import { uiLang } from '../settings';
import { appendSteps, parseRecipe, RECIPE_DIR, recipeFileName, toJson, type Recipe, type RecipeStep } from '../../core/clean/recipe';

function recipesDir(dataset: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(dataset)?.uri ?? vscode.Uri.joinPath(dataset, '..');
  return vscode.Uri.joinPath(folder, ...RECIPE_DIR.split('/'));
}

export async function readRecipe(uri: vscode.Uri): Promise<{ recipe: Recipe | null; errors: string[] }> {
  try {
    return parseRecipe(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uiLang());
  } catch {
    return { recipe: null, errors: [] };
  }
}

/** Appends the steps just applied to the dataset's recipe (created on first use). */
export async function recordSteps(dataset: vscode.Uri, steps: readonly RecipeStep[]): Promise<vscode.Uri | undefined> {
  // An untitled document has no folder to keep a recipe in.
  if (steps.length === 0 || dataset.scheme !== 'file') return undefined;
  const name = dataset.path.split('/').pop()!;
  const dir = recipesDir(dataset);
  const uri = vscode.Uri.joinPath(dir, recipeFileName(name));
  const prev = (await readRecipe(uri)).recipe;
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(toJson(appendSteps(prev, name, steps, new Date()))));
  return uri;
}

/** Recipes of the workspace, for the replay picker. */
export async function listRecipes(): Promise<vscode.Uri[]> {
  return vscode.workspace.findFiles(`${RECIPE_DIR}/*.json`);
}
