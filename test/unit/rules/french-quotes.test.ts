// French messages quote values the French way, « … », never with the English “…”: every rule
// of the registry, with the params its real reports carry (captured while linting the fixture
// corpus, the samples and a few inputs made here for the rules no fixture triggers), and every
// custom check of the checks registry, run in French on values it rejects. Where the English
// message quotes something, the French one must quote too (so the check cannot pass by never
// seeing a quoted value).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../src/core/rules/registry';
import { customChecks } from '../../../src/core/checks/registry';
import { lintFile } from '../../../src/core/lint-file';
import { compileSchema } from '../../../src/core/schema/compile';
import type { FieldDescriptor, TableSchema } from '../../../src/core/schema/descriptor';
import { schemaCheck } from '../../../src/core/schema/validate';
import type { Lang } from '../../../src/core/model';
import { FIXTURES, ROOT, lint } from '../helpers';
import { lintText, toCsv } from '../schema/fixtures';
import { sheet, xlsx } from '../sheet/build';

const ENGLISH_QUOTES = /[“”]/;

/** The French message is wrong when it has an English quote, or none where English quotes. */
function badFrench(en: string, fr: string): string | null {
  if (ENGLISH_QUOTES.test(fr)) return 'English quotes in French';
  if (en.includes('“') && !fr.includes('«')) return 'English quotes a value, French does not';
  return null;
}

function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const root of [FIXTURES, join(ROOT, 'samples')])
    for (const f of readdirSync(root, { recursive: true }) as string[])
      if (/\.(csv|tsv|xlsx|ods)$/.test(f) && !f.startsWith('golden')) out.push(join(root, f));
  return out.sort();
}

test('every rule: French messages built from real params quote with « … »', async () => {
  // Spy on each rule's message: the engine calls it with the params of every report.
  const seen = new Map<string, Map<string, unknown>>(allRules.map((r) => [r.meta.id, new Map()]));
  const originals = allRules.map((r) => r.message);
  allRules.forEach((r, i) => {
    r.message = (lang: Lang, p: unknown) => {
      const byJson = seen.get(r.meta.id)!;
      if (byJson.size < 2000) byJson.set(JSON.stringify(p), p);
      return originals[i].call(r, lang, p);
    };
  });
  try {
    for (const path of fixtureFiles()) await lintFile(path, { maxProblems: 0 });
    // Rules no fixture triggers.
    lint('a,b\r\n1,2\r\n3,4\n5,6\r\n7,8\r\n');
    lint('Subventions versées en 2017\nnom,montant,date\nA,1,2017-01-01\nB,2,2017-01-02\n');
    const errors = await xlsx((wb) => {
      const ws = sheet(wb, 'E', [
        ['a', 'b'],
        [1, null],
        [{ error: '#N/A' }, 2],
      ]);
      ws.getCell('B2').value = { formula: 'A2/0', result: { error: '#DIV/0!' } } as never;
    });
    const textNumbers = await xlsx((wb) =>
      sheet(wb, 'N', [
        ['montant', 'code'],
        [1500, '01000'],
        ['2500', '75001'],
        [300, 69000],
      ]),
    );
    for (const path of [errors, textNumbers]) await lintFile(path, { maxProblems: 0 });
  } finally {
    allRules.forEach((r, i) => (r.message = originals[i]));
  }

  const unseen = [...seen].filter(([, ps]) => ps.size === 0).map(([id]) => id);
  assert.deepEqual(unseen, [], 'rules without sample params: add a fixture or an input above that triggers them');
  const bad: string[] = [];
  let quoted = 0;
  for (const r of allRules)
    for (const p of seen.get(r.meta.id)!.values()) {
      const en = r.message('en', p);
      const fr = r.message('fr', p);
      if (en.includes('“')) quoted++;
      const why = badFrench(en, fr);
      if (why && bad.length < 20) bad.push(`${r.meta.id} (${why}): ${fr}`);
    }
  assert.deepEqual(bad, []);
  assert.ok(quoted > 100, `only ${quoted} English messages quote a value: the samples do not test quoting`);
});

/** A check with a schema and rows it rejects (a header row first). */
interface CheckSample {
  fields: FieldDescriptor[];
  params: Record<string, unknown>;
  rows: string[][];
}

const one = (values: string[], type = 'string'): Omit<CheckSample, 'params'> => ({
  fields: [{ name: 'v', type }],
  rows: [['v'], ...values.map((v) => [v])],
});
/** Values that fail the single-column fr-format checks, each for some of them. */
const BAD = ['abc', 'Pari s', '99999', '1053', '20004', '01340', 'X1', '2A', 'xx', 'FRA1', 'Lyon ', '12 3', 'é', '224900018'];

