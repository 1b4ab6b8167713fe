// The problem cap limits what a report lists, never what it counts: the totals, per severity
// and per rule, are the same whatever the cap; every rule that found something is listed; the
// CLI's exit code follows the totals; the split (multi-core) lint reports what one pass reports.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCsvBytes, lintCsvText } from '../../../src/core/lint-csv';
import { lintCsvFile } from '../../../src/core/lint-csv-stream';
import { checksOfPlan, type SchemaPlan } from '../../../src/core/schema/setup';
import { lintCsvFileSplit, useSplitLint } from '../../../src/core/split/split-lint';
import { main } from '../../../src/cli';
import { FIXTURES } from '../helpers';

useSplitLint(join(__dirname, '..', '..', '..', 'src', 'core', 'worker', 'lint-part-worker.js'));
const dir = mkdtempSync(join(tmpdir(), 'odw-counts-'));

/**
 * 12 000 rows: padded cells on every row (cell-whitespace), a decimal-comma amount on every row
 * (number-format, decided at the end, more than a column's deferred list holds), a missing
 * cell every 7th row (missing-cell, error), personal e-mails, and a totals row at the end.
 */
function generated(rows = 12_000): string {
  const lines = ['nom,montant,courriel,code'];
  for (let i = 0; i < rows; i++) {
    const short = i % 7 === 3;
    lines.push(`" Asso ${i} ","${(i % 100) + 1} 005,5",jean.dupont${i}@gmail.com${short ? '' : `,C${i % 13}`}`);
  }
  return lines.join('\n') + '\n';
}

const total = (c: { error: number; warning: number; info: number }) => c.error + c.warning + c.info;

test('the totals do not depend on the cap; every rule that found something is listed', () => {
  const text = generated();
  const all = lintCsvText(text, { maxProblems: 0 });
  assert.equal(all.truncated, false);
  assert.equal(all.diagnostics.length, total(all.counts));
  assert.ok(all.byRule['number-format'] >= 12_000, `number-format past its deferred list: ${all.byRule['number-format']}`);
  assert.ok(all.byRule['missing-cell'] > 1000 && all.byRule['cell-whitespace'] >= 12_000);
  const rules = Object.keys(all.byRule);
  assert.ok(rules.length >= 4, rules.join());
  for (const max of [7, 100, 1000, undefined]) {
    const r = lintCsvText(text, { maxProblems: max });
    assert.deepEqual(r.counts, all.counts, `counts with cap ${max}`);
    assert.deepEqual(r.byRule, all.byRule, `byRule with cap ${max}`);
    assert.equal(r.truncated, true);
    assert.equal(r.diagnostics.length, max ?? 1000);
    assert.equal(r.dropped, total(all.counts) - r.diagnostics.length);
    const listed = new Set(r.diagnostics.map((d) => d.rule));
    for (const rule of rules) if ((max ?? 1000) >= rules.length) assert.ok(listed.has(rule), `${rule} listed with cap ${max}`);
    // Fair: no rule takes more than its share while another is starved.
    const per = rules.map((rule) => r.diagnostics.filter((d) => d.rule === rule).length);
    assert.ok(
      Math.max(...per) - Math.min(...per.filter((n, i) => n < all.byRule[rules[i]])) <= 1 ||
        per.every((n, i) => n === all.byRule[rules[i]] || n >= Math.floor((max ?? 1000) / rules.length)),
    );
  }
});

test('every corpus file counts the same with and without a cap', () => {
  const corpus = join(FIXTURES, 'corpus');
  for (const f of readdirSync(corpus).filter((x) => /\.(csv|txt|tsv)$/i.test(x))) {
    const bytes = readFileSync(join(corpus, f));
    const all = lintCsvBytes(bytes, { maxProblems: 0 });
    for (const max of [1, 50, 1000]) {
      const r = lintCsvBytes(bytes, { maxProblems: max });
      assert.deepEqual([r.counts, r.byRule], [all.counts, all.byRule], `${f} with cap ${max}`);
      assert.equal(r.truncated, total(all.counts) > max, f);
    }
  }
});

