// Precision and recall of the person-name detector, measured on lists of our own making
// (test/fixtures/personal-data: organisation shapes seen in subsidy files, invented persons)
// and on the beneficiary names of the corpus; no real personal data in the repository.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikePersonName } from '../../../src/core/privacy/detect';
import { lintCsvText } from '../../../src/core/lint-csv';
import { FIXTURES } from '../helpers';

const list = (name: string) =>
  readFileSync(join(FIXTURES, 'personal-data', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));

test('organisation names are not natural persons (precision), invented persons are (recall)', () => {
  const orgs = list('organisations.txt');
  const persons = list('persons.txt');
  const falsePositives = orgs.filter(looksLikePersonName);
  const found = persons.filter(looksLikePersonName);
  assert.deepEqual(falsePositives, [], 'no organisation taken for a person');
  const precision = found.length / (found.length + falsePositives.length);
  const recall = found.length / persons.length;
  assert.ok(precision === 1 && recall >= 0.95, `precision ${precision}, recall ${recall}`);
});

test('the cases of issue #17: an organisation is never an error; a SIREN anywhere on the row makes it a legal entity', () => {
  const csv = [
    'Nom du bénéficiaire;Identification du bénéficiaire;Objet;Montant',
    'OGEC ST JOSEPH;;fonctionnement;1000',
    'LEO LAGRANGE OUEST;;centre de loisirs;2000',
    'CINEMA SAINT LAURENT;;programmation;300',
    'MADAME SUZIE PRODUCTIONS;;spectacle;400',
    'Camille Exempleau;;aide;500',
    'Jean DUPONTEL;822127429;aide;600',
    'Marie Fictivier;;SIRET 82212742900014;700',
    'Léa Invente;82 212 742 900 014;aide;800',
  ].join('\n');
  const pd = lintCsvText(csv, { maxProblems: 0 }).diagnostics.filter((d) => d.rule === 'personal-data');
  assert.deepEqual(
    pd.map((d) => `${d.row}:${d.severity}`),
    ['6:warning'],
    JSON.stringify(pd.map((d) => d.message)),
  );
  assert.match(pd[0].message, /natural person in column “Nom du bénéficiaire” \(a known first name or a civility/);
});

test('a SIREN-shaped value in any column, not only a named identifier column, marks the row', () => {
  const csv = 'nomBeneficiaire;reference\nJean DUPONTEL;W491000123\nMarie Fictivier;ref 12\n';
  const pd = lintCsvText(csv).diagnostics.filter((d) => d.rule === 'personal-data');
  assert.deepEqual(
    pd.map((d) => d.row),
    [3],
  );
});

test('only a NIR is an error; e-mails and phones warn, and say why', () => {
  const csv = 'nom;email;tel;nir\nA;camille.exempleau@courriel-invente.fr;06 12 34 56 78;185057800604830\n';
  const pd = lintCsvText(csv).diagnostics.filter((d) => d.rule === 'personal-data');
  assert.deepEqual(
    pd.map((d) => `${d.column}:${d.severity}`),
    ['2:warning', '3:warning', '4:error'],
  );
  assert.match(pd[0].message, /not a shared mailbox/);
  assert.match(pd[1].message, /public line/);
});

test('on the corpus, no beneficiary name on a row with an identifier is reported', () => {
  for (const f of [
    'hack_DEP49_MaineEtLoire_subventions_associations.csv',
    'hack_DEP85_Vendee_2017_subventions.csv',
    'dsub_DEP_Somme_TB_20180302_DONNEES_CONVENTIONS.csv',
  ]) {
    const text = readFileSync(join(FIXTURES, 'corpus', f), 'latin1');
    const pd = lintCsvText(text, { maxProblems: 0 }).diagnostics.filter((d) => d.rule === 'personal-data' && d.severity === 'error');
    assert.equal(pd.length, 0, f);
  }
});
