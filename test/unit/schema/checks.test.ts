// Validata's custom checks, through the bundled Délibérations schema (which declares most of
// them) and small schemas for the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchema } from '../../../src/core/schema/compile';
import type { TableSchema } from '../../../src/core/schema/descriptor';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { schemaCheck } from '../../../src/core/schema/validate';
import { isPhoneNumber } from '../../../src/core/checks/phone-number-value';
import { lintText, toCsv } from './fixtures';

const HEADER = [
  'COLL_NOM',
  'COLL_SIRET',
  'DELIB_ID',
  'DELIB_DATE',
  'DELIB_MATIERE_CODE',
  'DELIB_MATIERE_NOM',
  'DELIB_OBJET',
  'BUDGET_ANNEE',
  'BUDGET_NOM',
  'PREF_ID',
  'PREF_DATE',
  'VOTE_EFFECTIF',
  'VOTE_REEL',
  'VOTE_POUR',
  'VOTE_CONTRE',
  'VOTE_ABSTENTION',
  'DELIB_URL',
];
const good = [
  'Ville',
  '22490001900015',
  'D1',
  '2020-01-10',
  '7.1',
  'Finances locales/Subventions',
  'Objet',
  '2020',
  'Budget principal',
  'P1',
  '2020-01-20',
  '30',
  '28',
  '20',
  '5',
  '3',
  'https://ville.fr/d1',
];
const row = (patch: Record<string, string>) => HEADER.map((h, i) => patch[h] ?? good[i]);

test('délibérations: year-interval, cohesive, compare, sum and nomenclature checks', () => {
  const schema = resolveSchemaArg('scdl/deliberations', 'fr');
  const rows = [
    HEADER,
    good,
    row({ BUDGET_ANNEE: '2017/2017' }),
    row({ BUDGET_ANNEE: '2018/2017' }),
    row({ BUDGET_ANNEE: '2017/2018' }),
    row({ BUDGET_NOM: '' }),
    row({ PREF_DATE: '2019-12-31' }),
    row({ VOTE_REEL: '31', VOTE_POUR: '23' }),
    row({ VOTE_POUR: '19' }),
    row({ DELIB_MATIERE_NOM: 'Finances locales' }),
    row({ DELIB_MATIERE_NOM: 'Finances locales / Subventions' }),
    row({ DELIB_MATIERE_NOM: 'FINANCES LOCALES/Subventions' }),
    row({ DELIB_MATIERE_NOM: 'Sport/Subventions' }),
    row({ VOTE_EFFECTIF: '', VOTE_REEL: '', VOTE_POUR: '', VOTE_CONTRE: '', VOTE_ABSTENTION: '' }),
    row({ VOTE_CONTRE: '' }),
  ];
  const ds = lintText(toCsv(rows), { lang: 'fr', checks: [schemaCheck(schema.compiled!)] });
  const got = ds.filter((d) => d.severity === 'error').map((d) => `${d.row}:${d.rule}:${d.field}`);
  assert.deepEqual(got, [
    '3:year-interval-value:BUDGET_ANNEE',
    '4:year-interval-value:BUDGET_ANNEE',
    '6:cohesive-columns-value:BUDGET_ANNEE',
    '7:compare-columns-value:PREF_DATE',
    '8:compare-columns-value:VOTE_EFFECTIF',
    '9:sum-columns-value:VOTE_REEL',
    '10:nomenclature-actes-value:DELIB_MATIERE_NOM',
    '11:nomenclature-actes-value:DELIB_MATIERE_NOM',
    '13:nomenclature-actes-value:DELIB_MATIERE_NOM',
    '15:cohesive-columns-value:VOTE_EFFECTIF',
  ]);
  const msg = (r: number) => ds.find((d) => d.row === r && d.severity === 'error')!.message;
  assert.match(msg(4), /la deuxième année \(2017\) doit être postérieure à la première \(2018\)/);
  assert.match(msg(7), /devrait être supérieure ou égale à la valeur de la colonne DELIB_DATE/);
  assert.match(msg(10), /le signe oblique « \/ » est manquant/);
  assert.match(msg(11), /ne doit pas être précédé ni suivi d’espace/);
  assert.match(msg(13), /n’est pas reconnu/);
});

