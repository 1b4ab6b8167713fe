// Damaged identifiers in the real files of test/fixtures/corpus (MANIFEST.json lists them):
// each diagnosis says what happened, with a fix only when the repair is certain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/model';
import { lintFile } from '../../../src/core/lint-file';
import { isValidSiret } from '../../../src/core/ids/siret';
import { fixture } from './fixtures';

const ids = (ds: Diagnostic[]) => ds.filter((d) => d.rule === 'french-siret-value' || d.rule === 'french-siren-value');
const corpus = (f: string) => lintFile(fixture('corpus', f), { maxProblems: 100000 });

test('Maine-et-Loire: ~11k SIRETs zeroed by float precision, no schema needed', async () => {
  const r = await corpus('hack_DEP49_MaineEtLoire_subventions_associations.csv');
  assert.equal(r.schema, null);
  const found = ids(r.diagnostics);
  const zeroed = found.filter((d) => /replaced by zeros/.test(d.message));
  assert.ok(zeroed.length > 11000, `${zeroed.length} float-zeroed`);
  assert.ok(
    zeroed.every((d) => d.fix === undefined),
    'lost digits are never invented',
  );
  assert.ok(found.some((d) => d.line === 2 && d.message.includes('35181600000000')));
  assert.ok(
    found.some((d) => d.line === 54 && d.message.includes('786137271')),
    'a 9-digit value in a SIRET column',
  );
  assert.ok(
    found.some((d) => d.line === 1074 && d.message.includes('3301660000000')),
    '13 digits',
  );
  assert.ok(found.every((d) => d.severity === 'warning' && d.field === 'SIRET ou NIR'));
});

test('Vendée: a SIRET whose NIC is mistyped (SIREN part valid)', async () => {
  const r = await corpus('hack_DEP85_Vendee_2017_subventions.csv');
  // Its header is exactly SCDL subventions 2.0.2's (the 2017 format), so that version is detected.
  assert.deepEqual(r.schema, { name: 'scdl/subventions', version: '2.0.2' });
  const d = ids(r.diagnostics);
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 16);
  assert.match(d[0].message, /78643691500010.*SIREN 786436915 is valid/);
});

test('Somme: 35600000000048 is La Poste’s head office, a valid SIRET', async () => {
  // MANIFEST.json lists it as Luhn-invalid; it passes Luhn (and stdnum, hence Validata).
  assert.ok(isValidSiret('35600000000048'));
  const r = await corpus('dsub_DEP_Somme_TB_20180302_DONNEES_CONVENTIONS.csv');
  assert.deepEqual(r.schema, { name: 'scdl/subventions', version: '2.1.1' });
  assert.deepEqual(ids(r.diagnostics), []);
  assert.ok(r.diagnostics.some((d) => d.rule === 'missing-required-header' && /notificationUE/.test(d.message)));
});

test('PLF 2012 (SIREN column): checksum failures and zeroed SIRENs', async () => {
  const r = await corpus('hack_ETAT_jaune_PLF2012_associations_2010.csv');
  const d = ids(r.diagnostics).filter((x) => x.rule === 'french-siren-value');
  assert.ok(d.length >= 1100, String(d.length));
  assert.ok(d.some((x) => x.line === 32 && x.message.includes('342006000')));
  assert.ok(d.some((x) => x.line === 2678 && /8 digits/.test(x.message)));
});

test('Mayenne (xlsx): zeroed SIRETs and a SIREN given for a SIRET', async (t) => {
  const r = await corpus('hack_DEP53_Mayenne_subventions_2018.xlsx');
  if (r.fatal) return t.skip(`spreadsheet reader unavailable: ${r.fatal}`);
  const d = ids(r.diagnostics);
  assert.ok(d.filter((x) => /replaced by zeros/.test(x.message)).length >= 16);
  assert.ok(d.some((x) => x.row === 161 && /317626745.*SIREN \(9 digits/.test(x.message)));
});
