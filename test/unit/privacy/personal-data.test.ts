// The personal-data rule through the real lint pipeline, on invented fixtures.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCsvBytes } from '../../../src/core/lint-csv';
import { at, lint, only, ROOT } from '../helpers';

const pd = (text: string) => only(lint(text), 'personal-data');

test('a column announced as e-mail reports each personal address', () => {
  const ds = pd('nom;email\nA;camille.exemple@courriel-invente.fr\nB;contact@ville-exemple.fr\n');
  assert.equal(ds.length, 1);
  // Only a NIR is an error (issue #17): an address may be a public contact's.
  assert.equal(ds[0].severity, 'warning');
  assert.equal(at(ds[0]), '2:2 2:2-37');
  assert.match(ds[0].message, /e-mail address in column “email”/);
  assert.ok(!ds[0].message.includes('camille'), 'the message does not repeat the value');
});

test('French message', () => {
  const [d] = only(lint('courriel\nx.fictif@exemple.org\n', { lang: 'fr' }), 'personal-data');
  assert.match(d.message, /adresse électronique dans la colonne « courriel »/);
});

test('an unannounced column is decided on the count of matches', () => {
  const rows = (vals: string[]) => 'objet;info\n' + vals.map((v, i) => `o${i};${v}\n`).join('');
  // one phone among many other values: noise, not reported
  assert.equal(pd(rows(['06 12 34 56 78', 'a', 'b', 'c', 'd', 'e'])).length, 0);
  // three or more: reported
  assert.equal(pd(rows(['06 12 34 56 78', '+33 7 98 76 54 32', '01.23.45.67.89', 'a', 'b', 'c', 'd', 'e'])).length, 3);
  // most of the column: reported
  assert.equal(pd(rows(['0612345678', '0798765432', 'a'])).length, 2);
});

test('phone columns in +33 and 0X formats', () => {
  const ds = pd('Téléphone\n06 12 34 56 78\n+33612345678\n0033 1 23 45 67 89\n');
  assert.equal(ds.length, 3);
  assert.ok(ds.every((d) => /phone number/.test(d.message)));
});

test('NIR with a valid key is reported anywhere; an invalid key is not', () => {
  const ds = pd('ref;code\nA;185057800604830\nB;185057800604831\nC;2 93 12 75 123 456 34\n');
  assert.deepEqual(
    ds.map((d) => d.row),
    [2, 4],
  );
  assert.match(ds[0].message, /NIR/);
});

test('a person named in a beneficiary column without SIRET/RNA', () => {
  const csv = [
    'nomBeneficiaire;idBeneficiaire;montant',
    'Jean DUPONTEL;;1200',
    'DURANDEAU Marie;;800',
    'Les Amis de la Médiathèque;W491000123;3200',
    'Comité des fêtes;;8000',
    'Camille Exemple;78501234500017;500',
  ].join('\n');
  const ds = pd(csv);
  assert.deepEqual(
    ds.map((d) => `${d.row}:${d.column}`),
    ['2:1', '3:1'],
  );
  assert.match(ds[0].message, /natural person in column “nomBeneficiaire”/);
});

test('names are not checked in columns that are not meant for legal entities', () => {
  assert.equal(pd('auteur;titre\nJean DUPONTEL;Rapport\n').length, 0);
});

test('no false positive on the organisations of the samples/ files', () => {
  const dir = join(ROOT, 'samples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  assert.ok(files.length >= 2);
  for (const f of files) {
    const r = lintCsvBytes(readFileSync(join(dir, f)), { maxProblems: 100000 });
    assert.deepEqual(
      only(r.diagnostics, 'personal-data').map((d) => d.message),
      [],
      f,
    );
  }
});

test("contact columns: a service's are public, a named agent's only warns", () => {
  const ds = pd('contact_service,contact_personne,email\ninventaire@exemple-ign.fr,jean.fictif@exemple-ign.fr,lea.fictive@exemple.org\n');
  assert.deepEqual(
    ds.map((d) => `${d.column} ${d.severity}`),
    ['2 warning', '3 warning'],
  );
  assert.match(ds[0].message, /Possible personal data: an e-mail address in contact column “contact_personne”/);
});
