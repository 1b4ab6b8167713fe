// Schema inference from a header and sample rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { inferSchema } from '../../../src/core/schema/infer';
import { loadSchemaText } from '../../../src/core/schema/load';
import { schemaCheck } from '../../../src/core/schema/validate';
import { fixture, lintText } from './fixtures';

test('types, formats, required and enums as the file writes them', () => {
  const header = ['id', 'siret', 'montant', 'montant_fr', 'date', 'date_fr', 'annee', 'ok', 'oui', 'nature', 'email', 'cp', 'note'];
  const rows = [
    [
      '1',
      '22490001900015',
      '12.5',
      '1 234,50',
      '2020-01-31',
      '31/01/2020',
      '2020',
      'true',
      'oui',
      'aide en nature',
      'a@b.fr',
      '01000',
      'x',
    ],
    ['2', '22490001900015', '3', '12,00', '2020-02-01', '01/02/2020', '2021', 'false', 'non', 'aide en numéraire', 'c@d.fr', '75001', ''],
    ['3', '22490001900015', '-7', '0,5', '2020-03-01', '01/03/2020', '2022', 'true', 'non', 'aide en nature', 'e@f.fr', '49000', 'y'],
    ['4', '22490001900015', '0.25', '2,5', '2020-03-02', '02/03/2020', '2022', 'true', 'oui', 'aide en numéraire', 'g@h.fr', '44000', 'z'],
  ];
  const s = inferSchema(header, rows, { maxEnum: 2 });
  const f = Object.fromEntries(s.fields.map((x) => [x.name, x]));
  assert.equal(f.id.type, 'integer');
  assert.deepEqual([f.siret.type, f.siret.constraints?.pattern], ['string', '^\\d{14}$']);
  assert.deepEqual(s.custom_checks, [{ name: 'french-siret-value', params: { column: 'siret' } }]);
  assert.equal(f.montant.type, 'number');
  assert.deepEqual([f.montant_fr.type, f.montant_fr.decimalChar, f.montant_fr.groupChar], ['number', ',', ' ']);
  assert.equal(f.date.type, 'date');
  assert.deepEqual([f.date_fr.type, f.date_fr.format], ['date', '%d/%m/%Y']);
  assert.equal(f.annee.type, 'year');
  assert.equal(f.ok.type, 'boolean');
  assert.deepEqual([f.oui.type, f.oui.trueValues], ['boolean', ['oui', 'Oui', 'OUI']]);
  assert.deepEqual(f.nature.constraints?.enum, ['aide en nature', 'aide en numéraire']);
  assert.equal(f.email.format, 'email');
  assert.equal(f.cp.type, 'string', 'leading zeros: a code, not a number');
  assert.equal(f.note.constraints?.required, undefined);
  assert.equal(f.id.constraints?.required, true);
});

test('an inferred schema is valid for the profile and validates its own sample', () => {
  const text = readFileSync(fixture('standards', 'scdl-subventions', 'exemples', 'exemple_valide.csv'), 'utf8');
  const rows = Papa.parse<string[]>(text.trim()).data;
  const schema = inferSchema(rows[0], rows.slice(1));
  const loaded = loadSchemaText(JSON.stringify(schema, null, 2));
  assert.deepEqual(loaded.diagnostics, []);
  const ds = lintText(text, { checks: [schemaCheck(loaded.compiled!)] }).filter((d) => d.severity === 'error');
  assert.deepEqual(ds, []);
  const f = Object.fromEntries(schema.fields.map((x) => [x.name, x]));
  assert.equal(f.dateConvention.type, 'date');
  assert.equal(f.montant.type, 'number');
  assert.equal(f.idAttribuant.constraints?.pattern, '^\\d{14}$');
});
