// Parity with Validata's SCDL subventions test files (validata-fixtures/expected-results.json):
// valid files have no error; each invalid file has exactly one error, with Validata's code and
// French wording. Warnings (missing optional columns…) do not count, as in Validata. The wording
// is Validata's, the typography French: ’ for ', « … » for '…', no capital after a colon.
// Validata's wording, whatever the typography: apostrophes and quotes as one, lower case.
const wording = (s: string) =>
  s
    .replace(/’/g, "'")
    .replace(/« | »|[“”]/g, "'")
    .toLowerCase();
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { schemaCheck } from '../../../src/core/schema/validate';
import { fixture, lintFixture, readJson } from './fixtures';

interface Case {
  file: string;
  expectedValid: boolean;
  expectedErrors: { code: string; messageContains: string }[];
}

test('validata parity (scdl/subventions)', async (t) => {
  const dir = ['standards', 'scdl-subventions', 'validata-fixtures'];
  const spec = readJson<{ cases: Case[] }>(...dir, 'expected-results.json');
  const schema = resolveSchemaArg('scdl/subventions', 'fr');
  assert.ok(schema.compiled);
  let pass = 0;
  for (const c of spec.cases) {
    await t.test(c.file, () => {
      const ds = lintFixture(fixture(...dir, c.file), {
        lang: 'fr',
        checks: [schemaCheck(schema.compiled!, { schemaName: 'scdl/subventions' })],
      });
      const errors = ds.filter((d) => d.severity === 'error');
      assert.equal(errors.length, c.expectedErrors.length, JSON.stringify(errors.map((e) => `${e.rule}: ${e.message}`)));
      c.expectedErrors.forEach((e, i) => {
        assert.equal(errors[i].rule, e.code);
        assert.ok(
          wording(errors[i].message).includes(wording(e.messageContains)),
          `“${errors[i].message}” should contain “${e.messageContains}”`,
        );
      });
      pass++;
    });
  }
  console.log(`parity: ${pass}/${spec.cases.length} (validata)`);
});
