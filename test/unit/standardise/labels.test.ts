// Header normalisation, value shapes, value maps and type coercion of the standardiser.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { labelKey, wordOverlap, labelWords } from '../../../src/core/standardise/labels';
import { shapeOf } from '../../../src/core/standardise/shapes';
import { matchEnum, proposeValueMap } from '../../../src/core/standardise/value-map';
import { coerceValue, periodOf } from '../../../src/core/standardise/coerce';
import { resolveTarget } from '../../../src/core/standardise/target';

const field = (name: string) => resolveTarget('scdl/subventions').fields.find((f) => f.name === name)!;

test('labels compare across case, accents, camelCase, snake_case, stars and stop words', () => {
  assert.equal(labelKey('nomBeneficiaire'), labelKey('Nom du bénéficiaire*'));
  assert.equal(labelKey('NOM_BENEFICIAIRE'), 'nom beneficiaire');
  assert.equal(labelKey('Montant  total de la subvention'), labelKey('montantTotalSubventions'));
  assert.equal(labelKey('Identification de l’attributaire (SIRET)'), 'identification attributaire siret');
  assert.equal(labelKey('IdRAE'), 'id rae');
});

test('word overlap ignores words every column shares', () => {
  assert.equal(wordOverlap(labelWords('Détail des subventions'), labelWords('pourcentage subvention')), 0);
  assert.ok(wordOverlap(labelWords('Montant voté'), labelWords('montant')) >= 0.5);
  assert.equal(wordOverlap(labelWords('Budget'), labelWords('compte budgétaire')), 0);
});

test('value shapes: a constant public SIRET, amounts, dates', () => {
  const s = shapeOf(['22100005200011', '22100005200011', '22 100 005 200 011']);
  assert.equal(s.siret, 1);
  assert.equal(s.publicId, 1);
  assert.equal(s.constant, false, 'written two ways: two distinct texts');
  assert.equal(shapeOf(['22100005200011', '22100005200011']).constant, true);
  assert.equal(shapeOf(['50 000 euros', '12 350 000 €', '1 063 850,00']).amount, 1);
  assert.equal(shapeOf(['2017-11-16', '28/11/2017', 'Commission du 3 mai']).date, 2 / 3);
});

test('value maps match enumerations by normalised text, words and initials', () => {
  const nature = field('nature').enum!;
  assert.equal(matchEnum('Aide en numéraire', nature)?.value, 'aide en numéraire');
  assert.equal(matchEnum('Numéraire', nature)?.value, 'aide en numéraire');
  assert.equal(matchEnum('en nature', nature)?.value, 'aide en nature');
  assert.equal(matchEnum('F', nature), null, 'F (fonctionnement) is no nature');
  const budget = resolveTarget('scdl/budget').fields;
  assert.equal(matchEnum('I', budget.find((f) => f.name === 'BGT_SECTION')!.enum!)?.value, 'investissement');
  assert.equal(matchEnum('CA', budget.find((f) => f.name === 'BGT_NATDEC')!.enum!)?.value, 'compte administratif');
  const m = proposeValueMap(['Numéraire', 'Nature', '???'], nature);
  assert.deepEqual(m.values, { numeraire: 'aide en numéraire', nature: 'aide en nature' });
  assert.equal(m.exact, false);
});

test('values are written as the field type wants when the reading is certain', () => {
  assert.equal(coerceValue('50 000 euros', field('montant')), '50000');
  assert.equal(coerceValue(' 1 063 850,00 ', field('montant')), '1063850.00');
  assert.equal(coerceValue('28/11/2017', field('dateConvention')), '2017-11-28');
  assert.equal(coerceValue('Commission du 3 mai', field('dateConvention')), 'Commission du 3 mai');
  assert.equal(coerceValue('Oui', field('notificationUE')), 'oui', 'the schema reads oui/non');
  assert.equal(coerceValue('false', field('notificationUE')), 'non');
  assert.equal(coerceValue('Ne rien indiquer', field('idRAE')), '');
  assert.equal(coerceValue('221 000 052 00011', field('idAttribuant')), '22100005200011');
  assert.equal(periodOf('28/11/2017\n08/12/2017'), '2017-11-28/2017-12-08');
  assert.equal(periodOf('22/11/2017\nSolde en 2018'), null);
  assert.equal(coerceValue('22/11/2017\nSolde en 2018', field('datesPeriodeVersement')), '22/11/2017\nSolde en 2018');
  assert.equal(coerceValue('2017-11-15', field('datesPeriodeVersement')), '2017-11-15');
});

test('unknown schema or version is a clear error', () => {
  assert.throws(() => resolveTarget('scdl/nope'), /Unknown schema “scdl\/nope”/);
  assert.throws(() => resolveTarget('scdl/subventions@9.9'), /no version 9\.9 at hand \(versions: 2\.1\.1, .*2\.0\.2/);
  assert.equal(resolveTarget('scdl/subventions@2.1.1').version, '2.1.1');
  assert.equal(resolveTarget('scdl/subventions@v2.0.2').version, '2.0.2');
});
