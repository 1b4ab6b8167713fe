// Cleaning recipes: the steps applied to a dataset, stored in .opendata/recipes/<dataset>.json
// and validated against schemas/recipe.schema.json. Replaying a recipe = cleaning with its steps.
import type { ValidateFunction } from 'ajv';
import { ajvWithFormats } from '../vendor';
import schema from '../../../schemas/recipe.schema.json';
import type { FixData, Lang } from '../model';
import { recipeErrors, recipeJsonError } from './recipe-errors';
import type { CleanStep, RecordedStep } from './steps';
import type { StandardiseSpec } from '../standardise/spec';

export interface RecipeStep extends CleanStep {
  step?: number;
  fix?: FixData['kind'];
  count?: number;
  /** reencode: the source encoding. */
  from?: string;
  /** rule `standardise`: the mapping to a schema (src/core/standardise). */
  standardise?: StandardiseSpec;
  appliedAt?: string;
}

export interface Recipe {
  $schema?: string;
  version: 1;
  dataset?: string;
  created?: string;
  updated?: string;
  steps: RecipeStep[];
}

export const RECIPE_DIR = '.opendata/recipes';

let validator: ValidateFunction<Recipe> | undefined;
function validatorOf(): ValidateFunction<Recipe> {
  if (!validator) {
    validator = ajvWithFormats().compile<Recipe>(schema);
  }
  return validator;
}

export type RecipeParse = { recipe: Recipe; errors: [] } | { recipe: null; errors: string[] };

/** The recipe in `text`, or why it is refused (in `lang`, one line per problem). */
export function parseRecipe(text: string, lang: Lang = 'en'): RecipeParse {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { recipe: null, errors: [recipeJsonError(e, lang)] };
  }
  const validate = validatorOf();
  if (validate(value)) return { recipe: value, errors: [] };
  return { recipe: null, errors: recipeErrors(validate.errors ?? [], value, lang) };
}

/** File name of the recipe of a dataset (`subventions-2024.csv` → `subventions-2024.json`). */
export function recipeFileName(datasetName: string): string {
  return datasetName.replace(/\.[^.]+$/, '') + '.json';
}

/** The recipe after more steps ran on its dataset; steps keep their order. */
export function appendSteps(recipe: Recipe | null, dataset: string, steps: readonly (RecordedStep | RecipeStep)[], now: Date): Recipe {
  const at = now.toISOString();
  const r: Recipe = recipe ? { ...recipe, steps: [...recipe.steps] } : { version: 1, dataset, created: at, steps: [] };
  r.updated = at;
  for (const s of steps) r.steps.push({ ...s, step: r.steps.length + 1, appliedAt: at });
  return r;
}

/** What replaying needs from a recipe: the rule filters, in order. */
export function replaySteps(recipe: Recipe): CleanStep[] {
  return recipe.steps
    .filter((s) => s.fix !== 'reencode' && s.rule !== 'standardise')
    .map((s) => ({ rule: s.rule, ...(s.fields ? { fields: s.fields } : {}), ...(s.formats ? { formats: s.formats } : {}) }));
}

/** The recipe's latest standardise step, if it has one (replayed before the cleaning steps). */
export function standardiseStepOf(recipe: Recipe): StandardiseSpec | undefined {
  return [...recipe.steps].reverse().find((s) => s.rule === 'standardise' && s.standardise)?.standardise;
}

export function toJson(recipe: Recipe): string {
  return JSON.stringify(recipe, null, 2) + '\n';
}
