// `odw map` and `odw standardise`: the JSON contract, exit codes, --set, recipes recorded and
// replayed, a replay on a file whose columns changed stopped with the entries that no longer match.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runOdw } from '../helpers';
import { parseRecipe, replaySteps, standardiseStepOf } from '../../../src/core/clean/recipe';
import { failure } from '../../../src/cli/standardise-args';

const run = runOdw;
const dir = mkdtempSync(join(tmpdir(), 'odw-stdcli-'));
const aube = join(FIXTURES, 'corpus', 'dsub_DEP_Aube_Donnees_essentielles_conventions_subvention.xlsx');

test('odw map --format json: schema, one entry per field, unmapped labels', async () => {
  const r = await run(
    'map',
    join(FIXTURES, 'corpus', 'mtp_COM_Montpellier_AttribSub_2013.csv'),
    '--schema',
    'scdl/subventions@2.1.1',
    '--format',
    'json',
  );
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  // The file ends with an unlabelled grand total (line 939): `drop.totals` is proposed, said after the mapping.
  assert.deepEqual(Object.keys(j), ['schema', 'fields', 'unmapped', 'operations']);
  assert.deepEqual(j.operations, [
    {
      operation: 'drop.totals',
      reason:
        '1 totals row in the rows read (line 939): a sum of the rows above is no record, and written as one it counts their amounts twice.',
    },
  ]);
  assert.deepEqual(j.schema, { name: 'scdl/subventions', version: '2.1.1' });
  assert.equal(j.fields.length, 16);
  for (const f of j.fields) {
    assert.deepEqual(Object.keys(f), ['field', 'kind', 'source', 'confidence', 'reason']);
    assert.ok(['column', 'constant', 'expression', 'none'].includes(f.kind));
    assert.ok(f.confidence >= 0 && f.confidence <= 1);
  }
  const by = Object.fromEntries(j.fields.map((f: { field: string }) => [f.field, f]));
  // "Montant " is written with a trailing space: the source is the label trimmed.
  assert.equal(by.montant.source, 'Montant');
  assert.equal(by.nomBeneficiaire.source, 'STRUCTURE');
  assert.equal(by.nomAttribuant.kind, 'none');
  assert.equal(by.nomAttribuant.source, null);
  assert.ok(j.unmapped.includes('CODE'));
});

test('odw map --lang fr: kinds and reasons in French, the JSON reasons unchanged', async () => {
  const src = join(dir, 'fr.csv');
  writeFileSync(
    src,
    'Collectivité,SIRET collectivité,Raison sociale,Raison sociale 2,Date de convention,Montant,Code\n' +
      'Ville de X,21340172201787,Assoc A,du quartier,2017-01-30,1200,A1\n' +
      'Ville de X,21340172201787,Assoc B,,2017-02-01,1500,A2\n',
  );
  const fr = await run('map', src, '--schema', 'scdl/subventions@2.1.1', '--lang', 'fr');
  assert.equal(fr.code, 0, fr.err);
  const line = (field: string) => fr.out.split('\n').find((l) => l.includes(` ${field} `)) ?? '';
  assert.match(line('nomAttribuant'), /colonne +Collectivité {2}\(1,00 ; synonyme, même valeur sur toutes les lignes\)$/);
  assert.match(line('idAttribuant'), /\(1,00 ; synonyme, SIRET public constant\)$/);
  assert.match(line('dateConvention'), /\(1,00 ; nom\)$/);
  assert.match(line('nomBeneficiaire'), /expression Raison sociale {2}\(0,95 ; synonyme, suite dans « Raison sociale 2 »\)$/);
  assert.match(line('idBeneficiaire'), /aucune +—$/);
  assert.match(fr.out, /^Colonnes non utilisées : Code$/m);
  assert.doesNotMatch(fr.out, /^ {2}[* ] \S+ +(column|constant|none) /m);
  assert.doesNotMatch(fr.out, /\b(name|synonym|title|ambiguous|similar|same value|continued|Unmapped)\b/);
  const en = await run('map', src, '--schema', 'scdl/subventions@2.1.1');
  assert.match(en.out, /column +Collectivité {2}\(1\.00, synonym, same value on every row\)$/m);
  assert.match(en.out, /^Unmapped columns: Code$/m);
  const j = JSON.parse((await run('map', src, '--schema', 'scdl/subventions@2.1.1', '--format', 'json', '--lang', 'fr')).out);
  const by = Object.fromEntries(j.fields.map((f: { field: string; kind: string; reason: string }) => [f.field, [f.kind, f.reason]]));
  assert.deepEqual(by.nomAttribuant, ['column', 'synonym, same value on every row']);
  assert.deepEqual(by.nomBeneficiaire, ['expression', 'synonym, continued in “Raison sociale 2”']);
  assert.deepEqual(by.idBeneficiaire, ['none', 'no matching column']);
});

