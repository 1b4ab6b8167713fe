// A cleaning step whose rule is misspelt fixes nothing: odw clean says so on stderr (a note:
// the exit code and the cleaned file are what they were), naming the step and the rule meant.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOdw } from '../helpers';
import { misspeltRuleNotes } from '../../../src/core/clean/recipe-rules';

const dir = mkdtempSync(join(tmpdir(), 'odw-recipe-rule-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const steps = (...rules: string[]) => rules.map((rule) => ({ rule }));

test('a rule a typo away from a real one is named with the one meant; real names and far names are not', () => {
  assert.deepEqual(misspeltRuleNotes(steps('cell-whitespace', 'blank-rwo'), 'en'), [
    '/steps/1 (step 2): no rule is named "blank-rwo": did you mean blank-row? This step fixes nothing.',
  ]);
  assert.deepEqual(misspeltRuleNotes(steps('Cell-Whitespace'), 'fr'), [
    '/steps/0 (étape 1) : aucune règle ne s’appelle « Cell-Whitespace », vouliez-vous dire cell-whitespace ? Cette étape ne corrige rien.',
  ]);
  // Rules, schema findings, custom checks, the standardise step: no note. Nor for a name close to nothing.
  const fine = steps('blank-row', 'type-error', 'missing-label', 'extra-label', 'siret', 'code-postal', 'standardise', 'my-own-check');
  assert.deepEqual(misspeltRuleNotes(fine, 'en'), []);
});

test('odw clean prints the note on stderr, still cleans with the other steps and exits 0', async () => {
  const csv = join(dir, 'in.csv');
  writeFileSync(csv, 'nom;montant\n Laval ;12\n\n');
  const recipe = join(dir, 'r.json');
  writeFileSync(recipe, JSON.stringify({ version: 1, steps: [{ rule: 'cell-whitespace' }, { rule: 'blank-rwo' }] }));
  const out = join(dir, 'out.csv');
  const r = await runOdw('clean', csv, '--recipe', recipe, '--out', out);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, `${recipe}: /steps/1 (step 2): no rule is named "blank-rwo": did you mean blank-row? This step fixes nothing.\n`);
  // The whitespace was fixed; the blank row, which the misspelt step meant, was left.
  assert.equal(readFileSync(out, 'utf8').replace(/\r\n/g, '\n'), 'nom;montant\nLaval;12\n\n');
  const fr = await runOdw('clean', csv, '--recipe', recipe, '--out', out, '--lang', 'fr');
  assert.match(fr.err, /^.*r\.json : \/steps\/1 \(étape 2\) : aucune règle ne s’appelle « blank-rwo », vouliez-vous dire blank-row \? /);
});
