// Formula safety (issue #16): the cleaner never makes a cell start a formula, the rule sees
// the `- ` / `+ ` and padded forms, and its apostrophe fix is offered, never applied alone.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { main } from '../../../src/cli';
import { cleanText } from '../../../src/core/clean/clean-text';
import { textLinter } from '../../../src/core/clean/linter';
import { isCertainFix, isTextFix } from '../../../src/core/clean/plan';
import { createsFormula, leadsFormula, startsFormula } from '../../../src/core/values/formula';
import { FIXTURES, lint, only } from '../helpers';

const CORPUS = join(FIXTURES, 'hostile', 'formulas.csv');
const cells = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

test('startsFormula: = + - @ after trimming, tab and CR too; numbers and a lone sign are harmless', () => {
  for (const v of ['=1+1', ' =1+1 ', '\t=1+1', '\r=2+2', '@SUM(A1)', '- 1+HYPERLINK("http://x")', '+ 1+1', '+cmd'])
    assert.ok(startsFormula(v), v);
  for (const v of ['-12', '+33', '-', ' - 5 ', '- 5', '1+1', 'a=b', '', '   ', '-1,5']) assert.ok(!startsFormula(v), v);
  assert.ok(!leadsFormula(' =1+1'), 'as written, a space comes first');
  assert.ok(createsFormula(' =1+1 ', '=1+1') && createsFormula('\t=1+1', '=1+1'));
  assert.ok(!createsFormula('=1+1 ', '=1+1'), 'already a formula before the trim');
  assert.ok(!createsFormula(' - 5 ', '- 5'), 'a number');
});

test('formula-injection flags the corpus cells and offers an apostrophe, never as a certain fix', () => {
  const text = readFileSync(CORPUS, 'utf8');
  const ds = only(lint(text), 'formula-injection');
  assert.deepEqual(
    ds.map((d) => d.row),
    [2, 3, 4, 5, 6, 7, 11],
  );
  for (const d of ds) {
    assert.equal(d.fix?.kind, 'set-cell');
    assert.match((d.fix as { value: string }).value, /^'[=+@\-]/);
    assert.ok(isTextFix(d) && !isCertainFix(d), 'offered only');
  }
});

test('cleanText on the formula corpus creates no formula cell and says which fixes it held back', () => {
  const text = readFileSync(CORPUS, 'utf8');
  const r = cleanText(text, textLinter({}));
  const before = cells(text);
  const after = cells(r.text);
  assert.equal(after.length, before.length);
  after.forEach((row, i) =>
    row.forEach((v, j) =>
      assert.ok(!createsFormula(before[i][j], v), `row ${i + 1}: ${JSON.stringify(before[i][j])} → ${JSON.stringify(v)}`),
    ),
  );
  // " =1+1 ", "\t=1+1" and "\r=2+2" keep their padding; " - 5 " (a number) is trimmed.
  assert.deepEqual(r.withheld, { 'cell-whitespace': 3 });
  assert.equal(after[9][1], '- 5');
  assert.ok(!after.some((row) => row.some((v) => v.startsWith("'"))), 'the apostrophe is never added without asking');
});

test('a recipe step naming formula-injection applies the apostrophe (the user chose it)', () => {
  const r = cleanText('a,b\n1,=HYPERLINK("http://x")\n2,@SUM(A1)\n', textLinter({}), [{ rule: 'formula-injection' }]);
  assert.deepEqual(
    cells(r.text)
      .slice(1)
      .map((row) => row[1]),
    ['\'=HYPERLINK("http://x")', "'@SUM(A1)"],
  );
});

test('odw clean on the corpus: no formula created, the held-back fixes are reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-formula-'));
  try {
    const out = join(dir, 'out.csv');
    let log = '';
    const code = await main(
      ['clean', CORPUS, '--out', out],
      (s) => (log += s + '\n'),
      (s) => (log += s + '\n'),
    );
    assert.equal(code, 0);
    assert.match(log, /cell-whitespace: 3 fix\(es\) not applied: the cell would start a formula/);
    const before = cells(readFileSync(CORPUS, 'utf8'));
    cells(readFileSync(out, 'utf8')).forEach((row, i) => row.forEach((v, j) => assert.ok(!createsFormula(before[i][j], v), v)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Export Sheet as CSV counts and names the cells that start like a formula (written as they are)', async () => {
  const { xlsx, sheet, tmpPath } = await import('../sheet/build');
  const { exportSheetCsv } = await import('../../../src/core/sheet/export-csv');
  const src = await xlsx((wb) =>
    sheet(wb, 'S', [
      ['nom', 'lien', 'note'],
      ['A', '=HYPERLINK("http://x","clic")', 'ok'],
      ['B', '@SUM(A1)', '- 1+2'],
      ['C', '-12', '-'],
    ]),
  );
  const out = tmpPath('.csv');
  const r = await exportSheetCsv(src, out, { sheet: 'S' });
  assert.equal(r.formulas, 3);
  assert.deepEqual(r.formulaCells, ['B2', 'B3', 'C3']);
  assert.match(readFileSync(out, 'utf8'), /^A,"=HYPERLINK\(""http:\/\/x"",""clic""\)",ok$/m);
});
