// A refused recipe, said in the user's language: French words and « » under --lang fr for every
// kind of mistake (wrong types, unknown operation, missing property…), English as ajv words it.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOdw } from '../helpers';
import { parseRecipe } from '../../../src/core/clean/recipe';

const dir = mkdtempSync(join(tmpdir(), 'odw-recipe-lang-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const std = (fields: object, table?: object) =>
  JSON.stringify({
    version: 1,
    steps: [{ rule: 'standardise', standardise: { schema: { name: 'scdl/subventions' }, fields, ...(table ? { table } : {}) } }],
  });

/** Bad recipes: what English says (ajv's words, unchanged) and what French must say for the same line. */
const CASES: { name: string; text: string; en: string; fr: string }[] = [
  { name: 'not JSON', text: '{"version": 1,', en: 'invalid JSON: ', fr: 'JSON invalide : ' },
  { name: 'wrong version', text: '{"version": 2, "steps": []}', en: '/version must be equal to constant', fr: '/version doit valoir 1' },
  { name: 'steps not a list', text: '{"version": 1, "steps": {}}', en: '/steps must be array', fr: '/steps doit être de type tableau' },
  {
    name: 'missing steps',
    text: '{"version": 1}',
    en: "/ must have required property 'steps'",
    fr: '/ doit avoir la propriété obligatoire « steps »',
  },
  {
    name: 'unknown property',
    text: '{"version": 1, "steps": [], "owner": "x"}',
    en: '/ must NOT have additional properties',
    fr: '/ ne doit pas avoir la propriété « owner »',
  },
  {
    name: 'rule name',
    text: '{"version": 1, "steps": [{"rule": "Bad Rule"}]}',
    en: '/steps/0/rule must match pattern "^[a-z0-9][a-z0-9-]*$"',
    fr: '/steps/0/rule doit correspondre au motif « ^[a-z0-9][a-z0-9-]*$ »',
  },
  {
    name: 'rule not a string',
    text: '{"version": 1, "steps": [{"rule": 3}]}',
    en: '/steps/0/rule must be string',
    fr: '/steps/0/rule doit être de type chaîne',
  },
  {
    name: 'unknown fix',
    text: '{"version": 1, "steps": [{"rule": "blank-row", "fix": "zap"}]}',
    en: '/steps/0/fix must be equal to one of the allowed values',
    fr: '/steps/0/fix doit valoir l’une de ces valeurs : set-cell, delete-row, delete-column, quote-cells, line-endings, reencode',
  },
  {
    name: 'step 0',
    text: '{"version": 1, "steps": [{"rule": "blank-row", "step": 0}]}',
    en: '/steps/0/step must be >= 1',
    fr: '/steps/0/step doit valoir au moins 1',
  },
  {
    name: 'a column twice',
    text: '{"version": 1, "steps": [{"rule": "cell-whitespace", "fields": ["a", "a"]}]}',
    en: '/steps/0/fields must NOT have duplicate items (items ## 1 and 0 are identical)',
    fr: '/steps/0/fields ne doit pas contenir de doublons (les éléments 1 et 0 sont identiques)',
  },
  {
    name: 'unknown date format',
    text: '{"version": 1, "steps": [{"rule": "date-format", "formats": {"d": "dd/mm"}}]}',
    en: '/steps/0/formats/d must be equal to one of the allowed values',
    fr: '/steps/0/formats/d doit valoir l’une de ces valeurs : iso, iso-datetime, dd/mm/yyyy,',
  },
  {
    name: 'bad date',
    text: '{"version": 1, "steps": [{"rule": "blank-row", "appliedAt": "hier"}]}',
    en: '/steps/0/appliedAt must match format "date-time"',
    fr: '/steps/0/appliedAt doit être une date et heure ISO 8601 (format date-time)',
  },
  {
    name: 'unknown operation',
    text: std({ nomAttribuant: { colum: 'Nom' } }),
    en: '/steps/0/standardise/fields/nomAttribuant (step 1) has an unknown source "colum": did you mean column?',
    fr: '/steps/0/standardise/fields/nomAttribuant (étape 1) a une source inconnue « colum » : vouliez-vous dire column ?',
  },
  {
    name: 'empty column name',
    text: std({ nomAttribuant: { column: '' } }),
    en: '/steps/0/standardise/fields/nomAttribuant/column must NOT have fewer than 1 characters',
    fr: '/steps/0/standardise/fields/nomAttribuant/column ne doit pas être vide',
  },
  {
    name: 'split part 0',
    text: std({ nomAttribuant: { split: 'Nom', sep: '-', part: 0 } }),
    en: '/steps/0/standardise/fields/nomAttribuant/part must NOT be valid',
    fr: '/steps/0/standardise/fields/nomAttribuant/part ne doit pas valoir 0 (1 = première partie, -1 = dernière)',
  },
  {
    name: 'unpivot without columns',
    text: std({}, { unpivot: { columns: [], name: 'annee', value: 'montant' } }),
    en: '/steps/0/standardise/table/unpivot/columns must NOT have fewer than 1 items',
    fr: '/steps/0/standardise/table/unpivot/columns doit contenir au moins 1 élément',
  },
  {
    name: 'drop where without its values',
    text: std({}, { drop: { where: [{ column: 'Type' }] } }),
    en: "/steps/0/standardise/table/drop/where/0 must have required property 'equals'",
    fr: '/steps/0/standardise/table/drop/where/0 doit avoir la propriété obligatoire « equals »',
  },
  {
    name: 'schema without a name',
    text: JSON.stringify({ version: 1, steps: [{ rule: 'standardise', standardise: { schema: {}, fields: {} } }] }),
    en: "/steps/0/standardise/schema must have required property 'name'",
    fr: '/steps/0/standardise/schema doit avoir la propriété obligatoire « name »',
  },
];

/** Words ajv or Node would have left in a French line. */
const ENGLISH =
  /\b(must|have|property|properties|allowed|valid|invalid|match|items?|characters|fewer|equal to|array|string|Unexpected|Expected)\b/;

test('a refused recipe is said in French under lang fr, line for line with the English', () => {
  for (const c of CASES) {
    const en = parseRecipe(c.text).errors;
    const fr = parseRecipe(c.text, 'fr').errors;
    assert.ok(en.length > 0, c.name);
    assert.ok(
      en.some((l) => l.startsWith(c.en)),
      `${c.name}: ${en.join(' | ')}`,
    );
    assert.ok(
      fr.some((l) => l.startsWith(c.fr)),
      `${c.name}: ${fr.join(' | ')}`,
    );
    assert.equal(fr.length, en.length, c.name);
    for (const [i, line] of fr.entries()) {
      // The same place in the file, then French words and French quotes.
      assert.equal(line.split(' ')[0], c.name === 'not JSON' ? 'JSON' : en[i].split(' ')[0], c.name);
      assert.doesNotMatch(line, /[“”']/, `${c.name}: ${line}`);
      assert.doesNotMatch(line.replace(/« [^»]* »/g, '').replace(/^\S+/, ''), ENGLISH, `${c.name}: ${line}`);
    }
  }
});

test('the English refusal keeps ajv’s words exactly', () => {
  assert.deepEqual(parseRecipe('{"version": 2, "steps": "x", "foo": 1}').errors, [
    '/ must NOT have additional properties',
    '/version must be equal to constant',
    '/steps must be array',
  ]);
  assert.match(parseRecipe('{').errors[0], /^invalid JSON: .*JSON/);
  assert.deepEqual(parseRecipe('{"version": 1, "steps": [{"rule": "blank-row"}]}', 'fr').errors, []);
});

test('odw clean and odw standardise refuse a bad recipe in the command line’s language, exit 2', async () => {
  const csv = join(dir, 'in.csv');
  writeFileSync(csv, 'a;b\n1;2\n');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"version": 1, "steps": {}}');
  const typo = join(dir, 'typo.json');
  writeFileSync(typo, std({ nomAttribuant: { colum: 'Nom' } }));
  const out = join(dir, 'out.csv');
  for (const cmd of ['clean', 'standardise']) {
    const fr = await runOdw(cmd, csv, '--recipe', bad, '--out', out, '--lang', 'fr');
    assert.equal(fr.code, 2, cmd);
    assert.equal(fr.err, `${bad} : /steps doit être de type tableau\n`, cmd);
    const en = await runOdw(cmd, csv, '--recipe', bad, '--out', out, '--lang', 'en');
    assert.equal(en.code, 2, cmd);
    assert.equal(en.err, `${bad}: /steps must be array\n`, cmd);
    const t = await runOdw(cmd, csv, '--recipe', typo, '--out', out, '--lang', 'fr');
    assert.equal(t.code, 2, cmd);
    // One line for the misspelt source, not one per kind of source.
    assert.equal(
      t.err,
      `${typo} : /steps/0/standardise/fields/nomAttribuant (étape 1) a une source inconnue « colum » : vouliez-vous dire column ?\n`,
      cmd,
    );
    assert.doesNotMatch(t.err, /[“”]|\bmust\b|\bproperty\b/, cmd);
  }
});
