// code-leading-zero on SCDL budget CSVs: a chapter, account or function code that lost its
// zero is diagnosed with the plan de comptes (and fixed when the label confirms it); a label
// that disagrees with the plan is a warning; converted acts raise nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertActToFile } from '../../../src/core/budget/convert';
import { SCDL_BUDGET_COLUMNS } from '../../../src/core/budget/rows';
import { lintCsvText } from '../../../src/core/lint-csv';
import { actOf, caseNames, tmp } from './helpers';
import { FIXTURES } from '../helpers';

const HEAD = SCDL_BUDGET_COLUMNS.join(',');
const line = (
  chap: string,
  chapLabel: string,
  nature = '6068',
  natureLabel = 'Autres matières et fournitures',
  fonction = '',
  fonctionLabel = '',
) =>
  [
    'budget primitif',
    '2022',
    '21560046100010',
    'CRACH',
    chap,
    chapLabel,
    nature,
    natureLabel,
    fonction,
    fonctionLabel,
    '',
    'fonctionnement',
    'réel',
    'dépense',
    '',
    '',
    '',
    '',
    '10.00',
    '',
    '',
    '',
  ].join(',');
const lint = (rows: string[], lang: 'en' | 'fr' = 'en') =>
  lintCsvText([HEAD, ...rows].join('\n') + '\n', { lang }).diagnostics.filter((d) => d.rule === 'code-leading-zero');

test('a chapter that lost its zero: named with the plan, fixed when the label confirms it', () => {
  const [d] = lint([line('11', 'Charges à caractère général')]);
  assert.equal(d.severity, 'error');
  assert.equal(
    d.message,
    'chapitre 11 does not exist in M14 2022; 011 — Charges à caractère général does: the leading zero was lost (the column was read as a number).',
  );
  assert.deepEqual(d.fix, { kind: 'set-cell', value: '011' });
  assert.equal(d.field, 'BGT_CONTNAT');
  const [fr] = lint([line('11', 'Charges à caractère général')], 'fr');
  assert.match(fr.message, /^Le chapitre 11 n’existe pas dans M14 2022 ; le 011 — Charges à caractère général existe/);
});

test('20 is a chapter too, but labelled “Dépenses imprévues” it is 020', () => {
  const [d] = lint([line('20', 'Dépenses imprévues')]);
  assert.match(d.message, /chapitre 20 is labelled “Dépenses imprévues”, the label of 020 in M14 2022/);
  assert.deepEqual(d.fix, { kind: 'set-cell', value: '020' });
  assert.deepEqual(lint([line('20', 'Immobilisations incorporelles')]), [], 'chapter 20 with its own label is fine');
});

test('a function and an account without their zeros; a label the plan disagrees with is a warning', () => {
  const ds = lint([
    line('011', 'Charges à caractère général', '2', 'Résultat de fonctionnement reporté', '1', 'Opérations non ventilables'),
  ]);
  assert.deepEqual(
    ds.map((d) => [d.field, d.fix]),
    [
      ['BGT_NATURE', { kind: 'set-cell', value: '002' }],
      ['BGT_FONCTION', { kind: 'set-cell', value: '01' }],
    ],
  );
  // The plan the file follows is the one its labels match (here M14, from the first row).
  const [w] = lint([line('012', 'Charges de personnel et frais assimilés'), line('011', 'Charges générales')]);
  assert.equal(w.severity, 'warning');
  assert.match(w.message, /label “Charges générales” of chapitre 011 differs from the plan M14 2022: “Charges à caractère général”/);
  assert.equal(w.fix, undefined);
  // French: « la fonction », « de la fonction », as « le chapitre », « du compte ».
  const fr = lint(
    [line('011', 'Charges à caractère général', '2', 'Résultat de fonctionnement reporté', '1', 'Opérations non ventilables')],
    'fr',
  );
  assert.match(fr.find((d) => d.field === 'BGT_FONCTION')!.message, /^La fonction 1 /);
  assert.match(fr.find((d) => d.field === 'BGT_NATURE')!.message, /^Le compte 2 /);
  const [wFr] = lint([line('012', 'Charges de personnel et frais assimilés'), line('011', 'Charges générales')], 'fr');
  assert.match(wFr.message, /^Le libellé « Charges générales » du chapitre 011 diffère de celui du plan M14 2022/);
  const chart = readFileSync(join(FIXTURES, 'workspace', 'chart-budget.csv'), 'utf8');
  const fn = lintCsvText(chart, { lang: 'fr' }).diagnostics.filter((d) => d.rule === 'code-leading-zero' && d.severity === 'warning');
  assert.match(fn[0].message, /^Le libellé « Administration générale » de la fonction 020 diffère de celui du plan M57 2023/);
});

test('not a budget file: the rule stays silent', () => {
  const ds = lintCsvText('code,label\n11,Charges\n', { lang: 'en' }).diagnostics.filter((d) => d.rule === 'code-leading-zero');
  assert.deepEqual(ds, []);
});

test('the converted shared acts raise no code-leading-zero diagnostic (their labels are the plan’s)', async () => {
  for (const name of caseNames()) {
    const out = join(tmp(), 'b.csv');
    await convertActToFile(actOf(name), out, { baseUrl: null, cacheDir: null });
    const errors = lintCsvText(readFileSync(out, 'utf8'), { lang: 'en' }).diagnostics.filter((d) => d.rule === 'code-leading-zero');
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
      name,
    );
  }
});
