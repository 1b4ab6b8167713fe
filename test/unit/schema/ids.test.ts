// SIREN/SIRET validity (stdnum's rules) and the damage diagnosis with certain repairs only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseId } from '../../../src/core/ids/damage';
import { idColumnKind } from '../../../src/core/ids/id-columns';
import { idMessage } from '../../../src/core/ids/messages';
import { isValidSiren, isValidSiret } from '../../../src/core/ids/siret';

test('validity: Luhn on the whole SIRET and on its SIREN, La Poste digit sum', () => {
  assert.ok(isValidSiret('22490001900015'));
  assert.ok(isValidSiret('224 900 019 00015'), 'stdnum ignores spaces and dots');
  assert.ok(!isValidSiret('22490001900016'));
  assert.ok(!isValidSiret('19765504593721'), 'whole-number Luhn passes but the SIREN part fails');
  assert.ok(isValidSiret('35600000000048'), 'La Poste head office uses Luhn');
  assert.ok(isValidSiret('35600000012346'), 'other La Poste establishments: digit sum divisible by 5');
  assert.ok(!isValidSiret('35600000012345'));
  assert.ok(isValidSiren('224900019'));
  assert.ok(!isValidSiren('224900018'));
});

const diag = (raw: string, kind: 'siret' | 'siren' = 'siret') => {
  const d = diagnoseId(raw, kind);
  return [d.valid, d.damage, d.fix];
};

test('damage: what happened, and the repair when it is certain', () => {
  assert.deepEqual(diag('22490001900015'), [true, undefined, undefined]);
  assert.deepEqual(diag('224 900 019 000 15'), [true, 'spacing', '22490001900015']);
  assert.deepEqual(diag("224 900 019 000 15'"), [false, 'apostrophe', '22490001900015']);
  assert.deepEqual(diag("'22490001900015"), [false, 'apostrophe', '22490001900015']);
  assert.deepEqual(diag('22490001900015.0'), [false, 'float-suffix', '22490001900015']);
  assert.deepEqual(diag('2.2490001900015E+13'), [false, 'scientific', '22490001900015']);
  assert.deepEqual(diag('3.51816E+13'), [false, 'float-zeroed', undefined]);
  assert.deepEqual(diag('35181600000000'), [false, 'float-zeroed', undefined]);
  assert.deepEqual(diag('32402138500000.0'), [false, 'float-zeroed', undefined]);
  assert.deepEqual(diag('7820337900017'), [false, 'lost-leading-zero', '07820337900017']);
  assert.deepEqual(diag('1810086080001'), [false, 'length', undefined]);
  assert.deepEqual(diag('224900019'), [false, 'siren-for-siret', undefined]);
  assert.deepEqual(diag('78643691500010'), [false, 'checksum', undefined]);
  assert.equal(diagnoseId('78643691500010', 'siret').sirenOk, true);
  assert.deepEqual(diag('n/a'), [false, 'not-digits', undefined]);
  assert.deepEqual(diag('22490001900015', 'siren'), [false, 'siret-for-siren', '224900019']);
  assert.deepEqual(diag('24900019', 'siren'), [false, 'length', undefined]);
  assert.deepEqual(diag('53362439', 'siren'), [false, 'length', undefined]);
});

test('messages start like Validata’s and say why, in both languages', () => {
  const d = diagnoseId('35181600000000', 'siret');
  assert.match(
    idMessage('fr', 'siret', '35181600000000', d),
    /^La valeur « 35181600000000 » n’est pas un numéro SIRET français valide\. Ses derniers chiffres/,
  );
  assert.match(
    idMessage('en', 'siret', '35181600000000', d),
    /^“35181600000000” is not a valid French SIRET number\. Its last digits were replaced by zeros/,
  );
  assert.match(idMessage('en', 'siret', '224 900 019 000 15', diagnoseId('224 900 019 000 15', 'siret')), /digits only \(22490001900015\)/);
});

test('identifier columns are recognised by their label', () => {
  assert.equal(idColumnKind('SIRET'), 'siret');
  assert.equal(idColumnKind('SIRET ou NIR'), 'siret');
  assert.equal(idColumnKind('idBeneficiaire'), 'siret');
  assert.equal(idColumnKind('N° SIRET'), 'siret');
  assert.equal(idColumnKind('Identification du bénéficiaire'), 'siret');
  assert.equal(idColumnKind('SIREN'), 'siren');
  assert.equal(idColumnKind('siren_amenageur'), 'siren');
  assert.equal(idColumnKind('Montant'), null);
  // A count of identifiers (asso fixture of the corpus) is no identifier column.
  assert.equal(idColumnKind('Nombre de SIRET du bénéficiaire'), null);
  assert.equal(idColumnKind('Nb SIREN'), null);
});
