// The personal-data detectors on invented values (never real people or numbers).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findPersonalEmail, isFrenchPhone, isLegalEntityId, isNir, looksLikePersonName } from '../../../src/core/privacy/detect';
import { isEntityIdLabel, isEntityNameLabel, kindOfLabel } from '../../../src/core/privacy/columns';

test('e-mail addresses of people, not shared service mailboxes', () => {
  assert.equal(findPersonalEmail('camille.exemple@courriel-invente.fr'), 'camille.exemple@courriel-invente.fr');
  assert.equal(findPersonalEmail('Contact : jb.fictif@exemple.org (après 18 h)'), 'jb.fictif@exemple.org');
  assert.equal(findPersonalEmail('contact@ville-exemple.fr'), undefined);
  assert.equal(findPersonalEmail('mairie@commune-inventee.fr'), undefined);
  assert.equal(findPersonalEmail('@handle'), undefined);
});

test('French phone numbers in national and +33 formats', () => {
  for (const p of [
    '06 12 34 56 78',
    '0612345678',
    '01.23.45.67.89',
    '07-98-76-54-32',
    '+33 6 12 34 56 78',
    '+33612345678',
    '0033 1 23 45 67 89',
    '+33 (0)6 12 34 56 78',
  ])
    assert.ok(isFrenchPhone(p), p);
  for (const p of ['12 350 000', '0012345678', '06 12 34 56', '21490001600018', '2024-01-15', '+44 20 7946 0958'])
    assert.ok(!isFrenchPhone(p), p);
});

test('NIR: 13 digits + key, checked; Corsican departments', () => {
  assert.ok(isNir('185057800604830'));
  assert.ok(isNir('1 85 05 78 006 048 30'));
  assert.ok(isNir('185052A12345633'));
  assert.ok(!isNir('185057800604831'), 'wrong key');
  assert.ok(!isNir('185052A12345634'), 'wrong key');
  assert.ok(!isNir('21490001600018'), 'a SIRET is 14 digits');
  assert.ok(!isNir('985057800604830'), 'no such sex digit');
});

test('names of natural persons versus organisations', () => {
  for (const n of ['Jean DUPONTEL', 'DURANDEAU Marie', 'Mme Claire Fictive', 'Marie-Claire Invent', 'M. Bernardin', 'Camille Exemple'])
    assert.ok(looksLikePersonName(n), n);
  for (const n of [
    'Les Amis de la Médiathèque',
    'ASSOCIATION SPORTIVE DU BOCAGE',
    'Comité des fêtes',
    'Club Jean Moulin',
    'Ecole Marie Curie',
    'Dupont SARL',
    'Jean',
    'Bibliothèque',
    '12 rue Victor Hugo',
  ])
    assert.ok(!looksLikePersonName(n), n);
});

test('legal-entity identifiers and column labels', () => {
  assert.ok(isLegalEntityId('78501234500017'));
  assert.ok(isLegalEntityId('W491000123'));
  assert.ok(!isLegalEntityId(''));
  assert.equal(kindOfLabel('email'), 'email');
  assert.equal(kindOfLabel('Courriel'), 'email');
  assert.equal(kindOfLabel('Téléphone'), 'phone');
  assert.equal(kindOfLabel('NIR'), 'nir');
  assert.equal(kindOfLabel('montant'), undefined);
  assert.ok(isEntityNameLabel('nomBeneficiaire'));
  assert.ok(!isEntityNameLabel('idBeneficiaire'));
  assert.ok(isEntityIdLabel('idBeneficiaire'));
  assert.ok(isEntityIdLabel('SIRET'));
});
