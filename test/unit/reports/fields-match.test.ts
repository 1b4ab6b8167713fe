// `--fields-match`: Validata-compatible by default (one header warning for an extra column),
// frictionless' errors with `exact` (extra-label, and extra-cell on every row).
import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../../src/cli';
import { FIXTURES } from '../helpers';

const data = (f: string) => join(FIXTURES, 'frictionless', 'data', f);

async function lint(...argv: string[]) {
  let out = '';
  const code = await main(
    ['lint', ...argv, '--format', 'json'],
    (s) => (out += s),
    () => undefined,
  );
  return { code, rules: code === 2 ? [] : (JSON.parse(out).files[0].diagnostics as { rule: string; row: number | null }[]) };
}

test('an extra column: one Validata-style report by default, frictionless extra-label + extra-cell with exact', async () => {
  const schema = data('table-id-only.schema.json');
  const byDefault = await lint(data('table.csv'), '--schema', schema);
  assert.ok(!byDefault.rules.some((d) => d.rule === 'extra-cell'), JSON.stringify(byDefault.rules));
  const exact = await lint(data('table.csv'), '--schema', schema, '--fields-match', 'exact');
  assert.ok(
    exact.rules.some((d) => d.rule === 'extra-label'),
    JSON.stringify(exact.rules),
  );
  assert.deepEqual(
    exact.rules.filter((d) => d.rule === 'extra-cell').map((d) => d.row),
    [2, 3],
  );
  assert.equal(exact.code, 1);
});

test('a missing required column with exact: missing-label, then missing-cell on every row', async () => {
  const exact = await lint(data('table.csv'), '--schema', data('table-plus-required-any.schema.json'), '--fields-match', 'exact');
  assert.ok(
    exact.rules.some((d) => d.rule === 'missing-label'),
    JSON.stringify(exact.rules),
  );
  assert.ok(exact.rules.filter((d) => d.rule === 'missing-cell' || d.rule === 'constraint-error').length >= 2);
});

test('--fields-match takes only the Table Schema v2 modes', async () => {
  assert.equal((await lint(data('table.csv'), '--fields-match', 'loose')).code, 2);
  for (const m of ['equal', 'subset', 'superset', 'partial'])
    assert.notEqual((await lint(data('table.csv'), '--schema', data('table-id-only.schema.json'), '--fields-match', m)).code, 2, m);
});
