// A misspelt source in a recipe is one line that names the step, the kind as typed and the known
// kind it is closest to, in English and French, from the core and from odw clean / odw standardise;
// ajv's other errors keep their words, the branch the user meant only, a handful of lines per step.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runOdw } from '../helpers';
import { parseRecipe } from '../../../src/core/clean/recipe';
import { closestKinds } from '../../../src/core/clean/recipe-collapse';

const dir = mkdtempSync(join(tmpdir(), 'odw-recipe-typo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const recipe = (name: string) => join(FIXTURES, 'recipes', `${name}.json`);
const text = (name: string) => readFileSync(recipe(name), 'utf8');
const KNOWN = 'column, constant, join, split, date, period, map, lookup';

/** Each fixture: the exact lines a user reads, English then French. */
const CASES: { name: string; en: string[]; fr: string[] }[] = [
  {
    name: 'typo-source',
    en: ['/steps/1/standardise/fields/nomAttribuant (step 2) has an unknown source "colum": did you mean column?'],
    fr: ['/steps/1/standardise/fields/nomAttribuant (étape 2) a une source inconnue « colum » : vouliez-vous dire column ?'],
  },
  {
    name: 'unknown-source',
    en: [`/steps/0/standardise/fields/nomAttribuant (step 1) has an unknown source "regex": the known sources are ${KNOWN}`],
    fr: [`/steps/0/standardise/fields/nomAttribuant (étape 1) a une source inconnue « regex » : les sources connues sont ${KNOWN}`],
  },
  {
    name: 'wrong-type',
    en: ['/steps/0/standardise/fields/nomAttribuant/part must be integer'],
    fr: ['/steps/0/standardise/fields/nomAttribuant/part doit être de type entier'],
  },
  { name: 'valid', en: [], fr: [] },
];

test('a recipe’s refusal is the lines a user reads, in English and French', () => {
  for (const c of CASES) {
    assert.deepEqual(parseRecipe(text(c.name)).errors, c.en, c.name);
    assert.deepEqual(parseRecipe(text(c.name), 'fr').errors, c.fr, c.name);
  }
});

test('odw clean and odw standardise print the same lines, after the recipe’s path, exit 2', async () => {
  const csv = join(dir, 'in.csv');
  writeFileSync(csv, 'Nom;Objet\nVille;x\n');
  const out = join(dir, 'out.csv');
  for (const cmd of ['clean', 'standardise']) {
    for (const c of CASES) {
      for (const lang of ['en', 'fr'] as const) {
        const r = await runOdw(cmd, csv, '--recipe', recipe(c.name), '--out', out, '--lang', lang);
        const lines = lang === 'fr' ? c.fr : c.en;
        if (lines.length === 0) {
          assert.notEqual(r.code, 2, `${cmd} ${c.name} ${lang}: ${r.err}`);
          assert.doesNotMatch(r.err, /valid\.json/, `${cmd} ${c.name} ${lang}`);
          continue;
        }
        assert.equal(r.code, 2, `${cmd} ${c.name} ${lang}`);
        const sep = lang === 'fr' ? ' : ' : ': ';
        assert.equal(r.err, lines.map((l) => `${recipe(c.name)}${sep}${l}\n`).join(''), `${cmd} ${c.name} ${lang}`);
      }
    }
  }
});

const std = (fields: object) =>
  JSON.stringify({ version: 1, steps: [{ rule: 'standardise', standardise: { schema: { name: 'scdl/subventions' }, fields } }] });

test('a source with two kinds, none, or not an object is one line too', () => {
  const at = '/steps/0/standardise/fields/objet';
  assert.deepEqual(parseRecipe(std({ objet: { column: 'A', constant: 'B' } })).errors, [
    `${at} (step 1) has more than one source (column, constant): keep one`,
  ]);
  assert.deepEqual(parseRecipe(std({ objet: { column: 'A', constant: 'B' } }), 'fr').errors, [
    `${at} (étape 1) a plusieurs sources (column, constant) : n’en garder qu’une`,
  ]);
  assert.deepEqual(parseRecipe(std({ objet: { sep: ';' } })).errors, [`${at} (step 1) names no source: the known sources are ${KNOWN}`]);
  assert.deepEqual(parseRecipe(std({ objet: {} }), 'fr').errors, [
    `${at} (étape 1) ne nomme aucune source : les sources connues sont ${KNOWN}`,
  ]);
  assert.deepEqual(parseRecipe(std({ objet: 'A' })).errors, [`${at} must be object`]);
  // The kind the user named is kept: its own mistakes, in ajv's words, and no other branch's.
  assert.deepEqual(parseRecipe(std({ objet: { split: 'A', sep: '' } })).errors, [
    `${at} must have required property 'part'`,
    `${at}/sep must NOT have fewer than 1 characters`,
  ]);
});

test('the closest kinds are a third of their letters away at most', () => {
  assert.deepEqual(closestKinds('colum'), ['column']);
  assert.deepEqual(closestKinds('Constante'), ['constant']);
  assert.deepEqual(closestKinds('lookpu'), ['lookup']);
  assert.deepEqual(closestKinds('mapp'), ['map']);
  assert.deepEqual(closestKinds('regex'), []);
});

test('one step never takes more than five lines; the rest are counted', () => {
  const bad = JSON.stringify({
    version: 1,
    steps: [
      { rule: 'Bad Rule', step: 0, fix: 'zap', count: -1, fields: 'a', from: 3 },
      { rule: 'blank-row', count: -1 },
    ],
  });
  const en = parseRecipe(bad).errors;
  assert.equal(en.length, 6, en.join('\n'));
  assert.equal(en[4], '/steps/0 (step 1): 2 more problems');
  assert.equal(en[5], '/steps/1/count must be >= 0');
  const fr = parseRecipe(bad, 'fr').errors;
  assert.equal(fr[4], '/steps/0 (étape 1) : 2 autres problèmes');
});
