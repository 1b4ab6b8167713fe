// Recipes: recorded steps replay to the same result as the direct cleaning, and the recipe
// file format is checked against schemas/recipe.schema.json.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCsvText } from '../../../src/core/lint-csv';
import { cleanText } from '../../../src/core/clean/clean-text';
import { appendSteps, parseRecipe, recipeFileName, replaySteps, toJson } from '../../../src/core/clean/recipe';

const lint = (t: string) => lintCsvText(t, { maxProblems: 100000 });
const source = 'nom;montant;date;vide\n ASSO ;1 234,50 €;01/02/2020;\n;;;\nB;12;15/03/2021;\n';
const NOW = new Date('2026-01-02T03:04:05Z');

test('record then replay equals the direct application', () => {
  const direct = cleanText(source, lint);
  const recipe = appendSteps(null, 'subventions.csv', direct.steps, NOW);
  const parsed = parseRecipe(toJson(recipe));
  assert.deepEqual(parsed.errors, []);
  const replayed = cleanText(source, lint, replaySteps(parsed.recipe!));
  assert.equal(replayed.text, direct.text);
  assert.equal(direct.text, 'nom;montant;date\nASSO;1234.50;2020-02-01\nB;12;2021-03-15\n');
});

test('a recipe holds rules, columns and formats, never data values', () => {
  const direct = cleanText(source, lint);
  const json = toJson(appendSteps(null, 'subventions.csv', direct.steps, NOW));
  for (const value of ['ASSO', '1 234', '01/02/2020', '2020-02-01']) assert.ok(!json.includes(value), value);
  const recipe = JSON.parse(json);
  assert.deepEqual(
    recipe.steps.map((s: { rule: string }) => s.rule),
    ['empty-column', 'cell-whitespace', 'number-format', 'date-format', 'blank-row'],
  );
  const date = recipe.steps.find((s: { rule: string }) => s.rule === 'date-format');
  assert.deepEqual(date.formats, { date: 'dd/mm/yyyy' });
  assert.equal(recipe.steps[0].step, 1);
});

test("replay on next year's file applies the same steps", () => {
  const recipe = appendSteps(null, 'a.csv', cleanText(source, lint).steps, NOW);
  const other = 'nom;montant;date;vide\nC ;2 000 €;31/12/2022;\n';
  assert.equal(cleanText(other, lint, replaySteps(recipe)).text, 'nom;montant;date\nC;2000;2022-12-31\n');
});

test('replay leaves a date read in another format than recorded', () => {
  const recipe = appendSteps(null, 'a.csv', cleanText('d\n13/01/2020\n', lint).steps, NOW);
  // Recorded dd/mm/yyyy; in this file 01/13/2020 can only be month-first: left alone.
  assert.equal(cleanText('d\n01/13/2020\n', lint, replaySteps(recipe)).text, 'd\n01/13/2020\n');
});

test('appending keeps earlier steps and numbers the new ones', () => {
  const r1 = appendSteps(null, 'a.csv', [{ rule: 'blank-row', fix: 'delete-row', count: 1 }], NOW);
  const r2 = appendSteps(r1, 'a.csv', [{ rule: 'line-endings', fix: 'line-endings', count: 1 }], NOW);
  assert.deepEqual(
    r2.steps.map((s) => [s.step, s.rule]),
    [
      [1, 'blank-row'],
      [2, 'line-endings'],
    ],
  );
  assert.equal(recipeFileName('subventions-2024.csv'), 'subventions-2024.json');
});

test('broken recipes are refused with the reason', () => {
  assert.match(parseRecipe('{').errors[0], /invalid JSON/);
  assert.ok(parseRecipe('{"version": 2, "steps": []}').errors.length > 0);
  assert.ok(parseRecipe('{"version": 1}').errors.some((e) => /steps/.test(e)));
  assert.ok(parseRecipe('{"version": 1, "steps": [{"rule": "Bad Rule"}]}').errors.length > 0);
  assert.ok(parseRecipe('{"version": 1, "steps": [{"rule": "date-format", "value": "x"}]}').errors.length > 0);
  assert.ok(parseRecipe('{"version": 1, "steps": [{"rule": "date-format", "formats": {"d": "dd/mm"}}]}').errors.length > 0);
  assert.deepEqual(parseRecipe('{"version": 1, "steps": [{"rule": "blank-row"}]}').errors, []);
});
