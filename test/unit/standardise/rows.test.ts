// Rows that are no record, or no longer one where the header says: a short row whose values
// shifted after a lost cell is left out and counted; one that lost only its last cells is kept.
// A section heading (one label in the first cell) is dropped and counted; a record with one
// filled cell is kept.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvFile, runOdw } from '../helpers';
import { sheet, xlsx } from '../sheet/build';
import { RowProfile, shiftedAt } from '../../../src/core/standardise/ragged';
import { isSectionHeading } from '../../../src/core/standardise/headings';

const dir = mkdtempSync(join(tmpdir(), 'odw-std-rows-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const HEADER = 'Bénéficiaire;SIRET;Objet;Montant;Date;Nature';
const recipe = file(
  'recipe.json',
  JSON.stringify({
    version: 1,
    dataset: 'rows.csv',
    steps: [
      {
        rule: 'standardise',
        standardise: {
          schema: { name: 'scdl/subventions' },
          fields: {
            nomBeneficiaire: { column: 'Bénéficiaire' },
            idBeneficiaire: { column: 'SIRET' },
            objet: { column: 'Objet' },
            montant: { column: 'Montant' },
            dateConvention: { column: 'Date' },
            nature: { column: 'Nature' },
          },
        },
      },
    ],
  }),
);
/** Full data rows: a name, a SIRET, an object, an amount, a date and a nature on every one. */
const full = (from: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Club ${from + i};${String(12345678900000 + from + i)};Projet ${from + i};${1100 + 37 * (from + i)};${String((i % 27) + 1).padStart(2, '0')}/03/2014;aide en numéraire`,
  );
const col = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);

test('a short row whose values shifted after a lost cell is not written, and the summary says so', async () => {
  const src = file(
    'short.csv',
    [
      HEADER,
      ...full(1, 10),
      // Objet lost: the amount would be the object, the date the amount, the nature the date.
      'Club Décalé;12345678900099;2500;15/03/2014;aide en numéraire',
      // Only Nature lost, at the end: the values are where the header says.
      'Club Court;12345678900088;Tournoi;700;01/04/2014',
      ...full(20, 5),
    ].join('\n') + '\n',
  );
  const out = join(dir, 'short-std.csv');
  const r = await runOdw('standardise', src, '--recipe', recipe, '--out', out);
  assert.match(r.out, /16 rows written/);
  assert.match(r.out, /1 row\(s\) not written: fewer cells than the header, the values after a lost cell shifted \(lines 12\)/);
  const rows = readCsvFile(out);
  const names = col(rows, 'nomBeneficiaire');
  assert.ok(!names.includes('Club Décalé'), 'the shifted row is not written');
  const i = names.indexOf('Club Court');
  assert.ok(i >= 0, 'the row short of its last cell is kept');
  assert.deepEqual([col(rows, 'objet')[i], col(rows, 'montant')[i], col(rows, 'nature')[i]], ['Tournoi', '700', '']);
  assert.ok(
    col(rows, 'montant').every((m) => /^\d+$/.test(m)),
    'no date in the amount',
  );
  const fr = await runOdw('standardise', src, '--recipe', recipe, '--out', join(dir, 'short-fr.csv'), '--lang', 'fr');
  assert.match(fr.out, /1 ligne\(s\) non écrite\(s\) : moins de cellules que l’en-tête/);
});

test('a short row among the first rows waits for the table’s shapes; with no shapes to tell, it is kept', () => {
  const p = new RowProfile(4);
  // Nothing known: no evidence of a shift.
  assert.equal(shiftedAt(['Club', '100', '2014-01-02'], p), -1);
  for (let i = 0; i < 20; i++) p.add([`Club ${i}`, `Objet ${i}`, String(100 + i), '2014-01-02']);
  assert.equal(shiftedAt(['Club', '100', '2014-01-02'], p), 1, 'Objet lost: from the amount on, one column further');
  assert.equal(shiftedAt(['Club', 'Objet', '100'], p), -1, 'the date lost at the end');
  // Text in text columns says nothing: kept as today.
  const t = new RowProfile(3);
  for (let i = 0; i < 20; i++) t.add([`Nom ${i}`, `Objet ${i}`, `Note ${i}`]);
  assert.equal(shiftedAt(['Nom', 'Note'], t), -1);
});

test('section headings are not written and are counted; a record with one filled cell is', async () => {
  const src = file(
    'headings.csv',
    [
      HEADER,
      'FONCTIONNEMENT;;;;;',
      ...full(1, 6),
      // A record whose other cells are empty, among records: the validation will flag it.
      'Club Sans Montant;;;;;',
      // An amount alone: not in the first column, a record.
      ';;;800;;',
      ...full(10, 4),
      ';;;;;',
      // A heading alone on its line (no delimiter): short, and still a heading.
      'Subventions 2014 — Culture',
      ...full(20, 12),
    ].join('\n') + '\n',
  );
  const out = join(dir, 'headings-std.csv');
  const r = await runOdw('standardise', src, '--recipe', recipe, '--out', out);
  assert.match(r.out, /24 rows written/);
  assert.match(r.out, /Not written: 1 blank row\(s\), 0 repeated header\(s\), 2 section heading\(s\)\./);
  assert.doesNotMatch(r.out, /fewer cells than the header/, 'the heading line is no shifted row');
  const names = col(readCsvFile(out), 'nomBeneficiaire');
  assert.ok(!names.includes('FONCTIONNEMENT') && !names.some((n) => n.startsWith('Subventions')));
  assert.ok(names.includes('Club Sans Montant'));
  assert.ok(col(readCsvFile(out), 'montant').includes('800'));
  const fr = await runOdw('standardise', src, '--recipe', recipe, '--out', join(dir, 'headings-fr.csv'), '--lang', 'fr');
  assert.match(fr.out, /2 titre\(s\) de section/);
});

test('in a workbook, a heading over a code column is dropped wherever it stands', async () => {
  const rows: unknown[][] = [['Code', 'Structure', 'Montant', 'Objet']];
  for (let i = 0; i < 8; i++) rows.push([100 + i, `Association ${i}`, 1000 + i, `Projet ${i}`]);
  rows.push(['INVESTISSEMENT']);
  for (let i = 0; i < 8; i++) rows.push([200 + i, `Association ${10 + i}`, 2000 + i, `Projet ${10 + i}`]);
  rows.push([300, 'Association seule']);
  const path = await xlsx((wb) => sheet(wb, 'Subventions', rows));
  const spec = file(
    'wb.json',
    JSON.stringify({
      version: 1,
      dataset: 'wb.xlsx',
      steps: [
        {
          rule: 'standardise',
          standardise: {
            schema: { name: 'scdl/subventions' },
            fields: { nomBeneficiaire: { column: 'Structure' }, montant: { column: 'Montant' }, objet: { column: 'Objet' } },
          },
        },
      ],
    }),
  );
  const out = join(dir, 'wb-std.csv');
  const r = await runOdw('standardise', path, '--recipe', spec, '--out', out);
  assert.match(r.out, /17 rows written/);
  assert.match(r.out, /1 section heading\(s\)/);
  assert.ok(col(readCsvFile(out), 'nomBeneficiaire').includes('Association seule'));
});

test('the heading rule: first cell, a label, data rows that fill other columns, a section it opens', () => {
  const p = new RowProfile(4);
  for (let i = 0; i < 10; i++) p.add([`Club ${i}`, `Objet ${i}`, String(100 + i), '2014-01-02']);
  assert.equal(isSectionHeading(['FONCTIONNEMENT', '', '', ''], p, true), true);
  assert.equal(isSectionHeading(['Club seul', '', '', ''], p, false), false, 'a name among records');
  assert.equal(isSectionHeading(['', 'Objet seul', '', ''], p, true), false, 'not the first column');
  assert.equal(isSectionHeading(['1234', '', '', ''], p, true), false, 'not a label');
  assert.equal(isSectionHeading(['Total', '', '', ''], p, true), false, 'a total is the totals operation’s');
  const sparse = new RowProfile(4);
  for (let i = 0; i < 10; i++) sparse.add([`Club ${i}`, i < 5 ? `Objet ${i}` : '', i % 2 ? '100' : '', '']);
  assert.equal(isSectionHeading(['FONCTIONNEMENT', '', '', ''], sparse, true), false, 'records that leave most cells empty');
});
