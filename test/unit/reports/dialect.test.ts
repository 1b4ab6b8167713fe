// Dialect detection on files shaped like real exports (test/fixtures/dialect/SOURCES.md).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCsvBytes } from '../../../src/core/lint-csv';
import { detectDialect } from '../../../src/core/read/dialect';
import { decode } from '../../../src/core/read/decode';
import { main } from '../../../src/cli';
import { FIXTURES } from '../helpers';

const fixture = (name: string) => join(FIXTURES, 'dialect', name);

test('a comma file whose lines end with ";;" (an Excel re-save) is read as comma-separated', () => {
  const r = lintCsvBytes(readFileSync(fixture('comma-semicolon-tail.csv')), { maxProblems: 0 });
  assert.equal(r.info.delimiter, ',');
  const rules = new Set(r.diagnostics.map((d) => d.rule));
  // The real problems: the unquoted "100 000,00" splits the amount, a record wrapped in one quoted cell.
  assert.ok(rules.has('extra-cell') || rules.has('decimal-comma-split'), [...rules].join());
  assert.ok(rules.has('missing-cell'), [...rules].join());
  // Not the noise of a 3-column semicolon reading.
  for (const noise of ['header-not-first-row', 'blank-label', 'delimiter']) assert.ok(!rules.has(noise), noise);
});

test('a semicolon file with an empty last field and decimal commas stays semicolon-separated', () => {
  assert.equal(detectDialect(readFileSync(fixture('semicolon-trailing.csv'), 'utf8')).delimiter, ';');
});

test('the corpus keeps the separators of its manifest', () => {
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'corpus', 'MANIFEST.json'), 'utf8'));
  const entries: { file: string; delimiter?: string }[] = Array.isArray(manifest) ? manifest : (manifest.files ?? Object.values(manifest));
  const char: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t' };
  let n = 0;
  for (const e of entries) {
    if (!e.delimiter || !/\.csv$/.test(e.file) || !readdirSync(join(FIXTURES, 'corpus')).includes(e.file)) continue;
    assert.equal(detectDialect(decode(readFileSync(join(FIXTURES, 'corpus', e.file))).text).delimiter, char[e.delimiter], e.file);
    n++;
  }
  assert.ok(n >= 9, `${n} corpus files checked`);
});

test('a close call is reported (info) with the runner-up, and --delimiter overrides the guess', async () => {
  const path = fixture('close-call.csv');
  const r = lintCsvBytes(readFileSync(path));
  const info = r.diagnostics.find((d) => d.rule === 'delimiter-choice');
  assert.ok(info, JSON.stringify(r.diagnostics.map((d) => d.rule)));
  assert.equal(info.severity, 'info');
  assert.match(info.message, /Separator comma chosen over semicolon: 2 named columns/);
  let out = '';
  const code = await main(
    ['lint', path, '--delimiter', ';', '--format', 'json'],
    (s) => (out += s),
    () => undefined,
  );
  const f = JSON.parse(out).files[0];
  assert.equal(f.delimiter, ';');
  assert.ok(!f.diagnostics.some((d: { rule: string }) => d.rule === 'delimiter-choice'), 'a forced separator is no guess');
  assert.equal(code, 0);
  assert.equal(
    await main(
      ['lint', path, '--delimiter', 'x'],
      () => undefined,
      () => undefined,
    ),
    2,
  );
});
