// Every rule says whether it keeps state across rows (rules/rule.ts `meta.state`): a split lint
// hands that state over at each cut, and a rule that keeps some without saying so compiles, runs,
// and is silently wrong on files of 16 MB or more. This test finds such rules two ways:
// - by shape: a visitor with `end()` or split hooks has row-spanning state; a CSV rule saying
//   'split' must implement all three hooks;
// - by behaviour: a rule saying 'row-local' must report on each row of real files exactly what it
//   reports when that row is linted alone under the header.
// Both are shown failing on deliberately wrong rules below.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LintSession } from '../../../src/core/engine/session';
import { withValueHashing } from '../../../src/core/engine/locator';
import { CellMarks } from '../../../src/core/engine/cell-marks';
import type { Diagnostic, Row, TableInfo } from '../../../src/core/model';
import { CsvRowReader } from '../../../src/core/read/csv';
import { decode } from '../../../src/core/read/decode';
import { dialectFor } from '../../../src/core/read/dialect';
import { allRules } from '../../../src/core/rules/registry';
import { defineRule, type Rule, type RuleContext } from '../../../src/core/rules/rule';
import { FIXTURES, ROOT } from '../helpers';

/** A context that accepts everything: enough to create a visitor and look at its shape. */
function idleContext(): RuleContext<unknown> {
  const nowhere = { row: null, column: null };
  return {
    info: { format: 'csv', encoding: 'utf-8', delimiter: ',' },
    lang: 'en',
    header: [],
    marks: new CellMarks(),
    deferLimit: 5000,
    locate: () => nowhere,
    locateRow: () => nowhere,
    report: () => undefined,
    full: () => false,
    drop: () => undefined,
    count: () => undefined,
    rowHash: () => undefined,
    rowHas: () => false,
    schemaColumn: () => undefined,
  };
}

/** What is wrong with a rule's declared state, judged by the shape of its visitor. */
function shapeProblems(rule: Rule<any, any>): string[] {
  const v = rule.create(idleContext());
  const id = rule.meta.id;
  const out: string[] = [];
  const spans = typeof v.end === 'function' || v.split !== undefined;
  if (spans && rule.meta.state !== 'split') out.push(`${id}: has ${v.end ? 'end()' : 'split hooks'} but says state '${rule.meta.state}'`);
  if (rule.meta.state === 'split' && rule.meta.scope !== 'sheet') {
    const s = v.split;
    if (!s || typeof s.resume !== 'function' || typeof s.handOver !== 'function' || typeof s.takeOver !== 'function')
      out.push(`${id}: says state 'split' but does not implement resume, handOver and takeOver`);
  }
  return out;
}

/** Tables of real files, as rows (the first is the header): the samples and the small CSVs of the corpus. */
function tables(): { name: string; info: TableInfo; rows: Row[] }[] {
  const files = [
    ...readdirSync(join(ROOT, 'samples'))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(ROOT, 'samples', f)),
    ...readdirSync(join(FIXTURES, 'corpus'))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(FIXTURES, 'corpus', f)),
  ];
  return files.map((path) => {
    const text = decode(readFileSync(path)).text;
    const delimiter = dialectFor(text, 'csv').delimiter;
    const rows: Row[] = [];
    // The first 150 rows: enough for each rule's findings, and 150 lints of one row per rule stay fast.
    new CsvRowReader({ delimiter, quoteChar: '"' }, (r) => {
      if (rows.length < 151) rows.push({ number: r.number, values: [...r.values] });
    }).feed(text, true);
    return { name: path.slice(ROOT.length + 1), info: { format: 'csv', encoding: 'utf-8', delimiter, quoteChar: '"' }, rows };
  });
}

/** Where things are, from the row number alone: rows are pushed without their reader. */
const byNumber = withValueHashing({
  locate: (r, c) => ({ row: r.number, column: c, line: r.number, start: 0, end: 0 }),
  locateRow: (r) => ({ row: r.number, column: null, line: r.number, start: 0, end: 0 }),
});

