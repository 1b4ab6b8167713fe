// Header against schema: Validata's by-name semantics by default, v2 fieldsMatch on request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchema } from '../../../src/core/schema/compile';
import { schemaCheck } from '../../../src/core/schema/validate';
import { lintText } from './fixtures';

const schema = compileSchema({
  name: 'demo',
  fields: [
    { name: 'idRAE', constraints: { required: true } },
    { name: 'nomBeneficiaire' },
    { name: 'montant', type: 'number', constraints: { required: true } },
    { name: 'notes' },
  ],
});
const lint = (text: string, match?: 'exact') => lintText(text, { checks: [schemaCheck(schema, { match })] });

test('case, accent and spacing variants get a rename fix on the header cell', () => {
  const ds = lint('IdRAE,NOM_Beneficiaire,montant,notes\n1,a,2,\n');
  const renames = ds.filter((d) => d.rule === 'incorrect-label');
  assert.deepEqual(
    renames.map((d) => [d.column, d.severity, d.fix]),
    [
      [1, 'error', { kind: 'set-cell', value: 'idRAE' }],
      [2, 'warning', { kind: 'set-cell', value: 'nomBeneficiaire' }],
    ],
  );
  assert.equal(renames[0].line, 1);
  // The renamed columns are still validated.
  assert.equal(ds.filter((d) => d.rule.startsWith('missing')).length, 0);
});

test('missing required = error, missing optional / extra / reordered = warnings', () => {
  const ds = lint('nomBeneficiaire,idRAE,autre\na,1,x\n');
  const rules = ds
    .filter((d) => d.rule !== 'constraint-error')
    .map((d) => `${d.rule}:${d.severity}`)
    .sort();
  assert.deepEqual(rules, [
    'disordered-header-warn:warning',
    'extra-header-warn:warning',
    'missing-header-warn:warning',
    'missing-required-header:error',
  ]);
  assert.equal(ds.find((d) => d.rule === 'extra-header-warn')!.column, 3);
});

test('exact mode is positional, as frictionless by default', () => {
  const ds = lint('nomBeneficiaire,idRAE,montant,notes\na,1,2,\n', 'exact');
  assert.deepEqual(
    ds.filter((d) => d.rule === 'incorrect-label').map((d) => d.column),
    [1, 2],
  );
});

test('a type error hides the constraints of its cell; missing values are null', () => {
  const s = compileSchema({
    fields: [
      { name: 'n', type: 'integer', constraints: { minimum: 10, required: true } },
      { name: 'm', missingValues: ['NA'], constraints: { required: true } },
    ],
  });
  const ds = lintText('n,m\nx,NA\n5,ok\n,ok\n', { checks: [schemaCheck(s)] });
  assert.deepEqual(
    ds.map((d) => `${d.row}:${d.column}:${d.rule}`),
    ['2:1:type-error', '2:2:constraint-error', '3:1:constraint-error', '4:1:constraint-error'],
  );
});

test('uniqueKeys (v2) and forward self-references', () => {
  const s = compileSchema({
    fields: [{ name: 'id', type: 'integer' }, { name: 'parent', type: 'integer' }, { name: 'a' }, { name: 'b' }],
    uniqueKeys: [['a', 'b']],
    foreignKeys: [{ fields: 'parent', reference: { resource: '', fields: 'id' } }],
  });
  const ds = lintText('id,parent,a,b\n1,3,x,y\n2,,x,z\n3,1,x,y\n4,9,,\n', { checks: [schemaCheck(s)] });
  assert.deepEqual(
    ds.map((d) => `${d.row}:${d.rule}`),
    ['4:unique-error', '5:foreign-key'],
  );
});

test('past maxProblems reports are still counted, by severity', async () => {
  const { lintCsvText } = await import('../../../src/core/lint-csv');
  const s = compileSchema({
    fields: [{ name: 'n', type: 'integer' }, { name: 'siret' }],
    custom_checks: [{ name: 'french-siret-value', params: { column: 'siret' } }],
  });
  const text = 'n,siret\n' + Array.from({ length: 20 }, (_, i) => `x${i},35181600000000\n`).join('');
  const r = lintCsvText(text, { maxProblems: 5, checks: [schemaCheck(s, { maxProblems: 5 })] });
  assert.equal(r.diagnostics.length, 5);
  assert.ok(r.diagnostics.every((d) => d.message.length > 0 && d.line !== null));
  assert.equal(r.dropped, 35);
});
