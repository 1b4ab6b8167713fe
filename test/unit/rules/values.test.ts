import test from 'node:test';
import assert from 'node:assert/strict';
import { at, lint, only } from '../helpers';

test('cell-whitespace: leading/trailing spaces and NBSP, trim fix', () => {
  const ds = only(lint('nom;ville\nASSIANA ;Paris\nX;\u00a0Lyon\n'), 'cell-whitespace');
  assert.deepEqual(ds.map(at), ['2:1 2:0-8', '3:2 3:2-7']);
  assert.deepEqual(ds[0].fix, { kind: 'set-cell', value: 'ASSIANA' });
  assert.match(ds[1].message, /non-breaking/);
});

test('date-format: dd/mm/yyyy column converted with ISO fix', () => {
  const ds = only(lint('nom,date\nA,30/01/2017\nB,2017-02-01\n'), 'date-format');
  assert.deepEqual(ds.map(at), ['2:2 2:2-12']);
  assert.deepEqual(ds[0].fix, { kind: 'set-cell', value: '2017-01-30' });
  assert.match(ds[0].message, /mixes formats \(DD\/MM\/YYYY: 1, YYYY-MM-DD: 1\)/);
  const [fr] = only(lint('nom,date\nA,30/01/2017\nB,2017-02-01\n', { lang: 'fr' }), 'date-format');
  assert.match(fr.message, /La colonne mélange plusieurs formats \(JJ\/MM\/AAAA : 1, AAAA-MM-JJ : 1\)\.$/);
});

test('date-format: ambiguous 03/04/2019 follows the column (day first)', () => {
  const ds = only(lint('d\n03/04/2019\n25/12/2019\n'), 'date-format');
  assert.deepEqual(
    ds.map((d) => d.fix),
    [
      { kind: 'set-cell', value: '2019-04-03' },
      { kind: 'set-cell', value: '2019-12-25' },
    ],
  );
});

test('date-format: month-first column is recognised', () => {
  const ds = only(lint('d\n03/04/2019\n12/25/2019\n'), 'date-format');
  assert.deepEqual(
    ds.map((d) => (d.fix as { value: string }).value),
    ['2019-03-04', '2019-12-25'],
  );
});

test('date-format: Excel serials in a date column, yyyy/mm/dd, and stray text', () => {
  const ds = only(lint('dateConvention\n43055\n2017/09/08\n2017-01-01\nCommission du 22 mai\n'), 'date-format');
  assert.deepEqual(
    ds.map((d) => [d.row, d.fix && (d.fix as { value: string }).value]),
    [
      [2, '2017-11-16'],
      [3, '2017-09-08'],
      [5, undefined],
    ],
  );
});

test('date-format: five-digit numbers in a non-date column are not dates', () => {
  assert.equal(only(lint('code\n43055\n43056\n'), 'date-format').length, 0);
});

test('number-format: French amounts in a numeric column', () => {
  const ds = only(lint('nom;montant\nA;12 350 000 €\nB; 1\u00a0063\u00a0850,00 \nC; - \nD;200.5\n'), 'number-format');
  assert.deepEqual(
    ds.map((d) => (d.fix as { value: string }).value),
    ['12350000', '1063850.00', '0'],
  );
  assert.match(ds[0].message, /currency/);
});

test('number-format: a text column with one number-like cell is left alone', () => {
  assert.equal(only(lint('objet\nrue de la paix\n12 000\nautre\nencore\n'), 'number-format').length, 0);
});

test('formula-injection: =, @, +cmd, "- text" flagged; numbers and "-" placeholders not', () => {
  const ds = only(lint('a\n=HYPERLINK("http://x")\n@SUM(A1)\n-12\n-\n+33\n- tiret\n+cmd\n- 5\n'), 'formula-injection');
  // "- tiret" is evaluated by a spreadsheet too (#NAME?): only numbers and a lone dash are spared.
  assert.deepEqual(
    ds.map((d) => d.row),
    [2, 3, 7, 8],
  );
});

test('totals-row: a trailing Total line', () => {
  const ds = only(lint('nom;montant\nA;1\nB;2\nTotal;3\n'), 'totals-row');
  assert.deepEqual(
    ds.map((d) => d.row),
    [4],
  );
  assert.equal(only(lint('nom;montant\nTotal;3\nB;2\n'), 'totals-row').length, 0);
});

test('rule settings: off and severity override', () => {
  const text = 'a;b\n1;2\n';
  assert.equal(only(lint(text, { rules: { delimiter: 'off' } }), 'delimiter').length, 0);
  assert.equal(only(lint(text, { rules: { delimiter: 'error' } }), 'delimiter')[0].severity, 'error');
});

test('maxProblems caps the list', () => {
  const text = 'a\n' + Array.from({ length: 50 }, () => ' x ').join('\n');
  assert.equal(lint(text, { maxProblems: 10 }).length, 10);
});

test('date-format: a column whose dates all read both ways gets no guessed fix, but a question', () => {
  const ds = only(lint('nom;d\nA;03/04/2019\nB;05/06/2019\nC;2019-07-01\n'), 'date-format');
  assert.deepEqual(
    ds.map((d) => d.fix),
    [
      { kind: 'choose-date-order', field: 'd', sample: '03/04/2019' },
      { kind: 'choose-date-order', field: 'd', sample: '05/06/2019' },
    ],
  );
  assert.match(ds[0].message, /ambiguous/);
});

test('date-format: the chosen order of an ambiguous column makes its fixes certain', () => {
  const ds = only(lint('nom;d\nA;03/04/2019\nB;05/06/2019\n', { dateFormats: { d: 'mm/dd/yyyy' } }), 'date-format');
  assert.deepEqual(
    ds.map((d) => d.fix),
    [
      { kind: 'set-cell', value: '2019-03-04' },
      { kind: 'set-cell', value: '2019-05-06' },
    ],
  );
});