function lintWith(schema: TableSchema, rows: unknown[][], lang: 'en' | 'fr' = 'en') {
  return lintText(toCsv(rows), { lang, checks: [schemaCheck(compileSchema(schema))] });
}

test('french-gps-coordinates: outside France, and latitude first', () => {
  const ds = lintWith(
    {
      fields: [{ name: 'xy', type: 'geopoint', format: 'array' }],
      custom_checks: [{ name: 'french-gps-coordinates', params: { column: 'xy' } }],
    },
    [['xy'], ['[2.35, 48.85]'], ['[48.85, 2.35]'], ['[-73.98, 40.75]'], ['[55.45, -20.9]']],
  );
  assert.deepEqual(
    ds.map((d) => `${d.row}:${d.rule}`),
    ['3:reversed-french-gps-coordinates', '4:french-gps-coordinates'],
  );
});

test('phone-number-value', () => {
  for (const ok of ['01 23 45 67 89', '06.12.34.56.78', '+33 1 99 00 27 37', '0033612345678', '115', '3949', '+44 20 7946 0958'])
    assert.ok(isPhoneNumber(ok), ok);
  for (const ko of ['12345', '00 00 00 00 00', '+33 1 23', 'tel']) assert.ok(!isPhoneNumber(ko), ko);
  const ds = lintWith(
    { fields: [{ name: 't' }, { name: 'n' }], custom_checks: [{ name: 'phone-number-value', params: { column: 't' } }] },
    [
      ['t', 'n'],
      ['01 23 45 67 89', 'a'],
      ['12345', 'b'],
      ['', 'c'],
    ],
  );
  assert.deepEqual(
    ds.map((d) => `${d.row}:${d.rule}`),
    ['3:phone-number-value'],
    'empty cells are skipped',
  );
});

test('french-siren-value, with its damage diagnosis and fix', () => {
  const ds = lintWith({ fields: [{ name: 'siren' }], custom_checks: [{ name: 'french-siren-value', params: { column: 'siren' } }] }, [
    ['siren'],
    ['224900019'],
    ['22490001900015'],
    ['224900018'],
  ]);
  assert.deepEqual(
    ds.map((d) => [d.row, d.fix]),
    [
      [3, { kind: 'set-cell', value: '224900019' }],
      [4, undefined],
    ],
  );
});

test('unknown checks and bad params are reported, never fatal', () => {
  const ds = lintWith(
    {
      fields: [{ name: 'h' }, { name: 'a' }],
      custom_checks: [
        { name: 'opening-hours-value', params: { column: 'h' } },
        { name: 'no-such-check' },
        { name: 'compare-columns-value', params: { column: 'a', column2: 'h', op: '~' } },
        { name: 'sum-columns-value', params: { column: 'a', columns: ['h'] } },
        { name: 'cohesive-columns-value', params: { column: 'a', othercolumns: ['zz'] } },
      ],
    },
    [
      ['h', 'a'],
      ['Mo-Fr 08:00-12:00', '1'],
    ],
  );
  assert.deepEqual(
    ds.map((d) => `${d.rule}:${d.severity}`),
    ['check-error:warning', 'check-error:warning', 'check-error:warning', 'check-error:warning'],
  );
});

test('a single-column check is skipped when its column is absent (Validata)', () => {
  const ds = lintWith(
    { fields: [{ name: 'a' }, { name: 'siret' }], custom_checks: [{ name: 'french-siret-value', params: { column: 'siret' } }] },
    [['a'], ['x']],
  );
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['missing-header-warn'],
  );
});
