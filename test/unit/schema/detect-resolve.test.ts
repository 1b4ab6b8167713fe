// Which schema applies: catalog names, files, datapackage resources, glob settings, and
// auto-detection from the header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog, catalogEntry } from '../../../src/core/schema/catalog';
import { detectSchema } from '../../../src/core/schema/detect';
import { globMatches } from '../../../src/core/schema/glob';
import { findDataPackage, resolveSchemaArg, schemaForPath } from '../../../src/core/schema/resolve';
import { fixture } from './fixtures';

test('the catalog bundles the SCDL and Etalab schemas, all usable', () => {
  assert.deepEqual(
    catalog.map((e) => e.name),
    [
      'scdl/subventions',
      'scdl/budget',
      'scdl/deliberations',
      'scdl/equipements',
      'scdl/catalogue',
      'etalab/schema-irve-statique',
      'etalab/schema-irve-dynamique',
      'etalab/schema-stationnement',
      'etalab/schema-catalogue-donnees',
    ],
  );
  for (const e of catalog) {
    const r = resolveSchemaArg(e.name);
    assert.ok(r.compiled, e.name);
    assert.deepEqual(r.diagnostics, [], e.name);
  }
  assert.equal(catalogEntry('SCDL/Subventions@2.1.1')?.name, 'scdl/subventions');
  assert.equal(catalogEntry('scdl/budget/latest')?.name, 'scdl/budget');
  assert.equal(catalogEntry('subventions')?.name, 'scdl/subventions');
});

test('resolveSchemaArg: a file path, and failures as diagnostics', () => {
  const r = resolveSchemaArg(fixture('standards', 'scdl-budget', 'schema.json'));
  assert.equal(r.source, 'file');
  assert.deepEqual(r.ref, { name: 'budget', version: '0.8.3' });
  const unknown = resolveSchemaArg('scdl/nope');
  assert.equal(unknown.compiled, null);
  assert.equal(unknown.diagnostics[0].rule, 'schema-error');
  assert.equal(resolveSchemaArg('/no/such/schema.json').compiled, null);
});

test('detectSchema scores header matches, forgiving case and accents', () => {
  const subv = catalogEntry('scdl/subventions')!.descriptor.fields.map((f) => f.name);
  const d = detectSchema(subv.slice(0, 14).map((n) => n.toUpperCase()));
  assert.deepEqual([d?.ref.name, d?.matched, d?.total], ['scdl/subventions', 14, 16]);
  assert.equal(detectSchema(['Département', 'Budget', 'Montant']), null);
  assert.equal(detectSchema(['nomAttribuant', 'objet', 'x', 'y', 'z', 'w', 'v', 'u']), null, 'too few columns in common');
  const stat = catalogEntry('etalab/schema-stationnement')!.descriptor.fields.map((f) => f.name);
  assert.equal(detectSchema(stat)?.ref.name, 'etalab/schema-stationnement');
});

test('schemaForPath: datapackage resource first, then the glob setting', () => {
  const dir = fixture('standards', 'etalab-schema-irve');
  const dp = { descriptor: JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')), dir };
  const file = join(dir, 'statique', 'exemple-valide-statique.csv');
  assert.deepEqual(schemaForPath(file, dp, { '**/*.csv': 'scdl/budget' }), {
    from: 'datapackage',
    schema: 'statique/schema-statique.json',
    baseDir: dir,
    resource: 'irve-statique',
  });
  assert.deepEqual(
    schemaForPath('/w/data/subventions-2024.csv', null, { '**/budget*.csv': 'scdl/budget', 'subventions*.csv': 'scdl/subventions' }),
    { from: 'setting', schema: 'scdl/subventions', glob: 'subventions*.csv' },
  );
  assert.equal(schemaForPath('/w/x.csv', null, null), null);
  assert.equal(
    findDataPackage(file, (p) => p === join(dir, 'datapackage.json')),
    join(dir, 'datapackage.json'),
  );
});

test('globs: ** crosses folders, * does not, {a,b} alternates', () => {
  assert.ok(globMatches('**/data/*.csv', '/w/data/a.csv'));
  assert.ok(!globMatches('data/*.csv', '/w/data/sub/a.csv'));
  assert.ok(globMatches('*.{csv,tsv}', '/w/a.tsv'));
  assert.ok(globMatches('**/*', '/w/a.csv'));
});

test('a datapackage next to the data names the schema for lintFile', async () => {
  const { lintFile } = await import('../../../src/core/lint-file');
  const dir = mkdtempSync(join(tmpdir(), 'odw-dp-'));
  writeFileSync(
    join(dir, 'datapackage.json'),
    JSON.stringify({ resources: [{ name: 'r', path: 'data.csv', schema: { name: 'mine', fields: [{ name: 'n', type: 'integer' }] } }] }),
  );
  writeFileSync(join(dir, 'data.csv'), 'n\n1\nx\n');
  const r = await lintFile(join(dir, 'data.csv'));
  assert.deepEqual(r.schema, { name: 'mine', version: null });
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.row}:${d.rule}`),
    ['3:type-error'],
  );
});
