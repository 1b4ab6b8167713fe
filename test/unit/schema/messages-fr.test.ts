// The schema's messages as a French user reads them (`odw lint --schema … --lang fr`): French
// type words, « … » around the values quoted, no English left inside; English is unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOdw } from '../helpers';
import { typeLabel } from '../../../src/core/schema/types/words';
import { typeErrorMessage } from '../../../src/core/schema/messages';
import { compileSchema } from '../../../src/core/schema/compile';

const dir = mkdtempSync(join(tmpdir(), 'odw-msgfr-'));
const t = join(dir, 't.csv');
writeFileSync(t, 'nomAttribuant,idAttribuant,dateConvention,montant\nVille,123,30/01/2017,12 350 000 €\n');

test('odw lint --lang fr: French type words and quotes in the schema messages', async () => {
  const r = await runOdw('lint', t, '--schema', 'scdl/subventions', '--lang', 'fr');
  assert.equal(r.code, 1);
  assert.match(r.out, /Valeur « 30\/01\/2017 » invalide pour « dateConvention » \(date\) : la date doit être écrite/);
  assert.match(r.out, /Valeur « 12 350 000 € » invalide pour « montant » \(nombre\) : nombre attendu/);
  assert.match(r.out, /Format incorrect pour « idAttribuant » : « 123 »\. .* Exemple : « 23350001600040 »/);
  assert.match(r.out, /La valeur « 123 » n’est pas un numéro SIRET français valide\./);
  assert.match(r.out, /Une des deux colonnes requises : les deux colonnes « idBeneficiaire » et « rnaBeneficiaire » sont manquantes\./);
  assert.doesNotMatch(r.out, /\((number|string|integer|boolean)\)|[“”]|'idBeneficiaire'/);
});

test('odw lint in English: the same messages as before', async () => {
  const r = await runOdw('lint', t, '--schema', 'scdl/subventions');
  assert.match(r.out, /Invalid value “12 350 000 €” for “montant” \(number\): expected a number/);
  assert.match(r.out, /Example: “23350001600040”/);
  assert.match(r.out, /One of two columns required: both columns 'idBeneficiaire' and 'rnaBeneficiaire' are missing\./);
});

test('every Table Schema type has a French word; formats follow it', () => {
  const words = ['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'time', 'year', 'yearmonth', 'duration'].map((x) =>
    typeLabel(x, 'fr'),
  );
  assert.deepEqual(words, ['texte', 'nombre', 'entier', 'booléen', 'date', 'date et heure', 'heure', 'année', 'année-mois', 'durée']);
  assert.deepEqual(
    ['geopoint', 'geojson', 'object', 'array', 'list', 'any'].map((x) => typeLabel(x, 'fr')),
    ['point géographique', 'GeoJSON', 'objet', 'tableau', 'liste', 'quelconque'],
  );
  assert.equal(typeLabel('date/%d/%m/%Y', 'fr'), 'date, format %d/%m/%Y');
  assert.equal(typeLabel('date/%d/%m/%Y', 'en'), 'date/%d/%m/%Y');
  const c = compileSchema({
    fields: [
      { name: 'o', type: 'object' },
      { name: 'n', type: 'integer' },
    ],
  });
  assert.equal(typeErrorMessage('fr', c.fields[0], 'x'), 'Valeur « x » invalide pour « o » (objet) : valeur de type objet attendue.');
  assert.equal(typeErrorMessage('fr', c.fields[1], '1.5'), 'Valeur « 1.5 » invalide pour « n » (entier) : nombre entier attendu.');
  assert.equal(typeErrorMessage('en', c.fields[1], '1.5'), 'Invalid value “1.5” for “n” (integer): expected a whole number.');
});
