// Standardise never changes what a value means: a row with more cells than the header is read
// the way `odw clean` repairs it, or left out and counted, never written shifted.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, readCsv } from '../helpers';
import { cleanCsvFile } from '../../../src/core/clean/clean-stream';
import { coerceValue, hundredth } from '../../../src/core/standardise/coerce';
import { proposeMapping } from '../../../src/core/standardise/propose';
import { sampleSource } from '../../../src/core/standardise/sample';
import { standardisePreview, standardiseToFile } from '../../../src/core/standardise/run';
import type { StandardiseSpec } from '../../../src/core/standardise/spec';
import { resolveTarget, type TargetField } from '../../../src/core/standardise/target';

const dir = mkdtempSync(join(tmpdir(), 'odw-std-meaning-'));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const corpus = (name: string) => join(FIXTURES, 'corpus', name);
const SUB = resolveTarget('scdl/subventions');
const column = (csv: string, name: string) => {
  const [head, ...rows] = readCsv(csv);
  const i = head.indexOf(name);
  return rows.map((r) => r[i]);
};

test('Vendée: unquoted amounts split by the comma are joined again, as clean-then-standardise reads them', async () => {
  const src = corpus('hack_DEP85_Vendee_2017_subventions.csv');
  const cleaned = join(dir, 'vendee-clean.csv');
  await cleanCsvFile(src, cleaned, undefined);
  const spec = proposeMapping(SUB, await sampleSource({ path: src })).spec;
  const direct = await standardiseToFile(spec, SUB, { path: src }, join(dir, 'vendee-std.csv'));
  await standardiseToFile(spec, SUB, { path: cleaned }, join(dir, 'vendee-clean-std.csv'));
  const a = readFileSync(join(dir, 'vendee-std.csv'), 'utf8');
  const b = readFileSync(join(dir, 'vendee-clean-std.csv'), 'utf8');
  assert.equal(a, b);
  // 21 rows: the amount alone was split. Lines 22 and 24 also have unquoted commas in their
  // conditionsVersement text (17 cells for 14 columns): no certain repair, left out and said.
  assert.equal(direct.rows, 21);
  assert.deepEqual(direct.repaired, { count: 21, lines: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] });
  // (the first 20 lines are kept for the message)
  assert.deepEqual(direct.leftOut, { count: 2, lines: [22, 24] });
  assert.equal(column(a, 'montant')[1], '102991.50');
  assert.ok(
    column(a, 'datesPeriodeVersement').every((d) => /^\d{4}-\d{2}-\d{2}(_\d{4}-\d{2}-\d{2})?$/.test(d)),
    'no text shifted into the period',
  );
  assert.ok(
    column(a, 'nature').every((n) => n === 'aide en numéraire'),
    'no amount decimals in nature',
  );
});

test('an extra cell with no certain repair: the row is left out and counted, not shifted', async () => {
  const src = file(
    'ragged.csv',
    'nomBeneficiaire,montant,nature\nClub A,100,aide en numéraire\nClub B, les amis,200,aide en nature\nClub C,300,aide en nature,\n',
  );
  const spec: StandardiseSpec = {
    schema: { name: 'scdl/subventions' },
    fields: { nomBeneficiaire: { column: 'nomBeneficiaire' }, montant: { column: 'montant' }, nature: { column: 'nature' } },
  };
  const r = await standardiseToFile(spec, SUB, { path: src }, join(dir, 'ragged-std.csv'));
  const out = readFileSync(join(dir, 'ragged-std.csv'), 'utf8');
  // Club B: "Club B" and " les amis" or "200" and "aide en nature"? Not certain: left out.
  assert.deepEqual(column(out, 'nomBeneficiaire'), ['Club A', 'Club C']);
  // Club C's trailing delimiter shifts nothing.
  assert.deepEqual(column(out, 'montant'), ['100', '300']);
  assert.deepEqual([r.rows, r.leftOut.count, r.leftOut.lines, r.repaired.count], [2, 1, [3], 0]);
  const p = await standardisePreview(spec, SUB, { path: src }, 10);
  assert.deepEqual(p.report.leftOut, { count: 1, lines: [3] });
});

test('a percent is written as the schema’s range reads it, never just stripped of its sign', () => {
  const pct = SUB.fields.find((f) => f.name === 'pourcentageSubvention')!;
  // scdl/subventions: "Pourcentage exprimé sous la forme d'un nombre décimal", 0.01 to 1.
  assert.deepEqual([pct.minimum, pct.maximum], [0.01, 1]);
  assert.equal(coerceValue('0,5%', pct), '0.005');
  assert.equal(coerceValue('45 %', pct), '0.45');
  assert.equal(coerceValue('100%', pct), '1');
  assert.equal(coerceValue('12,75 %', pct), '0.1275');
  assert.equal(coerceValue('0.45', pct), '0.45', 'no sign: the number as written');
  const points: TargetField = { ...pct, minimum: 0, maximum: 100 };
  assert.equal(coerceValue('45 %', points), '45');
  assert.equal(coerceValue('0,5%', points), '0.5');
  // No range, or one that is neither: the meaning is not certain, the text is left for the validation.
  const bare: TargetField = { name: 'taux', title: 'Taux', required: false, type: 'number' };
  assert.equal(coerceValue('45 %', bare), '45 %');
  assert.equal(coerceValue('45 %', { ...bare, maximum: 1000 }), '45 %');
  assert.equal(coerceValue('45 %', { ...bare, minimum: -1, maximum: 1 }), '45 %');
  assert.deepEqual(['7', '0.5', '-3.25', '1234.5', '100.00'].map(hundredth), ['0.07', '0.005', '-0.0325', '12.345', '1']);
});

