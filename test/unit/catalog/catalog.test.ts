import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledCatalog } from '../../../src/core/catalog/load';
import { diffSchemas, describeDiff } from '../../../src/core/catalog/diff';
import { compareVersions, splitSchemaArg } from '../../../src/core/catalog/version';
import { parseCatalogText } from '../../../src/core/catalog/raw';
import { catalogEntry } from '../../../src/core/schema/catalog';
import { detectSchema } from '../../../src/core/schema/detect';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { customChecks } from '../../../src/core/checks/registry';
import { compileSchema } from '../../../src/core/schema/compile';
import { schemaCheck } from '../../../src/core/schema/validate';
import { lintText, toCsv } from '../schema/fixtures';

test('the bundled catalog holds every table schema of schema.data.gouv.fr, every version', () => {
  const c = bundledCatalog();
  const own = c.tables.filter((t) => !t.partOf || c.entries.some((e) => e.name === t.name));
  assert.equal(c.entries.filter((e) => e.schema_type === 'tableschema').length, 60);
  assert.equal(own.length, 60);
  const versions = own.reduce((n, t) => n + t.versions.length, 0);
  assert.ok(versions >= 160, `${versions} versions`);
  for (const t of own) for (const v of t.versions) assert.ok(c.descriptor(t, v.version), `${t.name}@${v.version} has a descriptor`);
  // Data packages are listed as their parts; a part the catalog lists on its own keeps its files.
  const irve = c.find('etalab/schema-irve-statique')!;
  assert.equal(irve.partOf?.name, 'etalab/schema-irve');
  assert.ok(c.find('etalab/schema-indice-durabilite-televiseur')?.partOf);
  // Every part of every data package has its file offline too (data/catalog-part-aliases.json).
  const parts = c.tables.filter((t) => t.partOf && !own.includes(t));
  assert.ok(parts.length >= 25, `${parts.length} parts`);
  for (const t of parts) for (const v of t.versions) assert.ok(c.descriptor(t, v.version), `part ${t.name}@${v.version} has a descriptor`);
  // schema.yml entries (type "other") are not table schemas.
  assert.equal(c.find('etalab/schema-bal'), undefined);
});

test('the nine schemas keep their names; versions by @, /version or /latest', () => {
  for (const n of [
    'scdl/subventions',
    'scdl/budget',
    'scdl/deliberations',
    'scdl/equipements',
    'scdl/catalogue',
    'etalab/schema-irve-statique',
    'etalab/schema-irve-dynamique',
    'etalab/schema-stationnement',
    'etalab/schema-catalogue-donnees',
  ])
    assert.equal(catalogEntry(n)?.name, n);
  assert.equal(catalogEntry('scdl/subventions@2.0.2')?.version, '2.0.2');
  assert.equal(catalogEntry('scdl/subventions@2.0.2')?.descriptor.fields.length, 14);
  assert.equal(catalogEntry('scdl/subventions/latest')?.version, '2.1.1');
  assert.equal(catalogEntry('scdl/subventions@7.0.0'), undefined);
  assert.deepEqual(splitSchemaArg('scdl/subventions/2.0.2'), { name: 'scdl/subventions', version: '2.0.2' });
  assert.ok(compareVersions('2.10.0', '2.9.1') > 0);
  assert.ok(compareVersions('v2.3.0', '2.3.1') < 0);
});

