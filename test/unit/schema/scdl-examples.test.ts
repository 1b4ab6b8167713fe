// The official SCDL and Etalab example files: valid ones pass, invalid ones report the
// defects they were written to show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/model';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { schemaCheck } from '../../../src/core/schema/validate';
import { fixture, lintFixture } from './fixtures';

function lintWith(schema: string, ...path: string[]): Diagnostic[] {
  const r = resolveSchemaArg(schema);
  assert.ok(r.compiled, schema);
  return lintFixture(fixture('standards', ...path), { maxProblems: 10000, checks: [schemaCheck(r.compiled, { schemaName: r.ref.name })] });
}
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const at = (ds: Diagnostic[], row: number, rule: string, field?: string) =>
  ds.some((d) => d.row === row && d.rule === rule && (field === undefined || d.field === field));

test('valid examples have no errors', () => {
  assert.deepEqual(errors(lintWith('scdl/subventions', 'scdl-subventions', 'exemples', 'exemple_valide.csv')), []);
  assert.deepEqual(errors(lintWith('etalab/schema-stationnement', 'etalab-schema-stationnement', 'exemple-valide.csv')), []);
  assert.deepEqual(errors(lintWith('etalab/schema-irve-statique', 'etalab-schema-irve', 'statique', 'exemple-valide-statique.csv')), []);
  assert.deepEqual(errors(lintWith('etalab/schema-irve-dynamique', 'etalab-schema-irve', 'dynamique', 'exemple-valide-dynamique.csv')), []);
  assert.deepEqual(errors(lintWith('etalab/schema-catalogue-donnees', 'etalab-schema-catalogue-donnees', 'exemple-valide.csv')), []);
});

test('subventions, cell errors: each planted defect is reported', () => {
  const ds = lintWith('scdl/subventions', 'scdl-subventions', 'exemples', 'exemple_invalide_erreurs_cellules.csv');
  assert.ok(at(ds, 2, 'constraint-error', 'pourcentageSubvention'), '100 > maximum 1');
  assert.ok(at(ds, 5, 'type-error', 'dateConvention'), '05/12/2016 is not ISO');
  assert.ok(at(ds, 5, 'constraint-error', 'rnaBeneficiaire'), 'W3222 does not match ^W\\d{9}$');
  assert.ok(at(ds, 6, 'type-error', 'montant'), 'decimal comma');
  assert.ok(at(ds, 6, 'type-error', 'notificationUE'), '"no" is not oui/non');
  assert.ok(at(ds, 6, 'french-siret-value', 'idBeneficiaire'), '.0 suffix');
  assert.ok(
    at(ds, 7, 'constraint-error', 'idAttribuant') && at(ds, 7, 'french-siret-value', 'idAttribuant'),
    'a SIREN where a SIRET is required',
  );
  assert.ok(at(ds, 8, 'constraint-error', 'datesPeriodeVersement'), '_ instead of /');
  assert.ok(at(ds, 9, 'one-of-required'), 'no beneficiary identifier at all');
  assert.ok(at(ds, 10, 'constraint-error', 'montant'), 'required amount missing');
  assert.ok(at(ds, 16, 'constraint-error', 'nature'), 'not in the enum');
  assert.match(ds.find((d) => d.row === 7 && d.rule === 'french-siret-value')!.message, /SIREN \(9 digits/);
});

test('subventions, column errors: rename fix, order and missing column', () => {
  const ds = lintWith('scdl/subventions', 'scdl-subventions', 'exemples', 'exemple_invalide_erreurs_colonnes.csv');
  const rename = ds.find((d) => d.rule === 'incorrect-label')!;
  assert.equal(rename.column, 5);
  assert.deepEqual(rename.fix, { kind: 'set-cell', value: 'nomBeneficiaire' });
  assert.ok(
    ds.some((d) => d.rule === 'disordered-header-warn'),
    'idAttribuant and nomAttribuant are swapped',
  );
  assert.ok(ds.some((d) => d.rule === 'missing-header-warn' && /dispositifAide/.test(d.message)));
  // The swapped columns are matched by name: no cell of nomAttribuant is read as a SIRET.
  assert.ok(!ds.some((d) => d.rule === 'french-siret-value' && d.field === 'nomAttribuant'));
});

test('stationnement: the invalid example reports its three planted errors', () => {
  const ds = errors(lintWith('etalab/schema-stationnement', 'etalab-schema-stationnement', 'exemple-invalide.csv'));
  assert.deepEqual(ds.map((d) => `${d.field}:${d.rule}`).sort(), [
    'id:constraint-error',
    'num_siret:french-siret-value',
    'tarif_pmr:constraint-error',
  ]);
});
