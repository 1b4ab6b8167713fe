// Fidelity: every example file of the catalog's schemas that the reference folder holds
// (copied into test/fixtures/standards, sources in its SOURCES.md) gives the verdict its name
// says against the catalog's latest version (or the version the example was published with):
// "valide" → no error, "invalide" → errors. Only the schema's verdict counts (Validata's):
// the product's own rules (personal data, formatting) are not part of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { schemaCheck } from '../../../src/core/schema/validate';
import { fixture, lintFixture } from '../schema/fixtures';
import { ruleIds } from '../../../src/core/rules/ids';
import type { Diagnostic } from '../../../src/core/model';

/** Fixture folder → the catalog schema its examples are written for. */
const SCHEMA_OF: [RegExp, string][] = [
  [/^scdl-subventions\//, 'scdl/subventions'],
  [/^etalab-schema-stationnement\//, 'etalab/schema-stationnement'],
  [/^etalab-schema-catalogue-donnees\//, 'etalab/schema-catalogue-donnees'],
  [/^etalab-schema-irve\/statique\//, 'etalab/schema-irve-statique'],
  [/^etalab-schema-irve\/dynamique\//, 'etalab/schema-irve-dynamique'],
  // Examples the schema repositories ship at the version the catalog links them from.
  [/^catalog-examples\/datagouv-schema-fontaine-eau\//, 'datagouv/schema-fontaine-eau@0.1.0'],
  [/^catalog-examples\/etalab-schema-sdirve\//, 'etalab/schema-sdirve@0.1.0'],
  [/^catalog-examples\/openmaraude-schema-stationstaxi\//, 'openmaraude/schema-stationstaxi@0.1.2'],
  [/^catalog-examples\/etalab-schema-passage-a-niveau\//, 'etalab/schema-passage-a-niveau@0.1.0'],
  [/^catalog-examples\/etalab-schema-lieux-covoiturage\//, 'etalab/schema-lieux-covoiturage@0.2.0'],
  [/^catalog-examples\/CEREMA-schema-arrete-circulation-marchandises\//, 'CEREMA/schema-arrete-circulation-marchandises@0.9.2'],
  [/^catalog-examples\/etalab-schema-stationnement-cyclable\//, 'etalab/schema-stationnement-cyclable@1.1.1'],
  [/^catalog-examples\/etalab-schema-impact-service-public-numerique\//, 'etalab/schema-impact-service-public-numerique@0.5.0'],
  [/^catalog-examples\/etalab-schema-flotte-publique-vehicule\//, 'etalab/schema-vehicules-faibles-emissions-renouvellement-parc@0.1.3'],
];

/** What an invalid example's name promises, beyond "some error": the kind of errors it holds. */
const NAMED_ERRORS: [RegExp, string, (d: Diagnostic) => boolean][] = [
  [/erreurs_colonnes/, 'an error on the header row', (d) => d.row === 1],
  [/erreurs_cellules/, 'an error on a data cell', (d) => (d.row ?? 0) >= 2 && d.column !== null],
  [/french_siret_error/, 'a french-siret-value error', (d) => d.rule === 'french-siret-value'],
  [/one_of_required/, 'a one-of-required error', (d) => d.rule === 'one-of-required'],
  [/constraint_error/, 'a constraint-error', (d) => d.rule === 'constraint-error'],
];

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? csvFiles(p) : /\.csv$/i.test(f) ? [p] : [];
  });
}

test('every example file of the catalog in the fixtures gives the verdict its name says', () => {
  const root = fixture('standards');
  const files = csvFiles(root);
  let checked = 0;
  for (const file of files) {
    const rel = relative(root, file).replace(/\\/g, '/');
    const name = SCHEMA_OF.find(([re]) => re.test(rel))?.[1];
    assert.ok(name, `${rel}: no catalog schema known for it`);
    const r = resolveSchemaArg(name);
    assert.ok(r.compiled && r.source === 'catalog', name);
    const errors = lintFixture(file, { maxProblems: 100000, checks: [schemaCheck(r.compiled, { schemaName: name })] }).filter(
      (d) => d.severity === 'error' && !ruleIds.has(d.rule),
    );
    const base = rel.split('/').pop()!;
    if (/invalide|non-valide/i.test(base)) {
      assert.ok(errors.length > 0, `${rel} (${name} ${r.ref.version}): expected errors`);
      for (const [re, what, is] of NAMED_ERRORS)
        if (re.test(base)) assert.ok(errors.some(is), `${rel}: its name promises ${what}; got ${errors.map((d) => d.rule).join(', ')}`);
    } else if (/valide/i.test(base))
      assert.deepEqual(
        errors.map((d) => `${d.row}:${d.rule}:${d.message}`),
        [],
        `${rel} (${name} ${r.ref.version})`,
      );
    else continue;
    checked++;
  }
  assert.ok(checked >= 30, `${checked} examples checked`);
});