function lintRows(rule: Rule<any, any>, info: TableInfo, rows: Row[]): Diagnostic[] {
  const s = new LintSession({ ...info }, byNumber, { maxProblems: 0 }, [rule]);
  for (const r of rows) s.push(r);
  // Findings on data rows only: the header's are the same whichever rows follow.
  return s.finish().filter((d) => d.row != null && d.row > 1);
}

const key = (d: Diagnostic) => JSON.stringify([d.row, d.column, d.severity, d.message, d.fix ?? null]);

/** What is wrong with a 'row-local' CSV rule, judged by what it reports on real rows. */
function behaviourProblems(rule: Rule<any, any>, data = tables()): string[] {
  if (rule.meta.state !== 'row-local' || rule.meta.scope === 'sheet') return [];
  const out: string[] = [];
  for (const t of data) {
    const whole = lintRows(rule, t.info, t.rows).map(key).sort();
    const alone = t.rows
      .slice(1)
      .flatMap((r) => lintRows(rule, t.info, [t.rows[0], r]))
      .map(key)
      .sort();
    if (JSON.stringify(whole) !== JSON.stringify(alone))
      out.push(
        `${rule.meta.id}: says 'row-local' but reports differently on rows of ${t.name} linted alone (${whole.length} vs ${alone.length})`,
      );
  }
  return out;
}

test('every rule says its state, and says it right (shape)', () => {
  assert.deepEqual(allRules.flatMap(shapeProblems), []);
  // Sanity: both kinds are present, and the rules the split protocol is for say 'split'.
  const split = allRules.filter((r) => r.meta.state === 'split').map((r) => r.meta.id);
  for (const id of ['duplicate-row', 'date-format', 'number-format', 'empty-column', 'personal-data']) assert.ok(split.includes(id), id);
  assert.ok(allRules.some((r) => r.meta.state === 'row-local'));
});

test("every 'row-local' rule reports on a row what it reports on that row alone (behaviour)", () => {
  const data = tables();
  assert.ok(data.length >= 5 && data.every((t) => t.rows.length > 2));
  assert.deepEqual(
    allRules.flatMap((r) => behaviourProblems(r, data)),
    [],
  );
});

// Deliberately wrong rules: the checks above must catch each one.
const repeats = defineRule<{ value: string }>({
  meta: { id: 'fixture-repeats', severity: 'info', state: 'row-local', title: { en: '', fr: '' }, why: { en: '', fr: '' } },
  message: (_l, p) => `same as above: ${p.value}`,
  create(ctx) {
    // Row-spanning state the rule does not declare: the previous row's first cell.
    let previous: string | null = null;
    return {
      row(row) {
        if (row.values[0] === previous) ctx.report({ loc: ctx.locate(row, 1), params: { value: previous } });
        previous = row.values[0];
      },
    };
  },
});
const counts = defineRule<{ n: number }>({
  meta: { id: 'fixture-counts', severity: 'info', state: 'row-local', title: { en: '', fr: '' }, why: { en: '', fr: '' } },
  message: (_l, p) => `${p.n} rows`,
  create(ctx) {
    let n = 0;
    return {
      row: () => void n++,
      end: () => ctx.report({ loc: { row: null, column: null }, params: { n } }),
    };
  },
});
const noHooks = defineRule<{ n: number }>({
  meta: { id: 'fixture-no-hooks', severity: 'info', state: 'split', title: { en: '', fr: '' }, why: { en: '', fr: '' } },
  message: (_l, p) => `${p.n} rows`,
  create(ctx) {
    let n = 0;
    return {
      row: () => void n++,
      end: () => ctx.report({ loc: { row: null, column: null }, params: { n } }),
    };
  },
});

test('the checks fail on rules that keep undeclared state', () => {
  // Rows of the corpus repeat their first cell: the rule reports more in one pass than row by row.
  assert.deepEqual(shapeProblems(repeats), []);
  assert.match(behaviourProblems(repeats, tables()).join('\n'), /fixture-repeats: says 'row-local' but reports differently/);
  assert.deepEqual(shapeProblems(counts), ["fixture-counts: has end() but says state 'row-local'"]);
  assert.deepEqual(shapeProblems(noHooks), ["fixture-no-hooks: says state 'split' but does not implement resume, handOver and takeOver"]);
});