test('linting against an older version says a newer one exists and what changed', () => {
  const r = resolveSchemaArg('scdl/subventions@2.0.2');
  assert.ok(r.compiled);
  const notice = r.diagnostics.find((d) => d.rule === 'schema-outdated');
  assert.match(notice!.message, /2\.1\.1 exists.*fields added: rnaBeneficiaire, dispositifAide/);
  assert.equal(resolveSchemaArg('scdl/subventions').diagnostics.length, 0);
  const bad = resolveSchemaArg('scdl/subventions@9.9.9');
  assert.equal(bad.compiled, null);
  assert.match(bad.diagnostics[0].message, /no version 9\.9\.9 \(versions: .*2\.0\.2/);
});

test('diffSchemas: added, removed, renamed, constraints', () => {
  const a = {
    fields: [
      { name: 'a', type: 'string', title: 'A' },
      { name: 'old', type: 'integer', title: 'Count' },
      { name: 'c', constraints: { required: true, enum: ['x', 'y'] } },
      { name: 'gone' },
    ],
  };
  const b = {
    fields: [
      { name: 'a', type: 'integer', title: 'A' },
      { name: 'count', type: 'integer', title: 'count' },
      { name: 'c', constraints: { enum: ['x', 'z'] } },
      { name: 'new' },
    ],
  };
  const d = diffSchemas(a, b);
  assert.deepEqual(d.renamed, [{ from: 'old', to: 'count' }]);
  assert.deepEqual(d.removed, ['gone']);
  assert.deepEqual(d.added, ['new']);
  assert.deepEqual(d.changed, [
    { field: 'a', changes: ['type string → integer'] },
    { field: 'c', changes: ['enum +z −y', 'required true → —'] },
  ]);
  assert.match(describeDiff(d, 'fr'), /champs renommés : old → count/);
  assert.match(describeDiff(d, 'fr'), /c \(enum \+z −y ; required true → —\)/);
  assert.match(describeDiff(d, 'en'), /c \(enum \+z −y; required true → —\)/);
});

test('detection covers every schema and version of the catalog, fast', () => {
  const cov = catalogEntry('etalab/schema-lieux-covoiturage@0.3.0')!;
  const header = cov.descriptor.fields.map((f) => f.name.toUpperCase()).slice(0, -1);
  const d = detectSchema(header)!;
  assert.equal(d.ref.name, 'etalab/schema-lieux-covoiturage');
  assert.equal(d.matched, header.length);
  // A header that only the older version has: its version is chosen.
  const subv202 = catalogEntry('scdl/subventions@2.0.2')!.descriptor.fields.map((f) => f.name);
  assert.equal(detectSchema(subv202)?.ref.version, '2.0.2');
  const t = process.hrtime.bigint();
  for (let i = 0; i < 50; i++) detectSchema(header);
  const ms = Number(process.hrtime.bigint() - t) / 1e6 / 50;
  assert.ok(ms < 20, `${ms} ms per header`);
});

test('a hostile catalog document is refused with a reason', () => {
  assert.match((parseCatalogText('{"schemas": [{"name": "a/b"') as { reason: string }).reason, /not valid JSON.*truncated/);
  assert.match((parseCatalogText('['.repeat(100_000)) as { reason: string }).reason, /nested more than/);
  assert.match((parseCatalogText('{"schemas": "no"}') as { reason: string }).reason, /no "schemas" list/);
  assert.match((parseCatalogText('{"schemas": [{"name": 3}]}') as { reason: string }).reason, /name is not/);
  assert.match(
    (
      parseCatalogText('{"schemas": [{"name": "a/b", "schema_type": "tableschema", "versions": [{"version_name": "1"}]}]}') as {
        reason: string;
      }
    ).reason,
    /version_name \/ schema_url/,
  );
  assert.match((parseCatalogText(' '.repeat(20_000_001)) as { reason: string }).reason, /larger than/);
});

test('a header detected as an older version gets the newer-version notice', async () => {
  const { tasks } = await import('../../../src/core/worker/tasks');
  const header = catalogEntry('scdl/subventions@2.0.2')!
    .descriptor.fields.map((f) => f.name)
    .join(',');
  const r = await tasks.lintTextWithSchema({ text: `${header}\n`, options: { lang: 'fr' } });
  assert.deepEqual(r.schema, { name: 'scdl/subventions', version: '2.0.2' });
  assert.match(
    r.schemaDiagnostics.map((d) => d.message).join(),
    /2\.0\.2 n’est pas la dernière version : la 2\.1\.1 existe \(champs ajoutés : rnaBeneficiaire, dispositifAide/,
  );
  const latest = catalogEntry('scdl/subventions')!
    .descriptor.fields.map((f) => f.name)
    .join(',');
  assert.deepEqual((await tasks.lintTextWithSchema({ text: `${latest}\n`, options: { lang: 'fr' } })).schemaDiagnostics, []);
});

test('detection: ties between schemas go to the better share of required fields', () => {
  const entry = (name: string, fields: [string, boolean][]) => ({
    name,
    version: '1.0.0',
    title: name,
    path: '',
    descriptor: { fields: fields.map(([n, required]) => ({ name: n, constraints: { required } })) },
  });
  // Both schemas have 4 fields and 3 of them in the header: a tie on coverage.
  const a = entry('t/a', [
    ['id', false],
    ['nom', false],
    ['commune', false],
    ['x', true],
  ]);
  const b = entry('t/b', [
    ['id', true],
    ['nom', true],
    ['commune', false],
    ['y', false],
  ]);
  const header = ['id', 'nom', 'commune'];
  for (const order of [
    [a, b],
    [b, a],
  ]) {
    const d = detectSchema(header, order)!;
    assert.equal(d.ref.name, 't/b', 'its two required fields are present');
    assert.deepEqual([d.matched, d.total, d.requiredMatched, d.requiredTotal], [3, 4, 2, 2]);
  }
});

test('detection: every version of every table schema is recognised from its own header', () => {
  const c = bundledCatalog();
  let versions = 0;
  for (const t of c.tables)
    for (const v of t.versions) {
      const d = c.descriptor(t, v.version);
      // Parts whose files the bundled copy lacks, and 2-field lists below the detection floor.
      if (!d || d.fields.length < 3) continue;
      versions++;
      const header = d.fields.map((f) => f.name);
      const got = detectSchema(header);
      assert.ok(got, `${t.name}@${v.version}: not detected`);
      if (got.ref.name === t.name) continue;
      // Another schema may hold exactly the same fields (a schema republished under a new name).
      const other = c.descriptor(
        c.tables.find((x) => x.name === got.ref.name)!,
        got.ref.version,
      )!;
      assert.deepEqual(
        other.fields.map((f) => f.name).sort(),
        [...header].sort(),
        `${t.name}@${v.version} detected as ${got.ref.name}@${got.ref.version}`,
      );
    }
  assert.ok(versions >= 130, `${versions} versions`);
});

test('every custom check any catalog schema names is known and runs without a check error', () => {
  const c = bundledCatalog();
  const known = new Set(customChecks.map((k) => k.name));
  const named = new Set<string>();
  let versions = 0;
  for (const t of c.tables)
    for (const v of t.versions) {
      const d = c.descriptor(t, v.version);
      if (!d?.custom_checks?.length) continue;
      versions++;
      for (const k of d.custom_checks) {
        named.add(k.name);
        assert.ok(known.has(k.name), `${t.name}@${v.version}: ${k.name} is not supported`);
      }
      // The schema's own header: every check finds its columns and accepts its parameters.
      const header = d.fields.map((f) => f.name);
      const ds = lintText(toCsv([header, header.map(() => '')]), { lang: 'en', checks: [schemaCheck(compileSchema(d))] });
      assert.deepEqual(
        ds.filter((x) => x.rule === 'check-error').map((x) => x.message),
        [],
        `${t.name}@${v.version}`,
      );
    }
  assert.ok(versions >= 50 && named.size >= 10, `${versions} versions, ${[...named].join(', ')}`);
});

test('a catalog entry that is not a table schema says what it is and what to pick instead', () => {
  const message = (arg: string, lang: 'en' | 'fr' = 'en') => {
    const r = resolveSchemaArg(arg, lang);
    assert.equal(r.compiled, null, arg);
    return r.diagnostics.map((d) => d.message).join();
  };
  assert.match(
    message('etalab/schema-irve'),
    /is a data package: pick one of its tables: etalab\/schema-irve-statique, etalab\/schema-irve-dynamique/,
  );
  assert.match(message('etalab/schema-irve', 'fr'), /est un data package : choisissez l’une de ses tables/);
  assert.match(message('etalab/schema-bal'), /Base Adresse Locale.*described by schema\.yml, not a Table Schema/);
  assert.match(message('etalab/schema-zfe'), /is a JSON Schema, not a Table Schema/);
  assert.match(message('nobody/nothing'), /Unknown schema/);
});
