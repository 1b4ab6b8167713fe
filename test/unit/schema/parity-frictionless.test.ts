// Parity with frictionless-py's own test cases (test/fixtures/frictionless/expected-errors.json):
// same error type, row and field. Structural errors come from the existing rules, schema
// errors from the schema check; our ids are mapped to frictionless' where they differ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../../src/core/model';
import { lintFile } from '../../../src/core/lint-file';
import { sourceError, type CsvLintOptions } from '../../../src/core/lint-csv';
import { compileSchema } from '../../../src/core/schema/compile';
import type { TableSchema } from '../../../src/core/schema/descriptor';
import { schemaCheck } from '../../../src/core/schema/validate';
import { fixture, lintText, readJson, toCsv } from './fixtures';

interface Expected {
  rowNumber?: number | null;
  fieldNumber?: number | null;
  type: string;
}
interface Case {
  id: string;
  data?: string;
  rows?: unknown[][];
  schema: string | TableSchema | null;
  options?: {
    limitErrors?: number;
    encoding?: string;
    dialect?: { delimiter?: string; header?: boolean };
    detector?: { schemaSync?: boolean };
    checklist?: { pickErrors?: string[]; checks?: ({ type: string } & Record<string, unknown>)[] };
  };
  expectedErrors: Expected[];
}

/** frictionless tags per error type, for `pickErrors: ["#row"]`-style filters. */
const TAGS: Record<string, string[]> = {
  'blank-label': ['#table', '#header', '#label'],
  'duplicate-label': ['#table', '#header', '#label'],
  'extra-label': ['#table', '#header', '#label'],
  'missing-label': ['#table', '#header', '#label'],
  'incorrect-label': ['#table', '#header', '#label'],
  'blank-row': ['#table', '#row'],
  'primary-key': ['#table', '#row'],
  'foreign-key': ['#table', '#row'],
  'duplicate-row': ['#row'],
  'extra-cell': ['#table', '#row', '#cell'],
  'missing-cell': ['#table', '#row', '#cell'],
  'type-error': ['#table', '#row', '#cell'],
  'constraint-error': ['#table', '#row', '#cell'],
  'unique-error': ['#table', '#row', '#cell'],
  'ascii-value': ['#table', '#row', '#cell'],
  'forbidden-value': ['#table', '#row', '#cell'],
};
const LABEL_ERRORS = new Set(['blank-label', 'duplicate-label', 'extra-label', 'missing-label', 'incorrect-label']);
const ROW_ERRORS = new Set(['blank-row', 'primary-key', 'foreign-key', 'duplicate-row']);

/**
 * Cases where we knowingly report more than frictionless, and why. Everything expected must
 * still be found; only the listed extra types are tolerated.
 */
const KNOWN_EXTRA: Record<string, { types: string[]; why: string }> = {
  'schema-sync-duplicate-labels': {
    types: ['duplicate-label'],
    why: 'frictionless stops validating when by-name matching meets duplicate labels; we report that (ambiguous-label → "error") and keep linting, so the duplicate-label rule fires too.',
  },
};

function frictionlessType(d: Diagnostic, c: Case): string | null {
  if (d.rule === 'ambiguous-label') return 'error';
  // Our `encoding` rule also warns about legacy encodings; frictionless only errs when a forced encoding fails.
  if (d.rule === 'encoding') return c.options?.encoding ? 'encoding-error' : null;
  if (d.rule === 'duplicate-row') return c.options?.checklist?.checks?.some((k) => k.type === 'duplicate-row') ? 'duplicate-row' : null;
  // Our one deviation (issue #17): a header with no data row is a source-error; frictionless finds it valid.
  if (d.rule === 'source-error' && d.message === HEADER_ONLY) return null;
  if (d.rule in TAGS || d.rule === 'source-error') return d.rule;
  return null;
}
const HEADER_ONLY = sourceError('header-only', 'en').message;

const key = (t: string, r: number | null | undefined, f: number | null | undefined) => `${t}@${r ?? '-'}:${f ?? '-'}`;

