// Sections of a table headed by the header again: the rows under a repeated header that moves
// labels are read by that header, a label it changed is matched by the proposal's label rules or
// said, never guessed by position. The samples the proposal and the panel learn from are the rows
// the run writes: no heading, repeated header, blank or shifted row. Totals rows a recipe keeps are
// written, and said.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, readCsvFile, runOdw } from '../helpers';
import { labelField, proposeMapping } from '../../../src/core/standardise/propose';
import { standardiseToFile } from '../../../src/core/standardise/run';
import { sampleSource } from '../../../src/core/standardise/sample';
import { proposeTask } from '../../../src/core/standardise/task';
import type { StandardiseSpec } from '../../../src/core/standardise/spec';
import { headerLayout, repeatsHeader } from '../../../src/core/standardise/table-ops';
import { resolveTarget } from '../../../src/core/standardise/target';

const dir = mkdtempSync(join(tmpdir(), 'odw-std-sections-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const SUB = resolveTarget('scdl/subventions');
const col = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);

/** Montpellier 2014's layout, in small: sections headed by the header again, one with `Thématique` 4th, one with `Nature` for `Type`. */
const SECTIONS = [
  'Code;Structure;Type;Nom du projet;Montant;Thématique',
  '1;Club A;F;Projet A;100;SPORT',
  '2;Club B;P;Projet B;200;SPORT',
  ';;;Total;300;',
  ';;;;;',
  'Code;Structure;Type;Thématique;Montant;',
  '64;Adages;F;Petite enfance;7500;',
  ';;F;Solidarité;5000;',
  ';;;Total;12500;',
  ';;;;;',
  'Code;Structure;Nature;Nom du projet;Montant;Thématique',
  '31;Club C;P;Projet C;1000;ECOLOGIE',
  'Code;Structure;Catégorie;Nom du projet;Montant;Thématique',
  '40;Club D;P;Projet D;500;CULTURE',
  'Code;Structure;Type;Nom du projet;Montant;Thématique',
  '50;Club E;F;Projet E;600;CULTURE',
].join('\n');

const SPEC: StandardiseSpec = {
  schema: { name: 'scdl/subventions' },
  fields: {
    nomBeneficiaire: { column: 'Structure' },
    objet: { column: 'Nom du projet' },
    montant: { column: 'Montant' },
    dispositifAide: { column: 'Thématique' },
    nature: { map: 'Type', values: { F: 'aide en numéraire', P: 'aide en nature' } },
  },
};

test('the rows under a repeated header that moves a label are read by that header, until the next one', async () => {
  const src = file('sections.csv', SECTIONS + '\n');
  const out = join(dir, 'sections-std.csv');
  const r = await standardiseToFile(SPEC, SUB, { path: src }, out);
  const rows = readCsvFile(out);
  const names = col(rows, 'nomBeneficiaire');
  const adages = names.indexOf('Adages');
  // Line 6 puts `Thématique` 4th: its rows' 4th cell is the theme, not the project.
  assert.deepEqual([col(rows, 'dispositifAide')[adages], col(rows, 'objet')[adages]], ['Petite enfance', '']);
  assert.deepEqual([col(rows, 'dispositifAide')[adages + 1], col(rows, 'objet')[adages + 1]], ['Solidarité', '']);
  assert.ok(!col(rows, 'objet').includes('Petite enfance'), 'no theme written as the object');
  // `Nature` for `Type` (line 11): both name the schema's `nature`, the same column.
  assert.equal(col(rows, 'nature')[names.indexOf('Club C')], 'aide en nature');
  // `Catégorie` for `Type` (line 13) names no field: not guessed, its cells not read, and said.
  const d = names.indexOf('Club D');
  assert.deepEqual([col(rows, 'nature')[d], col(rows, 'objet')[d], col(rows, 'montant')[d]], ['', 'Projet D', '500']);
  assert.deepEqual(r.unmatchedLabels, { count: 1, labels: [{ label: 'Catégorie', line: 13 }] });
  // The header again as the first: positions again.
  const e = names.indexOf('Club E');
  assert.deepEqual(
    [col(rows, 'objet')[e], col(rows, 'dispositifAide')[e], col(rows, 'nature')[e]],
    ['Projet E', 'CULTURE', 'aide en numéraire'],
  );
  assert.equal(col(rows, 'objet')[names.indexOf('Club A')], 'Projet A');
  // Lines 7–9 (the total among them: this recipe keeps totals) read by line 6, line 14 by line 13.
  assert.deepEqual(r.byRepeatedHeader, { count: 4, lines: [7, 8, 9, 14] });
  assert.equal(r.repeatedHeader.count, 4);
  assert.equal(r.rows, 9);
});

test('the CLI says which rows a repeated header read and which of its labels match no column', async () => {
  const src = file('sections-cli.csv', SECTIONS + '\n');
  const recipe = file(
    'sections.json',
    JSON.stringify({ version: 1, dataset: 'sections-cli.csv', steps: [{ rule: 'standardise', standardise: SPEC }] }),
  );
  const en = await runOdw('standardise', src, '--recipe', recipe, '--out', join(dir, 'sections-en.csv'));
  assert.match(
    en.out,
    /\n {2}4 row\(s\) read by the repeated header above them, whose columns differ from the header’s \(lines 7, 8, 9, 14\)\.\n/,
  );
  assert.match(
    en.out,
    /\n {2}1 label\(s\) of a repeated header match no column of the header, their cells not read: “Catégorie” \(line 13\)\.\n/,
  );
  const fr = await runOdw('standardise', src, '--recipe', recipe, '--out', join(dir, 'sections-fr.csv'), '--lang', 'fr');
  assert.match(
    fr.out,
    /4 ligne\(s\) lue\(s\) selon l’en-tête répété au-dessus d’elles, dont les colonnes diffèrent de celles de l’en-tête \(lignes 7, 8, 9, 14\)\./,
  );
  assert.match(
    fr.out,
    /1 libellé\(s\) d’en-tête répété sans colonne correspondante dans l’en-tête, leurs cellules non lues : « Catégorie » \(ligne 13\)\./,
  );
  assert.equal(en.code, fr.code);
});

test('the layout of a repeated header: labels as written, normalised, by field; blanks keep their place', () => {
  const header = ['Code', 'Structure', 'Type', 'Nom du projet', 'Montant', 'Thématique'];
  // Montpellier's line 619: the theme 4th, the last labels blank.
  assert.deepEqual(headerLayout(['Code', 'Structure', 'Type', 'Thématique', 'Montant', ''], header), {
    layout: [0, 1, 2, -1, 4, 3],
    unmatched: [],
  });
  // The header again, its last labels blank: read as the first header says.
  assert.deepEqual(headerLayout(['Code', 'Structure', 'Type', '', '', ''], header), { layout: null, unmatched: [] });
  // Normalised labels (case, accents, spaces) are the same column.
  assert.deepEqual(
    headerLayout(['code', 'STRUCTURE ', 'Type', 'Nom du projet', 'Thematique', 'Montant'], header).layout,
    [0, 1, 2, 3, 5, 4],
  );
  // A changed label: matched when both name the same field, else not read, never taken by its place.
  const fieldOf = labelField(SUB);
  assert.equal(fieldOf('Type'), 'nature');
  assert.equal(fieldOf('Nature'), 'nature');
  const changed = ['Code', 'Structure', 'Nature', 'Nom du projet', 'Montant', 'Thématique'];
  assert.deepEqual(headerLayout(changed, header, fieldOf), { layout: null, unmatched: [] });
  assert.deepEqual(headerLayout(changed, header), { layout: [0, 1, -1, 3, 4, 5], unmatched: ['Nature'] });
  // Whole columns moved: still the header, read by it.
  const moved = ['Montant', 'Structure', 'Code', 'Type', 'Nom du projet', 'Thématique'];
  assert.ok(repeatsHeader(moved, header));
  assert.deepEqual(headerLayout(moved, header).layout, [2, 1, 3, 4, 0, 5]);
  // A data row whose cells happen to be labels elsewhere is no header unless three of them are.
  assert.ok(!repeatsHeader(['1', 'Club', 'Montant', 'Projet', '100', 'Type'], header));
});

test('Montpellier 2014: the section under line 619 is read by its own header', async () => {
  const src = join(FIXTURES, 'corpus', 'mtp_COM_Montpellier_AttribSub_2014.ods');
  const out = join(dir, 'mtp-sections.csv');
  const r = await standardiseToFile(SPEC, SUB, { path: src }, out);
  const rows = readCsvFile(out);
  const names = col(rows, 'nomBeneficiaire');
  const i = names.indexOf('Adages');
  assert.deepEqual([col(rows, 'dispositifAide')[i], col(rows, 'objet')[i], col(rows, 'montant')[i]], ['Petite enfance', '', '7500']);
  assert.deepEqual(r.byRepeatedHeader, { count: 4, lines: [620, 621, 622, 623] });
  // Line 697's `Nature` is the first header's `Type`: nothing left unread.
  assert.deepEqual(r.unmatchedLabels, { count: 0, labels: [] });
  assert.equal(r.repeatedHeader.count, 23);
  const shhnh = names.findIndex((n) => n.startsWith("SOCIETE D'HORTICULTURE"));
  assert.deepEqual(
    [col(rows, 'nature')[shhnh], col(rows, 'dispositifAide')[shhnh]],
    ['aide en numéraire', 'QUALITE ESPACE PUBLIC ECOLOGIE'],
  );
});

/** Full rows of a six-column table (name, SIRET, object, amount, date, nature). */
const full = (from: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Club ${from + i};${String(12345678900000 + from + i)};Projet ${from + i};${1100 + 37 * (from + i)};${String((i % 27) + 1).padStart(2, '0')}/03/2014;aide en numéraire`,
  );

test('the sample is the rows the run writes: no heading, repeated header, blank or shifted row', async () => {
  const header = 'Bénéficiaire;SIRET;Objet;Montant;Date;Nature';
  const src = file(
    'sample.csv',
    [
      header,
      'FONCTIONNEMENT;;;;;',
      ...full(1, 12),
      ';;;;;',
      header,
      // Objet lost: the amount would be the object, the date the amount.
      'Club Décalé;12345678900099;2500;15/03/2014;aide en numéraire',
      ...full(20, 12),
    ].join('\n') + '\n',
  );
  const spec: StandardiseSpec = {
    schema: { name: 'scdl/subventions' },
    fields: { nomBeneficiaire: { column: 'Bénéficiaire' }, objet: { column: 'Objet' }, montant: { column: 'Montant' } },
  };
  const out = join(dir, 'sample-std.csv');
  const r = await standardiseToFile(spec, SUB, { path: src }, out);
  assert.deepEqual([r.sectionHeading.count, r.blank.count, r.repeatedHeader.count, r.shifted.count], [1, 1, 1, 1]);
  const sample = await sampleSource({ path: src }, { target: SUB });
  assert.deepEqual(
    sample.rows.map((row) => row[0]),
    col(readCsvFile(out), 'nomBeneficiaire'),
  );
  assert.equal(sample.header.join(';'), header, 'the header as written');
  assert.deepEqual([sample.report.sectionHeading.count, sample.report.shifted.count], [1, 1]);
  // Fewer rows than the file holds: the first rows written, in order.
  const few = await sampleSource({ path: src }, { rows: 3 });
  assert.deepEqual(
    few.rows.map((row) => row[0]),
    ['Club 1', 'Club 2', 'Club 3'],
  );
});

test('the proposal and the panel’s values do not learn from headings and repeated headers', async () => {
  // The headings are in the first column, here the nature: read as values, they made a value map
  // (`nature` → aide en nature, from the header again) at 0.7 instead of the column as it is.
  const rows = ['Nature;Bénéficiaire;Objet;Montant', 'FONCTIONNEMENT;;;'];
  for (let i = 0; i < 6; i++) rows.push(`aide en numéraire;Club ${i};Projet ${i};${1000 + i}`);
  rows.push(';;;', 'INVESTISSEMENT;;;');
  for (let i = 6; i < 12; i++) rows.push(`aide en nature;Club ${i};Projet ${i};${1000 + i}`);
  rows.push('Nature;Bénéficiaire;Objet;Montant');
  for (let i = 12; i < 14; i++) rows.push(`aide en numéraire;Club ${i};Projet ${i};${1000 + i}`);
  const src = file('headed.csv', rows.join('\n') + '\n');
  const p = proposeMapping(SUB, await sampleSource({ path: src }, { target: SUB }));
  const nature = p.fields.find((f) => f.field === 'nature')!;
  assert.deepEqual([nature.kind, nature.confidence, p.spec.fields.nature], ['column', 1, { column: 'Nature' }]);
  const view = await proposeTask({ source: { path: src }, schema: 'scdl/subventions' });
  assert.ok(view.ok);
  assert.deepEqual(view.result.columnValues['Nature'], ['aide en numéraire', 'aide en nature']);
  assert.equal(view.result.proposal.find((f) => f.field === 'nature')?.kind, 'column');
  // Detected, not given: the same.
  const detected = await proposeTask({ source: { path: src } });
  assert.ok(detected.ok);
  assert.deepEqual(detected.result.columnValues['Nature'], ['aide en numéraire', 'aide en nature']);
});

test('Montpellier 2014: the sample has none of the file’s spacer rows and repeated headers', async () => {
  const src = join(FIXTURES, 'corpus', 'mtp_COM_Montpellier_AttribSub_2014.ods');
  const s = await sampleSource({ path: src }, { target: SUB });
  assert.equal(s.rows.length, 500);
  assert.ok(!s.rows.some((r) => r.every((c) => c.trim() === '')), 'no blank row (6 in the first 500 before)');
  assert.ok(!s.rows.some((r) => r[1]?.trim() === 'Structure'), 'no repeated header (4 before)');
  const view = await proposeTask({ source: { path: src }, schema: 'scdl/subventions' });
  assert.ok(view.ok && !view.result.columnValues['Type'].includes('Type'));
});

test('totals rows a recipe keeps are written and said; `drop.totals` leaves them out, under a moved header too', async () => {
  const src = file('totals.csv', SECTIONS + '\n');
  const kept = await standardiseToFile(SPEC, SUB, { path: src }, join(dir, 'totals-kept.csv'));
  assert.deepEqual([kept.rows, kept.totalsWritten], [9, { count: 2, lines: [4, 9] }]);
  assert.deepEqual(
    col(readCsvFile(join(dir, 'totals-kept.csv')), 'montant').filter((m) => m === '300' || m === '12500'),
    ['300', '12500'],
    'written as records, as the recipe asks',
  );
  // Line 9's `Total` stands where line 6 puts `Thématique`: still a total, judged as the file holds it.
  const spec: StandardiseSpec = { ...SPEC, table: { drop: { totals: true } } };
  const dropped = await standardiseToFile(spec, SUB, { path: src }, join(dir, 'totals-dropped.csv'));
  assert.deepEqual([dropped.rows, dropped.totalsWritten.count], [7, 0]);
  const recipe = file(
    'totals.json',
    JSON.stringify({ version: 1, dataset: 'totals.csv', steps: [{ rule: 'standardise', standardise: SPEC }] }),
  );
  const en = await runOdw('standardise', src, '--recipe', recipe, '--out', join(dir, 'totals-en.csv'));
  assert.match(
    en.out,
    /\n {2}2 totals row\(s\) written as records \(lines 4, 9\); the table operation “Drop totals rows” \("drop": \{"totals": true\}\) leaves them out\.\n/,
  );
  const fr = await runOdw('standardise', src, '--recipe', recipe, '--out', join(dir, 'totals-fr.csv'), '--lang', 'fr');
  assert.match(
    fr.out,
    /2 ligne\(s\) de total écrite\(s\) comme des enregistrements \(lignes 4, 9\) ; l’opération « Supprimer les lignes de totaux »/,
  );
  const recipeDrop = file(
    'totals-drop.json',
    JSON.stringify({ version: 1, dataset: 'totals.csv', steps: [{ rule: 'standardise', standardise: spec }] }),
  );
  const none = await runOdw('standardise', src, '--recipe', recipeDrop, '--out', join(dir, 'totals-none.csv'));
  assert.doesNotMatch(none.out, /written as records/);
  assert.match(
    none.out,
    /\n {2}2 totals row\(s\) not written \(lines 4, 9\): the table operation “Drop totals rows” \("drop": \{"totals": true\}\) leaves them out\.\n/,
  );
  assert.deepEqual(dropped.totalsDropped, { count: 2, lines: [4, 9] });
});

test('Montpellier 2014: the proposal drops its 24 totals rows, and says so; kept on request, they are written and said', async () => {
  const src = join(FIXTURES, 'corpus', 'mtp_COM_Montpellier_AttribSub_2014.ods');
  const p = proposeMapping(SUB, await sampleSource({ path: src }, { target: SUB }));
  assert.deepEqual(p.spec.table, { drop: { totals: true } });
  const d = await standardiseToFile(p.spec, SUB, { path: src }, join(dir, 'mtp-no-totals.csv'));
  assert.deepEqual(
    [d.rows, d.totalsWritten.count, d.totalsDropped.count, d.totalsDropped.lines.slice(0, 4)],
    [1191, 0, 24, [35, 46, 50, 73]],
  );
  const { table: _t, ...kept } = p.spec;
  const r = await standardiseToFile(kept, SUB, { path: src }, join(dir, 'mtp-totals.csv'));
  assert.deepEqual(
    [r.rows, r.totalsWritten.count, r.totalsWritten.lines.slice(0, 4), r.totalsDropped.count],
    [1215, 24, [35, 46, 50, 73], 0],
  );
});