test('a dash in a number field is zero, as odw clean writes it; elsewhere it is still “nothing”', async () => {
  const f = (name: string) => SUB.fields.find((x) => x.name === name)!;
  assert.equal(coerceValue('-', f('montant')), '0');
  assert.equal(coerceValue(' – ', f('montant')), '0');
  assert.equal(coerceValue('- €', f('montant')), '0');
  assert.equal(coerceValue('-', f('idRAE')), '', 'a text field: the “nothing” marker');
  // Montpellier's 2014 budget writes 148 voted amounts as "-": the same as clean, then standardise.
  const BUDGET = resolveTarget('scdl/budget');
  const src = corpus('mtp_COM_Montpellier_BudgetPrimitif_2014.csv');
  const cleaned = join(dir, 'budget-clean.csv');
  await cleanCsvFile(src, cleaned, undefined);
  const spec = proposeMapping(BUDGET, await sampleSource({ path: src })).spec;
  await standardiseToFile(spec, BUDGET, { path: src }, join(dir, 'budget-std.csv'));
  await standardiseToFile(spec, BUDGET, { path: cleaned }, join(dir, 'budget-clean-std.csv'));
  const direct = column(readFileSync(join(dir, 'budget-std.csv'), 'utf8'), 'BGT_MTPREV');
  const viaClean = column(readFileSync(join(dir, 'budget-clean-std.csv'), 'utf8'), 'BGT_MTPREV');
  assert.deepEqual(direct, viaClean);
  assert.equal(direct.filter((v) => v === '0').length, 148);
  assert.equal(direct.filter((v) => v === '').length, 0);
});

test('the source columns left out of the output are in the result', async () => {
  // The Somme's export has a column "type" that no field of scdl/subventions takes.
  const src = corpus('dsub_DEP_Somme_TB_20180302_DONNEES_CONVENTIONS.csv');
  const spec = proposeMapping(SUB, await sampleSource({ path: src })).spec;
  const r = await standardiseToFile(spec, SUB, { path: src }, join(dir, 'somme-std.csv'));
  assert.deepEqual(r.unmapped, ['type']);
  // Kept columns are not left out; a stacked file's own extra columns are named once.
  const a = file('u1.csv', 'Nom;Montant;Note;Service\nClub A;10;x;Sport\n');
  file('u2.csv', 'Nom;Montant;Note;Autre\nClub B;20;y;z\n');
  const mapped: StandardiseSpec = {
    schema: { name: 'scdl/subventions' },
    fields: { nomBeneficiaire: { column: 'Nom' }, montant: { column: 'Montant' } },
    table: { stack: { files: [{ path: 'u2.csv' }], column: 'Source' } },
  };
  const left = await standardiseToFile(mapped, SUB, { path: a }, join(dir, 'u-std.csv'));
  assert.deepEqual(left.unmapped, ['Note', 'Service', 'Source', 'Autre']);
  const kept = await standardiseToFile({ ...mapped, extra: 'keep' }, SUB, { path: a }, join(dir, 'u-keep.csv'));
  assert.deepEqual(kept.unmapped, []);
  const p = await standardisePreview(mapped, SUB, { path: a }, 10);
  assert.deepEqual(p.report.unmapped, ['Note', 'Service', 'Source', 'Autre']);
});

test('blank rows and the header repeated inside the data are not written, and are counted', async () => {
  // Montpellier's 2014 subsidies: 26 spacer rows, the header again above sections (21 times, 6 of
  // them with the last labels blank). Lines 619 and 697 head a section with a label changed
  // (`Thématique` 4th, `Nature` for `Type`): the header again all the same, no record.
  const src = corpus('mtp_COM_Montpellier_AttribSub_2014.ods');
  const spec = proposeMapping(SUB, await sampleSource({ path: src })).spec;
  const r = await standardiseToFile(spec, SUB, { path: src }, join(dir, 'mtp-std.csv'));
  assert.deepEqual([r.blank.count, r.repeatedHeader.count], [26, 23]);
  assert.ok(r.repeatedHeader.lines.includes(619) && r.repeatedHeader.lines.length === 20, 'line 619 among the first 20');
  const [, ...rows] = readCsv(readFileSync(join(dir, 'mtp-std.csv'), 'utf8'));
  assert.equal(rows.length, r.rows);
  assert.ok(rows.every((row) => row.some((c) => c !== '')));
  const names = column(readFileSync(join(dir, 'mtp-std.csv'), 'utf8'), 'nomBeneficiaire');
  assert.ok(!names.includes('Structure'), 'no label written as a beneficiary');
  // A cell that happens to be its column's label is data; the header alone, or with blanks, is not.
  const csv = file('h.csv', 'Structure;Type;Montant\nClub A;Type;10\n;;\nStructure;Type;Montant\nStructure;Type;\n\nClub B;P;20\n');
  const s2: StandardiseSpec = {
    schema: { name: 'scdl/subventions' },
    fields: { nomBeneficiaire: { column: 'Structure' }, objet: { column: 'Type' }, montant: { column: 'Montant' } },
  };
  const r2 = await standardiseToFile(s2, SUB, { path: csv }, join(dir, 'h-std.csv'));
  assert.deepEqual(column(readFileSync(join(dir, 'h-std.csv'), 'utf8'), 'nomBeneficiaire'), ['Club A', 'Club B']);
  assert.deepEqual([r2.rows, r2.repeatedHeader], [2, { count: 2, lines: [4, 5] }]);
  assert.ok(r2.blank.count >= 1, 'the `;;` row at least (an empty line may not be a record)');
});
