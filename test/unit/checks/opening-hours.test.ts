import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openingHoursError } from '../../../src/core/checks/opening-hours-syntax';
import { compileSchema } from '../../../src/core/schema/compile';
import { schemaCheck } from '../../../src/core/schema/validate';
import { lintText, toCsv } from '../schema/fixtures';

test('opening-hours-value accepts the OpenStreetMap syntax the catalog examples use', () => {
  const good = [
    '24/7',
    'Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off',
    'Jul-Aug Mo-Fr 09:00-18:00',
    'Mo,We,Fr 08:00-12:00',
    'Tu-Sa 10:00-19:00; Su,PH off',
    'sunrise-sunset',
    'Mo-Fr 08:30-12:30, 13:30-17:00',
    'Mo-Fr 08:00-12:00, We 14:00-18:00',
    'Dec 25 off',
    'Jan 01-Feb 15 10:00-16:00',
    'Mo[1] 10:00-12:00',
    'Mo-Fr 09:00-18:00 "sur rendez-vous"',
    '2024 Mo-Fr 08:00-17:00',
    'week 01-26 Mo-Fr 08:00-12:00',
    'Mo-Fr 22:00-02:00',
    'Sa 10:00+',
    'Mo-Fr 08:00-18:00 || "sur rendez-vous"',
    'Mo-Fr (sunrise+01:00)-(sunset-01:00)',
    'SH Mo-Fr 10:00-12:00',
  ];
  for (const g of good) assert.equal(openingHoursError(g), null, g);
});

test('opening-hours-value reports what is not the syntax, with the faulty rule', () => {
  for (const b of ['lundi 9h-18h', 'Mo-Fr 8h-18h', 'Mo-Fr 08:00-25:61', 'Monday 08:00-12:00', 'Mo-Fr 08:00 12:00', 'Lu-Ve 08:00-12:00'])
    assert.notEqual(openingHoursError(b), null, b);
  assert.equal(openingHoursError('Mo-Fr 08:00-12:00; Sa 9h-12h'), 'Sa 9h-12h');
  const schema = compileSchema({ fields: [{ name: 'h' }], custom_checks: [{ name: 'opening-hours-value', params: { column: 'h' } }] });
  const ds = lintText(toCsv([['h'], ['Mo-Fr 08:00-18:00'], ['Mo-Fr 08:00-12:00, Sa 9h-12h'], ['']]), {
    lang: 'fr',
    checks: [schemaCheck(schema)],
  });
  assert.deepEqual(
    ds.filter((d) => d.rule.startsWith('opening')).map((d) => `${d.row}:${d.rule}`),
    ['3:opening-hours-value'],
  );
  assert.match(ds.find((d) => d.rule === 'opening-hours-value')!.message, /partie fautive : « Sa 9h-12h »/);
});
