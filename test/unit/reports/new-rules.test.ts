// multiline-cell (info, opt-in fix), blank-label after a title row, inconsistent-values.
import test from 'node:test';
import assert from 'node:assert/strict';
import { lintCsvText } from '../../../src/core/lint-csv';
import { cleanText } from '../../../src/core/clean/clean-text';
import { textLinter } from '../../../src/core/clean/linter';

const lint = (text: string) => lintCsvText(text, { maxProblems: 0 }).diagnostics;

test('a quoted cell with a line break is an info, with a fix that joins its lines', () => {
  const ds = lint('nom,objet\nA,"Aide au\nfonctionnement"\nB,simple\n').filter((d) => d.rule === 'multiline-cell');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 'info');
  assert.deepEqual([ds[0].row, ds[0].column, ds[0].line, ds[0].endLine], [2, 2, 2, 3]);
  assert.deepEqual(ds[0].fix, { kind: 'set-cell', value: 'Aide au fonctionnement' });
  assert.match(ds[0].message, /spans 2 lines/);
});

test('the multiline fix is opt-in: not among "every certain fix", applied and recorded when its step is asked for', () => {
  const text = 'nom,objet\n A,"Aide au\nfonctionnement"\n';
  const all = cleanText(text, textLinter({}));
  assert.match(all.text, /Aide au\nfonctionnement/, 'left alone without a step');
  assert.ok(!all.steps.some((s) => s.rule === 'multiline-cell'));
  const asked = cleanText(text, textLinter({}), [{ rule: 'multiline-cell' }]);
  assert.match(asked.text, /^nom,objet\r?\n A,"?Aide au fonctionnement"?\r?\n$/);
  assert.ok(
    asked.steps.some((s) => s.rule === 'multiline-cell' && s.count === 1),
    JSON.stringify(asked.steps),
  );
});

test('after a title row, blank labels are read on the detected header, not on the title', () => {
  const text = 'Subventions 2017,,,\nnom,montant,,date\nA,1,,2017-01-01\nB,2,,2017-02-01\n';
  const ds = lint(text);
  assert.ok(ds.some((d) => d.rule === 'header-not-first-row'));
  assert.deepEqual(
    ds.filter((d) => d.rule === 'blank-label').map((d) => `${d.row}:${d.column}`),
    ['2:3'],
  );
  // No header below: the first row's blanks are reported after all.
  const plain = lint('a,,\n1,2,3\n4,5,6\n').filter((d) => d.rule === 'blank-label');
  assert.deepEqual(
    plain.map((d) => `${d.row}:${d.column}`),
    ['1:2', '1:3'],
  );
});

test('a column mixing numbers, dates and text: one warning with the counts and an example of each kind', () => {
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => `A${i},${i * 10}`),
    'B,2021-03-04',
    'C,2021-05-06',
    'D,15/06/2021',
    'E,n/a',
    'F,voir annexe',
    'G,néant',
  ];
  const ds = lint(['nom,montant', ...rows].join('\n')).filter((d) => d.rule === 'inconsistent-values');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 'warning');
  assert.equal(ds[0].row, 1);
  assert.match(
    ds[0].message,
    /Column “montant” mixes kinds of values: 12 numbers \(e\.g\. “0”\), 3 dates \(e\.g\. “2021-03-04”\), 3 texts \(e\.g\. “n\/a”\)/,
  );
  // A text column with a couple of numbers, or a clean numeric column: nothing.
  assert.equal(
    lint(['nom,objet', ...Array.from({ length: 30 }, (_, i) => `A,projet ${i}`), 'B,2021', 'C,12'].join('\n')).filter(
      (d) => d.rule === 'inconsistent-values',
    ).length,
    0,
  );
});
