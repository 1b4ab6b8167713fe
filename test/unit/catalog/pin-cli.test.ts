import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinSchemaVersion, schemaOfUrl, versionUrl } from '../../../src/core/catalog/pin';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { matchHeader } from '../../../src/core/schema/header';
import { commands } from '../../../src/cli/commands';

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const [name, ...rest] = argv;
  const code = await commands[name].run(
    rest,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

test('pinning a version writes its published URL in datapackage.json, which then resolves to it', () => {
  const url = versionUrl('scdl/subventions', '2.0.2')!;
  assert.equal(url, 'https://schema.data.gouv.fr/schemas/scdl/subventions/2.0.2/schema.json');
  const dp = '{\n    "name": "x",\n    "resources": [{"name": "s", "path": "data/subv.csv", "schema": "scdl/subventions"}]\n}\n';
  const r = pinSchemaVersion(dp, 'data/subv.csv', url);
  assert.ok(r.ok);
  const pinned = JSON.parse(r.text);
  assert.equal(pinned.resources[0].schema, url);
  assert.equal(pinned.name, 'x');
  assert.match(r.text, /^\{\n {4}"name"/, 'indentation kept');
  const added = pinSchemaVersion('{"name": "x"}', 'b.csv', url);
  assert.ok(added.ok && added.added);
  assert.deepEqual(JSON.parse(added.text).resources, [{ name: 'b', path: 'b.csv', schema: url }]);
  assert.equal(pinSchemaVersion('{"resources": 3}', 'b.csv', url).ok, false);
  assert.equal(pinSchemaVersion('{nope', 'b.csv', url).ok, false);
  // Why, in the display language: French words and « » quotes.
  const reasons = ['{"resources": 3}', '{nope', '[1]'].map((t) => {
    const [en, fr] = [pinSchemaVersion(t, 'b.csv', url), pinSchemaVersion(t, 'b.csv', url, 'fr')];
    return [!en.ok && en.reason, !fr.ok && fr.reason];
  });
  assert.deepEqual(reasons[0], ['datapackage.json: "resources" is not a list', 'datapackage.json : « resources » n’est pas une liste']);
  assert.match(String(reasons[1][0]), /^datapackage\.json is not valid JSON \(.*JSON.*\)$/);
  assert.equal(reasons[1][1], 'datapackage.json n’est pas un JSON valide (erreur à la position 1)');
  assert.deepEqual(reasons[2], ['datapackage.json is not a JSON object', 'datapackage.json n’est pas un objet JSON']);
  assert.equal(schemaOfUrl(url), 'scdl/subventions@2.0.2');
  const resolved = resolveSchemaArg(url);
  assert.deepEqual(resolved.ref, { name: 'scdl/subventions', version: '2.0.2' });
  assert.equal(resolveSchemaArg('https://example.org/other/schema.json').compiled, null);
});

test('ignore-header-case: labels differing by case only are not reported', () => {
  const fields = [
    { name: 'nomAttribuant', required: true },
    { name: 'montant', required: false },
  ];
  assert.deepEqual(
    matchHeader(['NOMATTRIBUANT', 'montant'], fields, 'validata').issues.map((i) => i.kind),
    ['rename'],
  );
  const m = matchHeader(['NOMATTRIBUANT', 'montant'], fields, 'validata', true);
  assert.deepEqual([m.issues, m.columnOf], [[], [0, 1]]);
  // Accents or spacing still differ: still reported.
  assert.deepEqual(
    matchHeader(['nom_attribuant', 'montant'], fields, 'validata', true).issues.map((i) => i.kind),
    ['rename'],
  );
});

test('odw schemas --format json lists every table schema with its versions', async () => {
  const r = await run(['schemas', '--format', 'json']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out);
  assert.equal(j.source, 'bundled');
  const subv = j.schemas.find((s: { name: string }) => s.name === 'scdl/subventions');
  assert.deepEqual(Object.keys(subv).slice(0, 5), ['name', 'title', 'labels', 'versions', 'latest']);
  assert.ok(subv.versions.includes('2.0.2'));
  assert.equal(subv.latest, '2.1.1');
  assert.ok(j.schemas.length >= 60);
  assert.equal((await run(['schemas', '--format', 'xml'])).code, 2);
});

test('odw lint --schema name@version and --ignore-header-case', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-lint-'));
  const file = join(dir, 'subv.csv');
  writeFileSync(
    file,
    'NOMATTRIBUANT,idAttribuant,dateConvention,nomBeneficiaire,idBeneficiaire,objet,montant,nature\nVille,21750001600019,2020-01-01,Asso,21750001600019,Objet,100,aide en numéraire\n',
  );
  const old = await run(['lint', file, '--schema', 'scdl/subventions@2.0.2', '--format', 'json']);
  assert.deepEqual(JSON.parse(old.out).files[0].schema, { name: 'scdl/subventions', version: '2.0.2' });
  assert.match(old.err, /2\.1\.1 exists/);
  const plain = JSON.parse((await run(['lint', file, '--schema', 'scdl/subventions@2.0.2', '--format', 'json'])).out).files[0].diagnostics;
  const relaxed = JSON.parse(
    (await run(['lint', file, '--schema', 'scdl/subventions@2.0.2', '--format', 'json', '--ignore-header-case'])).out,
  ).files[0].diagnostics;
  assert.ok(plain.some((d: { message: string }) => /NOMATTRIBUANT/.test(d.message)));
  assert.ok(!relaxed.some((d: { message: string }) => /NOMATTRIBUANT/.test(d.message)));
  const bad = await run(['lint', file, '--schema', 'scdl/subventions@9.9']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /no version 9\.9/);
});