const SAMPLES: Record<string, CheckSample> = {
  'one-of-required': {
    fields: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    params: { column1: 'a', column2: 'b' },
    rows: [
      ['a', 'b', 'c'],
      ['', '', 'x'],
    ],
  },
  'cohesive-columns-value': {
    fields: [{ name: 'a' }, { name: 'b' }],
    params: { column: 'a', othercolumns: ['b'] },
    rows: [
      ['a', 'b'],
      ['1', ''],
    ],
  },
  'compare-columns-value': {
    fields: [
      { name: 'a', type: 'date' },
      { name: 'b', type: 'date' },
    ],
    params: { column: 'a', column2: 'b', op: '>=' },
    rows: [
      ['a', 'b'],
      ['2019-12-31', '2020-01-10'],
    ],
  },
  'sum-columns-value': {
    fields: [
      { name: 't', type: 'integer' },
      { name: 'a', type: 'integer' },
      { name: 'b', type: 'integer' },
    ],
    params: { column: 't', columns: ['a', 'b'] },
    rows: [
      ['t', 'a', 'b'],
      ['5', '2', '2'],
    ],
  },
  'year-interval-value': { ...one(['2018/2017', '2017/2017', '2017']), params: { column: 'v' } },
  'phone-number-value': { ...one(['12345', 'tel']), params: { column: 'v' } },
  'opening-hours-value': { ...one(['Mo-Fr 08:00-12:00; Xx 09:00', 'lundi']), params: { column: 'v' } },
  'french-gps-coordinates': {
    fields: [{ name: 'v', type: 'geopoint', format: 'array' }],
    params: { column: 'v' },
    rows: [['v'], ['[48.85, 2.35]'], ['[-73.98, 40.75]']],
  },
  'nomenclature-actes-value': {
    ...one(['Finances locales', 'Finances locales / Subventions', 'Sport/Subventions']),
    params: { column: 'v' },
  },
  'nomenclature-acte': { ...one(['Finances locales', 'Sport/Subventions']), params: { column: 'v' } },
  'ascii-value': { ...one(['Émile']), params: {} },
  'forbidden-value': { ...one(['interdit', 'ok']), params: { fieldName: 'v', values: ['interdit'] } },
  'coordonnees-gps-francaises': { ...one(['[-73.98, 40.75]', '48.85,2.35', 'abc']), params: { column: 'v' } },
};

function runCheck(name: string, lang: Lang, s: CheckSample): string[] {
  const schema: TableSchema = { fields: s.fields, custom_checks: [{ name, params: s.params }] };
  return lintText(toCsv(s.rows), { lang, maxProblems: 1000, checks: [schemaCheck(compileSchema(schema))] })
    .filter((d) => d.rule === name || d.rule === `reversed-${name}`)
    .map((d) => `${d.row}:${d.column}:${d.message}`);
}

test('every custom check: French messages on rejected values quote with « … »', () => {
  const bad: string[] = [];
  const silent: string[] = [];
  for (const check of customChecks) {
    const s = SAMPLES[check.name] ?? { ...one(BAD), params: { column: 'v' } };
    const en = runCheck(check.name, 'en', s);
    const fr = runCheck(check.name, 'fr', s);
    if (fr.length === 0) silent.push(check.name);
    assert.equal(fr.length, en.length, `${check.name}: as many reports in both languages`);
    for (let i = 0; i < fr.length; i++) {
      const why = badFrench(en[i], fr[i]);
      if (why) bad.push(`${check.name} (${why}): ${fr[i]}`);
    }
  }
  assert.deepEqual(silent, [], 'checks that rejected none of their sample values: give them a sample that fails');
  assert.deepEqual(bad, []);
});

test('every custom check: French messages about its own params quote with « … »', () => {
  const bad: string[] = [];
  for (const check of customChecks) {
    // Missing, then wrong params (columns not in the file, a bad operator, an edition not bundled).
    for (const params of [
      {},
      { column: 'zz', column1: 'zz', column2: 'yy', fieldName: 'zz', othercolumns: [], columns: ['x'], op: '~' },
      { column: 'v', millesime: 1999 },
    ]) {
      const s: CheckSample = { ...one(['x']), params };
      const run = (lang: Lang) =>
        lintText(toCsv(s.rows), {
          lang,
          checks: [schemaCheck(compileSchema({ fields: s.fields, custom_checks: [{ name: check.name, params }] }))],
        })
          .filter((d) => d.rule === 'check-error' || d.rule === check.name)
          .map((d) => d.message);
      const en = run('en');
      const fr = run('fr');
      for (let i = 0; i < fr.length; i++) {
        const why = badFrench(en[i] ?? '', fr[i]);
        if (why) bad.push(`${check.name} ${JSON.stringify(params)} (${why}): ${fr[i]}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});
