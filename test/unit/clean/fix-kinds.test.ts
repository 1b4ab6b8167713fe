// Each fix kind on a small table, with the exact text it must produce.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCsvText } from '../../../src/core/lint-csv';
import type { Diagnostic, FixData } from '../../../src/core/model';
import { cleanText } from '../../../src/core/clean/clean-text';
import { stepDateFormats } from '../../../src/core/clean/steps';
import { writeCell } from '../../../src/core/clean/csv-text';
import { applyEdits } from '../../../src/core/clean/edits';
import { planEdits } from '../../../src/core/clean/plan';
import { textLinter } from '../../../src/core/clean/linter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers';

const lint = (t: string) => lintCsvText(t, { maxProblems: 100000 });
const clean = (t: string, rules?: string[]) =>
  cleanText(
    t,
    lint,
    rules?.map((rule) => ({ rule })),
  ).text;
const semi = { delimiter: ';', quoteChar: '"' };

/** A diagnostic as a schema check would emit it: only the fields the planner reads. */
function fixAt(row: number, column: number | null, fix: FixData, rule = 'schema-check'): Diagnostic {
  return { rule, severity: 'error', message: '', row, column, field: null, line: null, start: null, end: null, fix };
}

test('cell whitespace and NBSP are trimmed, other cells untouched', () => {
  assert.equal(clean('nom;ville\n ASSO ;"Paris"\nB\u00a0;Lyon\n', ['cell-whitespace']), 'nom;ville\nASSO;"Paris"\nB;Lyon\n');
});

test('header labels are trimmed', () => {
  assert.equal(clean(' nom ;b\n1;2\n', ['label-whitespace']), 'nom;b\n1;2\n');
});

test('dates become ISO 8601 using the column format', () => {
  assert.equal(
    clean('nom,montant,date\nA,12,01/02/2020\nB,3,15/03/2021\n', ['date-format']),
    'nom,montant,date\nA,12,2020-02-01\nB,3,2021-03-15\n',
  );
});

test('numbers lose thousands separators, currency, and get a decimal point', () => {
  assert.equal(clean('nom;montant\nA;12 350 000 €\nB;1 234,50\nC; - \n', ['number-format']), 'nom;montant\nA;12350000\nB;1234.50\nC;0\n');
});

test('an unquoted decimal comma that split a row is re-joined into one quoted cell', () => {
  assert.equal(clean('nom,montant\nA,24 975,00\nB,12\n', ['extra-cell']), 'nom,montant\nA,"24 975,00"\nB,12\n');
  // With number-format too, the joined cell then becomes a plain number (quotes kept: minimal diff).
  assert.equal(clean('nom,montant\nA,24 975,00\nB,12\n', ['extra-cell', 'number-format']), 'nom,montant\nA,"24975.00"\nB,12\n');
});

test('blank rows are removed, empty columns dropped, non-blank rows kept in order', () => {
  assert.equal(clean('a;b;c\n1;;3\n;;\n4;;6\n', ['blank-row', 'empty-column']), 'a;c\n1;3\n4;6\n');
});

test('line endings follow the majority', () => {
  assert.equal(clean('a;b\r\n1;2\n3;4\r\n5;6\r\n', ['line-endings']), 'a;b\r\n1;2\r\n3;4\r\n5;6\r\n');
});

test('a value needing quotes is quoted with doubled quotes; a quoted cell stays quoted', () => {
  assert.equal(writeCell('a;b', semi), '"a;b"');
  assert.equal(writeCell('say "hi"', semi), '"say ""hi"""');
  assert.equal(writeCell('two\nlines', semi), '"two\nlines"');
  assert.equal(writeCell('plain', semi), 'plain');
  assert.equal(writeCell('plain', semi, true), '"plain"');
  assert.equal(clean('nom;v\nA;"x ""q"" "\n', ['cell-whitespace']), 'nom;v\nA;"x ""q"""\n');
});

test('set-cell fixes from schema checks (header rename, SIRET, boolean) are applied by kind', () => {
  const text = 'Nom Attribuant;siret;actif\r\nVille;"213 500 001 00014";oui\r\n';
  const plan = planEdits(text, semi, [
    fixAt(1, 1, { kind: 'set-cell', value: 'nomAttribuant' }),
    fixAt(2, 2, { kind: 'set-cell', value: '21350000100014' }),
    fixAt(2, 3, { kind: 'set-cell', value: 'true' }),
  ]);
  assert.equal(applyEdits(text, plan.edits), 'nomAttribuant;siret;actif\r\nVille;"21350000100014";true\r\n');
  assert.equal(plan.applied.length, 3);
});