async function run(c: Case): Promise<string[] | 'skip'> {
  const opts = c.options ?? {};
  let text: string | null = null;
  let shift = 0;
  if (c.rows) text = toCsv(c.rows);
  else if (c.data!.endsWith('.xlsx')) {
    const report = await lintFile(fixture('frictionless', c.data!), { schema: null });
    if (report.fatal) return 'skip';
    return collect(report.diagnostics, c, 0);
  } else {
    const bytes = readFileSync(fixture('frictionless', c.data!));
    // A forced encoding is decoded as such (invalid bytes become U+FFFD, which the linter reports).
    text = opts.encoding ? new TextDecoder(opts.encoding).decode(bytes) : null;
    if (text === null) text = new TextDecoder('utf-8').decode(bytes);
  }
  if (opts.dialect?.header === false) {
    // Our readers always take row 1 as the header: give the file the header frictionless invents.
    const width = text.split(/\r?\n/)[0].split(opts.dialect?.delimiter ?? ',').length;
    text = Array.from({ length: width }, (_, i) => `field${i + 1}`).join(',') + '\n' + text;
    shift = 1;
  }
  const lintOptions: CsvLintOptions = { maxProblems: 100000, delimiter: opts.dialect?.delimiter };
  if (opts.encoding) lintOptions.encoding = { encoding: opts.encoding, bomLies: false };
  let schema: TableSchema | null = typeof c.schema === 'string' ? readJson('frictionless', c.schema) : c.schema;
  const extraChecks = (opts.checklist?.checks ?? []).filter((k) => k.type !== 'duplicate-row');
  if (extraChecks.length) {
    // Checklist checks run as custom checks; without a schema, over the header's columns.
    const header = text.split(/\r?\n/)[0].split(',');
    schema ??= { fields: header.map((name) => ({ name, type: 'any' })) };
    schema = { ...schema, custom_checks: extraChecks.map(({ type, ...params }) => ({ name: type, params })) };
  }
  if (schema) lintOptions.checks = [schemaCheck(compileSchema(schema), { match: opts.detector?.schemaSync ? 'validata' : 'exact' })];
  return collect(lintText(text, lintOptions), c, shift);
}

function collect(ds: Diagnostic[], c: Case, shift: number): string[] {
  const pick = c.options?.checklist?.pickErrors;
  let out: { t: string; d: Diagnostic }[] = [];
  for (const d of ds) {
    const t = frictionlessType(d, c);
    if (!t) continue;
    if (pick && !pick.some((p) => p === t || TAGS[t]?.includes(p))) continue;
    out.push({ t, d });
  }
  // frictionless lists a row's cell errors before its row-level ones (primary key…); our
  // report puts column-less diagnostics first. Only the order under `limitErrors` depends on it.
  const rank = (d: Diagnostic) => [d.row ?? 0, d.column ?? Number.MAX_SAFE_INTEGER];
  out.sort((a, b) => rank(a.d)[0] - rank(b.d)[0] || rank(a.d)[1] - rank(b.d)[1]);
  if (c.options?.limitErrors) out = out.slice(0, c.options.limitErrors);
  return out.map(({ t, d }) => {
    if (t === 'source-error' || t === 'encoding-error' || t === 'error') return key(t, null, null);
    const row = LABEL_ERRORS.has(t) ? null : d.row === null ? null : d.row - shift;
    return key(t, row, ROW_ERRORS.has(t) ? null : d.column);
  });
}

const expectedKeys = (c: Case) =>
  c.expectedErrors.map((e) =>
    e.rowNumber === undefined && e.fieldNumber === undefined ? key(e.type, null, null) : key(e.type, e.rowNumber, e.fieldNumber),
  );

test('frictionless parity', async (t) => {
  const spec = readJson<{ cases: Case[]; inlineCases: Case[] }>('frictionless', 'expected-errors.json');
  const cases = [...spec.cases, ...spec.inlineCases.map((c) => ({ ...c, schema: c.schema ?? null }))];
  let pass = 0;
  const skipped: string[] = [];
  for (const c of cases) {
    await t.test(c.id, async (st) => {
      const got = await run(c);
      if (got === 'skip') {
        skipped.push(c.id);
        st.skip('the spreadsheet reader is not in this tree yet (src/core/sheet/lint-sheet.ts reports spreadsheets as unreadable)');
        return;
      }
      const want = expectedKeys(c).sort();
      const extra = KNOWN_EXTRA[c.id];
      const compared = extra ? got.filter((k) => !extra.types.some((x) => k.startsWith(x + '@'))) : got;
      assert.deepEqual(compared.sort(), want);
      pass++;
    });
  }
  console.log(`parity: ${pass}/${cases.length} (frictionless)${skipped.length ? `, skipped: ${skipped.join(', ')}` : ''}`);
});