test('a schema type error and number-format on the same cell are one problem, whatever the cap', () => {
  const descriptor = { fields: [{ name: 'nom' }, { name: 'montant', type: 'number' }, { name: 'courriel' }, { name: 'code' }] };
  const plan: SchemaPlan = { kind: 'schema', descriptor, schemaName: 'test' };
  const text = generated(3000);
  const all = lintCsvText(text, { maxProblems: 0, checks: checksOfPlan(plan) });
  assert.equal(all.byRule['number-format'], undefined, 'explained by the type errors');
  assert.ok(all.byRule['type-error'] >= 3000);
  for (const max of [7, 100, 1000]) {
    const r = lintCsvText(text, { maxProblems: max, checks: checksOfPlan(plan) });
    assert.deepEqual([r.counts, r.byRule], [all.counts, all.byRule], `cap ${max}`);
    // The type error takes the rule's certain fix.
    assert.ok(r.diagnostics.some((d) => d.rule === 'type-error' && d.fix?.kind === 'set-cell'));
  }
});

test('the split lint lists and counts what one pass does, with caps of 7, 100 and 1000', async () => {
  const path = join(dir, 'big.csv');
  writeFileSync(path, generated(20_000));
  for (const plan of [
    { kind: 'none' } as SchemaPlan,
    {
      kind: 'schema',
      descriptor: { fields: [{ name: 'nom' }, { name: 'montant', type: 'number' }, { name: 'courriel' }, { name: 'code' }] },
      schemaName: 't',
    } as SchemaPlan,
  ]) {
    for (const maxProblems of [7, 100, 1000]) {
      const one = await lintCsvFile(path, { maxProblems, checks: checksOfPlan(plan) });
      for (const parts of [2, 3]) {
        const split = await lintCsvFileSplit(path, { maxProblems, checks: checksOfPlan(plan) }, plan, { headBytes: 4096, parts, lead: 0 });
        assert.ok('result' in split, 'fallback' in split ? split.fallback : '');
        assert.deepEqual(split.result, one, `${plan.kind}, cap ${maxProblems}, ${parts} parts`);
      }
    }
  }
});

async function cli(...argv: string[]) {
  let out = '';
  const code = await main(
    argv,
    (s) => (out += s + '\n'),
    () => undefined,
  );
  return { code, out };
}

test('odw lint: JSON counts/byRule/truncated, "… and N more", --max-problems 0, exit code from the counts', async () => {
  // 300 padded cells first, then one missing cell (an error) at the very end.
  const rows = Array.from({ length: 300 }, (_, i) => ` a${i} ,1`);
  const path = join(dir, 'late-error.csv');
  writeFileSync(path, ['nom,n', ...rows, 'z'].join('\n') + '\n');
  const capped = await cli('lint', path, '--format', 'json', '--max-problems', '1');
  const f = JSON.parse(capped.out).files[0];
  assert.deepEqual(f.counts, { error: 1, warning: 300, info: 0 });
  assert.deepEqual(f.byRule, { 'cell-whitespace': 300, 'missing-cell': 1 });
  assert.equal(f.truncated, true);
  assert.equal(f.diagnostics.length, 1);
  assert.equal(capped.code, 1, 'the error past the cap still fails the run');
  const text = await cli('lint', path, '--max-problems', '10');
  assert.match(text.out, /… and 291 more \(use --max-problems 0 to list all\)/);
  assert.match(text.out, /1 error\(s\), 300 warning\(s\)/);
  const all = JSON.parse((await cli('lint', path, '--format', 'json', '--max-problems', '0')).out).files[0];
  assert.equal(all.diagnostics.length, 301);
  assert.equal(all.truncated, false);
  assert.equal((await cli('lint', path, '--max-problems', '-3')).code, 2);
});

test('an empty or header-only file is a data problem (exit 1, source-error), not a usage error', async () => {
  for (const [name, body] of [
    ['empty.csv', ''],
    ['header.csv', 'a,b,c\n'],
  ]) {
    const path = join(dir, name);
    writeFileSync(path, body);
    const r = await cli('lint', path, '--format', 'json');
    assert.equal(r.code, 1, name);
    assert.equal(JSON.parse(r.out).files[0].diagnostics[0].rule, 'source-error');
  }
});

test('a cap below the number of rules lists the most severe, then earliest, problems (frictionless invalid.csv)', () => {
  const bytes = readFileSync(join(FIXTURES, 'frictionless', 'data', 'invalid.csv'));
  const at = (max: number) => lintCsvBytes(bytes, { maxProblems: max }).diagnostics.map((d) => `${d.rule}@${d.row},${d.column}`);
  // frictionless pickErrors' first three; a warning (duplicate-row) never takes an error's place.
  assert.deepEqual(at(3), ['blank-label@1,3', 'duplicate-label@1,4', 'missing-cell@2,3']);
  assert.deepEqual(at(1), ['blank-label@1,3']);
  const six = lintCsvBytes(bytes, { maxProblems: 6 }).diagnostics;
  assert.equal(new Set(six.map((d) => d.rule)).size, 6, 'six rules, one each');
});