test('odw standardise --lang fr: the problems left read as French sentences', async () => {
  const src = join(dir, 'fr-std.csv');
  writeFileSync(src, 'Bénéficiaire;Montant attribué;Date\nClub;1 000 €;03/02/2024\n');
  const r = await run('standardise', src, '--schema', 'scdl/subventions', '--out', join(dir, 'fr-std-out.csv'), '--lang', 'fr');
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^ {2}ligne 2 one-of-required : Au moins l’une des colonnes « idBeneficiaire » ou « rnaBeneficiaire »/m);
  assert.match(r.out, /^ {2}ligne 2 \[objet\] constraint-error : Cellule vide : « objet » est obligatoire\.$/m);
  assert.doesNotMatch(r.out, /[a-z]: /);
  assert.match(r.out, / : 1 ligne écrite au schéma scdl\/subventions@/);
  const en = await run('standardise', src, '--schema', 'scdl/subventions', '--out', join(dir, 'fr-std-out.csv'));
  assert.match(en.out, /: 1 row written to scdl\/subventions@/);
});

test('odw standardise --lang fr names one line in the singular, several in the plural', async () => {
  const one = join(dir, 'fr-total.csv');
  writeFileSync(one, 'Bénéficiaire;Montant attribué\nClub;1000\nTotal;1000\n');
  const r = await run('standardise', one, '--schema', 'scdl/subventions', '--out', join(dir, 'fr-total-out.csv'), '--lang', 'fr');
  // The proposal drops the totals rows (drop.totals proposed): said with their lines.
  assert.match(r.out, /1 ligne\(s\) de total non écrite\(s\) \(ligne 3\) : l’opération « Supprimer les lignes de totaux »/);
  const two = join(dir, 'fr-totals.csv');
  writeFileSync(two, 'Bénéficiaire;Montant attribué\nClub;1000\nTotal;1000\nAsso;5\nTotal;5\n');
  const r2 = await run('standardise', two, '--schema', 'scdl/subventions', '--out', join(dir, 'fr-totals-out.csv'), '--lang', 'fr');
  assert.match(r2.out, /\(lignes 3, 5\) :/);
  const en = await run('standardise', one, '--schema', 'scdl/subventions', '--out', join(dir, 'fr-total-out.csv'), '--lang', 'en');
  assert.match(en.out, /\n {2}1 totals row\(s\) not written \(lines 3\): the table operation “Drop totals rows”/);
});

test('odw map: usage errors and unreadable input exit 2', async () => {
  assert.equal((await run('map', aube)).code, 2);
  const unknown = await run('map', aube, '--schema', 'scdl/nope');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /Unknown schema/);
  assert.equal((await run('map', join(dir, 'absent.csv'), '--schema', 'scdl/subventions')).code, 2);
  const sheet = await run('map', aube, '--schema', 'scdl/subventions', '--sheet', 'Nope');
  assert.equal(sheet.code, 2);
  assert.match(sheet.err, /no sheet “Nope” \(sheets: Feuil1, Feuil2, Feuil3\)/);
});

test('odw standardise writes every schema column; --set fills a field; the recipe replays', async () => {
  const out = join(dir, 'aube.csv');
  const recipe = join(dir, 'aube.json');
  const r = await run(
    'standardise',
    aube,
    '--schema',
    'scdl/subventions',
    '--out',
    out,
    '--record',
    recipe,
    '--set',
    'idRAE=',
    '--set',
    'notificationUE=false',
  );
  assert.equal(r.code, 1, 'dates of payment written as free text are left for the user');
  assert.match(r.out, /7 rows written to scdl\/subventions@2\.1\.1/);
  const lines = readFileSync(out, 'utf8').split('\r\n');
  assert.equal(
    lines[0],
    'nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide',
  );
  assert.match(
    lines[1],
    /^Conseil départemental de l’Aube,22100005200011,2017-11-16,,Association Centre Culturel International Rachi,78035053400019,,.*,50000,aide en numéraire,échelonné,2017-11-28\/2017-12-08,,non,1,$/s,
  );
  const parsed = parseRecipe(readFileSync(recipe, 'utf8'));
  assert.deepEqual(parsed.errors, []);
  const spec = standardiseStepOf(parsed.recipe!)!;
  assert.deepEqual(spec.fields.notificationUE, { constant: 'false' });
  assert.deepEqual(replaySteps(parsed.recipe!), [], 'the cleaner does not replay the standardise step as a rule');
  const again = join(dir, 'aube-2.csv');
  const replay = await run('standardise', aube, '--recipe', recipe, '--out', again);
  assert.equal(replay.code, 1);
  assert.equal(readFileSync(again, 'utf8'), readFileSync(out, 'utf8'));
});