test('a new value containing the delimiter is quoted', () => {
  const text = 'a;b\n1;2\n';
  const plan = planEdits(text, semi, [fixAt(2, 2, { kind: 'set-cell', value: '3;4' })]);
  assert.equal(applyEdits(text, plan.edits), 'a;b\n1;"3;4"\n');
});

test('two fixes on one cell: the second waits for the next pass', () => {
  const text = 'a;b\n1;2\n';
  const plan = planEdits(text, semi, [fixAt(2, 2, { kind: 'set-cell', value: 'x' }), fixAt(2, 2, { kind: 'set-cell', value: 'y' })]);
  assert.equal(applyEdits(text, plan.edits), 'a;b\n1;x\n');
  assert.equal(plan.deferred.length, 1);
});

test('a fix inside a deleted row or column is dropped, not applied', () => {
  const text = 'a;b;c\n1;;3\n ;;\n';
  const plan = planEdits(text, semi, [
    fixAt(3, null, { kind: 'delete-row' }),
    fixAt(3, 1, { kind: 'set-cell', value: '' }),
    fixAt(1, 2, { kind: 'delete-column' }),
  ]);
  assert.equal(applyEdits(text, plan.edits), 'a;c\n1;3\n');
  assert.equal(plan.applied.length, 2);
});

test('multi-line quoted cells survive a column deletion', () => {
  const text = 'a;b;c\n"x\ny";;3\n';
  const plan = planEdits(text, semi, [fixAt(1, 2, { kind: 'delete-column' })]);
  assert.equal(applyEdits(text, plan.edits), 'a;c\n"x\ny";3\n');
});

test('schema check fixes are applied generically (SCDL subventions type errors)', () => {
  const path = join(FIXTURES, 'workspace', 'schema-subventions.csv');
  const text = readFileSync(path, 'utf8');
  // 05/12/2016 is the column's only slash date and reads both ways: no fix until the order is given.
  assert.deepEqual(cleanText(text, textLinter({}, path)).steps, [
    { rule: 'type-error', fix: 'set-cell', count: 2, fields: ['montant', 'pourcentageSubvention'] },
  ]);
  const r = cleanText(text, textLinter({ dateFormats: { dateConvention: 'dd/mm/yyyy' } }, path));
  assert.deepEqual(r.steps, [
    { rule: 'type-error', fix: 'set-cell', count: 3, fields: ['dateConvention', 'montant', 'pourcentageSubvention'] },
  ]);
  assert.ok(r.after.error < r.before.error);
  const before = text.split('\n');
  const after = r.text.split('\n');
  const changed = before.map((l, i) => (l === after[i] ? null : i + 1)).filter((x) => x !== null);
  assert.deepEqual(changed, [5, 6, 9], 'only the rows with a fixable type error change');
  assert.match(after[4], /,2016-12-05,/);
  assert.match(after[5], /,"100000\.1",/, 'a quoted cell stays quoted');
  assert.match(after[8], /,"0\.5"$/);
});

test('an ambiguous date column is left alone until its order is chosen; the recipe keeps the order, not the values', () => {
  const src = 'nom;d\nA;03/04/2019\nB;05/06/2019\n';
  assert.equal(clean(src, ['date-format']), src, 'no guess');
  const steps = [{ rule: 'date-format', formats: { d: 'mm/dd/yyyy' } }];
  const r = cleanText(src, (t) => lintCsvText(t, { maxProblems: 100000, dateFormats: stepDateFormats(steps) }), steps);
  assert.equal(r.text, 'nom;d\nA;2019-03-04\nB;2019-05-06\n');
  assert.deepEqual(
    r.steps.map((s) => s.formats),
    [{ d: 'mm/dd/yyyy' }],
  );
  // Replaying the recorded steps on next year's file converts the same way without asking.
  const next = 'nom;d\nC;01/02/2020\n';
  const replayed = cleanText(next, (t) => lintCsvText(t, { maxProblems: 100000, dateFormats: stepDateFormats(r.steps) }), r.steps);
  assert.equal(replayed.text, 'nom;d\nC;2020-01-02\n');
});

test('the cleaning linter places every schema problem, past 1 000 too (no empty message, no missing cell)', () => {
  const text = ['n;nom', ...Array.from({ length: 1500 }, (_, i) => `x${i};A`)].join('\n') + '\n';
  const lint = textLinter({
    schema: {
      fields: [
        { name: 'n', type: 'integer' },
        { name: 'nom', type: 'string' },
      ],
    } as never,
  });
  const types = lint(text).diagnostics.filter((d) => d.rule === 'type-error');
  assert.equal(types.length, 1500);
  assert.deepEqual(
    types.filter((d) => !d.message || d.row == null),
    [],
  );
  assert.equal(types[1499].row, 1501);
});
