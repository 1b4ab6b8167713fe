// Real files published by French local authorities (test/fixtures/corpus, MANIFEST.json):
// each lints without an exception and the defects the manifest lists for our rules are found.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCsvBytes } from '../../../src/core/lint-csv';
import type { Diagnostic } from '../../../src/core/model';
import { FIXTURES } from '../helpers';

interface Problem {
  count: number;
  examples: string[];
}
interface Entry {
  file: string;
  format: string;
  encoding: string;
  bom: string | null;
  problems_detected: Record<string, Problem>;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'corpus', 'MANIFEST.json'), 'utf8')) as { files: Entry[] };

/** Manifest problem keys → the rule of this linter that must find them. */
const RULE_OF: Record<string, string> = {
  // Accounting-padded amounts (` 1 063 850,00 `) are reported once, by number-format.
  cell_leading_trailing_whitespace: 'cell-whitespace|number-format',
  thousands_separator_space: 'number-format',
  thousands_separator_nbsp: 'number-format',
  currency_symbol_in_number: 'number-format',
  decimal_comma: 'number-format',
  'na_token:-': 'number-format',
  'date_dd/mm/yyyy': 'date-format',
  'date_yyyy/mm/dd': 'date-format',
  header_leading_trailing_space: 'label-whitespace',
  duplicate_header: 'duplicate-label',
  entirely_empty_column: 'empty-column',
  trailing_empty_header_columns: 'blank-label',
  ragged_row_too_many_fields: 'extra-cell',
};

/** "line 44 col Article: 'A1321 '" → {line: 44, field: 'Article'}; "1: 'Nature '" → header row. */
function parseExample(ex: string): { line: number; field?: string } | null {
  const m = /^line (\d+) col (.+?): /.exec(ex);
  if (m) return { line: Number(m[1]), field: m[2] };
  const h = /^(\d+): /.exec(ex);
  return h ? { line: Number(h[1]) } : null;
}

for (const entry of manifest.files.filter((f) => f.format === 'csv')) {
  test(`corpus: ${entry.file}`, () => {
    const res = lintCsvBytes(readFileSync(join(FIXTURES, 'corpus', entry.file)), { maxProblems: 1_000_000 });
    const ds = res.diagnostics;
    assert.ok(res.rows > 0, 'rows read');
    // Encoding: legacy files and lying BOMs are reported.
    if (/windows-1252|iso-8859-1/.test(entry.encoding)) {
      const enc = ds.find((d) => d.rule === 'encoding');
      assert.ok(enc, `encoding reported for ${entry.encoding}`);
      if (entry.bom === 'utf-8') assert.match(enc.message, /byte-order mark/);
    }
    for (const [key, problem] of Object.entries(entry.problems_detected)) {
      const rule = RULE_OF[key];
      if (!rule) continue;
      const mine = ds.filter((d) => rule.split('|').includes(d.rule));
      assert.ok(mine.length > 0, `${key} → ${rule} found`);
      for (const ex of problem.examples) {
        const where = parseExample(ex);
        if (!where) continue;
        const hit = (d: Diagnostic) =>
          where.field === undefined
            ? d.row === 1 || d.line === where.line
            : d.line === where.line && d.field?.trim() === where.field.trim();
        assert.ok(mine.some(hit), `${key}: ${ex} → ${rule} at line ${where.line}`);
      }
    }
  });
}

test('corpus: ETAT file — its lone LFs are inside quoted cells, so records do not mix endings', () => {
  // MANIFEST counts raw bytes (CRLF 37680, LF 18); every LF sits inside a quoted multi-line
  // cell, so no record terminator differs and the rows still parse one by one.
  const res = lintCsvBytes(readFileSync(join(FIXTURES, 'corpus', 'hack_ETAT_jaune_PLF2012_associations_2010.csv')), {
    maxProblems: 1_000_000,
  });
  assert.equal(res.diagnostics.filter((d) => d.rule === 'line-endings').length, 0);
  assert.equal(res.diagnostics.filter((d) => d.rule === 'extra-cell' || d.rule === 'missing-cell').length, 0);
  const total = res.diagnostics.find((d) => d.rule === 'totals-row');
  assert.equal(total?.line, 37698, 'the final “Total des subventions versées en 2010” row');
});