test('a replay on a file whose columns changed names every entry that no longer matches and writes nothing', async () => {
  const y1 = join(dir, 'y1.csv');
  writeFileSync(y1, 'Bénéficiaire;Montant attribué;Objet\nClub;1 000 €;Sport\n');
  const recipe = join(dir, 'y.json');
  const out1 = join(dir, 'y1-out.csv');
  assert.equal((await run('standardise', y1, '--schema', 'scdl/subventions', '--out', out1, '--record', recipe)).code, 1);
  assert.match(readFileSync(out1, 'utf8'), /\r\n,,,,Club,,,Sport,1000,/);
  const y2 = join(dir, 'y2.csv');
  writeFileSync(y2, 'Nom;Montant voté;Objet\nClub;2 000 €;Sport\n');
  const out2 = join(dir, 'y2-out.csv');
  const r = await run('standardise', y2, '--recipe', recipe, '--out', out2);
  assert.equal(r.code, 1);
  assert.match(r.err, /nomBeneficiaire: the file has no column “Bénéficiaire”/);
  assert.match(r.err, /montant: the file has no column “Montant attribué”/);
  assert.doesNotMatch(r.err, /objet/);
  assert.equal(existsSync(out2), false);
});

test('odw standardise refuses to overwrite the input and unknown --set fields', async () => {
  const src = join(dir, 's.csv');
  writeFileSync(src, 'Nom\nA\n');
  assert.equal((await run('standardise', src, '--schema', 'scdl/subventions', '--out', src)).code, 2);
  const bad = await run('standardise', src, '--schema', 'scdl/subventions', '--out', join(dir, 's2.csv'), '--set', 'foo=1');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /foo is not a field of scdl\/subventions/);
  assert.equal(readFileSync(src, 'utf8'), 'Nom\nA\n');
});

test('odw clean --recipe replays the standardise step, then the cleaning steps', async () => {
  const src = join(dir, 'c1.csv');
  writeFileSync(src, 'Bénéficiaire;Montant attribué;Date\nClub ;1 000 €;03/02/2024\n');
  const recipe = join(dir, 'c.json');
  writeFileSync(
    recipe,
    JSON.stringify({
      version: 1,
      steps: [
        {
          rule: 'standardise',
          standardise: {
            schema: { name: 'scdl/subventions' },
            fields: {
              nomBeneficiaire: { column: 'Bénéficiaire' },
              montant: { column: 'Montant attribué' },
              dateConvention: { column: 'Date' },
            },
          },
        },
        { rule: 'empty-column' },
      ],
    }),
  );
  const out = join(dir, 'c1-out.csv');
  const r = await run('clean', src, '--recipe', recipe, '--out', out);
  assert.equal(r.code, 0, r.err);
  // The recipe's empty-column step deletes no column of the schema the standardised file now follows.
  const [header, row] = readFileSync(out, 'utf8').split('\r\n');
  assert.equal(header.split(',').length, 16);
  assert.match(row, /^,,2024-02-03,,Club,,,,1000,/);
  assert.equal(existsSync(`${out}.standardised.csv`), false);
});

test('an unexpected failure of odw map or standardise is prefixed in the command line’s language', () => {
  const said: string[] = [];
  assert.equal(
    failure(new Error('boom'), 'standardise', 'fr', (s) => said.push(s)),
    1,
  );
  assert.equal(
    failure(new Error('boom'), 'map', 'en', (s) => said.push(s)),
    1,
  );
  assert.deepEqual(said, ['odw standardise : boom', 'odw map: boom']);
});
