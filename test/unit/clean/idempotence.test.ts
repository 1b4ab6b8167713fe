// Cleaning twice changes nothing the second time, and leaves no fix behind.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCsvText } from '../../../src/core/lint-csv';
import { cleanText } from '../../../src/core/clean/clean-text';

const lint = (t: string) => lintCsvText(t, { maxProblems: 100000 });

const samples = [
  'nom,montant,date\n ASSO ,12,01/02/2020\nB,3,15/03/2021\n',
  'nom;montant\nA;12 350 000 €\nB;1 234,50\nC; - \n',
  'nom,montant,x\nA,24 975,00,\n',
  'a;b;c\n1;;3\n;;\n4;;6\n',
  'a;b\r\n1;2\n3;4\r\n5;6\r\n',
  ' nom ;b\n1;2\n',
  'nom;v\nA;"x ""q"" "\n',
];

for (const s of samples) {
  test(`clean(clean(x)) === clean(x): ${JSON.stringify(s).slice(0, 40)}`, () => {
    const once = cleanText(s, lint);
    assert.notEqual(once.text, s);
    const twice = cleanText(once.text, lint);
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.steps, []);
    assert.equal(once.diagnostics.filter((d) => d.fix).length, 0, 'no fix left after cleaning');
  });
}
