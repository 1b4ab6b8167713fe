// The proposal's reasons in both languages: the English words are the `odw map --format json`
// contract; every French one is French (no English word left), with French quotes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { kindText, reasonText, type ReasonPart } from '../../../src/core/standardise/reason-words';

const ALL: ReasonPart[] = [
  { code: 'name' },
  { code: 'synonym' },
  { code: 'title' },
  { code: 'ambiguous-synonym' },
  { code: 'similar-name' },
  { code: 'empty-column' },
  { code: 'constant-public-siret' },
  { code: 'same-value' },
  { code: 'values-do-not-fit' },
  { code: 'value-shape-siret' },
  { code: 'document', document: 'compte administratif' },
  { code: 'no-match' },
  { code: 'period' },
  { code: 'date-parts' },
  { code: 'value-map' },
  { code: 'continued', column: 'Raison sociale 2' },
  { code: 'organisation' },
];

test('the English reasons are the words odw map --format json has always printed', () => {
  assert.equal(
    reasonText(ALL, 'en'),
    'name, synonym, title, ambiguous synonym, similar name, empty column, constant public SIRET, same value on every row, ' +
      'values do not fit the field, value shape: constant public SIRET, the file is a compte administratif, no matching column, ' +
      'period from start and end date columns, date from day, month and year columns, value map, continued in “Raison sociale 2”, ' +
      'project organisation',
  );
  assert.equal(reasonText([{ code: 'set' }], 'en'), '--set');
});

test('every French reason and kind is French', () => {
  for (const p of ALL) {
    const fr = reasonText([p], 'fr');
    assert.notEqual(fr, reasonText([p], 'en'), p.code);
    assert.doesNotMatch(fr, /\b(name|synonym|title|column|value|shape|file|matching|from|start|end|day|month|year|map|project)\b/, fr);
  }
  assert.equal(reasonText([{ code: 'continued', column: 'Nom 2' }], 'fr'), 'suite dans « Nom 2 »');
  assert.equal(reasonText([{ code: 'value-shape-siret' }], 'fr'), 'forme des valeurs : SIRET public constant');
  assert.deepEqual(
    (['column', 'constant', 'expression', 'none'] as const).map((k) => kindText(k, 'fr')),
    ['colonne', 'constante', 'expression', 'aucune'],
  );
});
