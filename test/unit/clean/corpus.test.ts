// Real exports from French authorities: cleaning with every certain fix lowers the problem
// count and changes no cell that had no diagnostic (rows and columns aligned across deletions).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintCsvText } from '../../../src/core/lint-csv';
import type { Diagnostic } from '../../../src/core/model';
import { cleanText, dialectOf, type Counts } from '../../../src/core/clean/clean-text';
import { CsvRowReader, type CsvDialect } from '../../../src/core/read/csv';
import { decode } from '../../../src/core/read/decode';
import { FIXTURES, fixture } from '../helpers';

const dir = join(FIXTURES, 'corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));

function rows(text: string, dialect: CsvDialect): string[][] {
  const out: string[][] = [];
  new CsvRowReader(dialect, (r) => out.push(r.values)).feed(text, true);
  return out;
}
const n = (c: Counts) => c.error + c.warning;

for (const file of files) {
  test(`corpus ${file}: fewer problems, only diagnosed cells change`, () => {
    const decoded = decode(fixture('corpus', file));
    // Rules cap the cells they keep per column: later cells are reported in a later pass, so
    // "diagnosed" means diagnosed in any pass (positions mapped back across deleted rows/columns).
    const passes: Diagnostic[][] = [];
    const lint = (t: string) => {
      const res = lintCsvText(t, { maxProblems: 1e9, encoding: decoded });
      passes.push(res.diagnostics);
      return res;
    };
    const first = lint(decoded.text);
    passes.length = 0;
    const r = cleanText(decoded.text, lint);
    console.log(
      `${file}: ${n(r.before)} errors+warnings before, ${n(r.after)} after (${r.steps.map((s) => `${s.rule}×${s.count}`).join(', ') || 'no fix'})`,
    );
    const fixable = first.diagnostics.some((d) => d.fix);
    if (fixable) assert.ok(n(r.after) < n(r.before), 'problem count goes down');
    else assert.equal(r.text, decoded.text);

    const dialect = dialectOf(first.info);
    const before = rows(decoded.text, dialect);
    const after = rows(r.text, dialect);
    const rowFix = (d: Diagnostic, kind: string) => d.fix?.kind === kind && d.row != null;
    const deletedRows = new Set(first.diagnostics.filter((d) => rowFix(d, 'delete-row')).map((d) => d.row!));
    const mergedRows = new Set(first.diagnostics.filter((d) => rowFix(d, 'quote-cells')).map((d) => d.row!));
    const deletedCols = new Set(first.diagnostics.filter((d) => d.fix?.kind === 'delete-column').map((d) => d.column!));
    const kept = before.map((v, i) => ({ v, row: i + 1 })).filter((x) => !deletedRows.has(x.row));
    const keptCols = (before[0] ?? []).map((_, c) => c + 1).filter((c) => !deletedCols.has(c));
    const diagnosed = new Set<string>();
    passes.forEach((ds, pass) =>
      ds.forEach((d) => {
        if (d.row == null) return;
        // Pass 0 sees the original; later passes see the text after the first pass's deletions.
        const row = pass === 0 ? d.row : kept[d.row - 1]?.row;
        const col = pass === 0 || d.column == null ? d.column : keptCols[d.column - 1];
        diagnosed.add(`${row}:${col}`);
      }),
    );
    assert.equal(after.length, kept.length, 'only blank rows are removed');
    kept.forEach(({ v, row }, i) => {
      if (mergedRows.has(row)) return; // re-joined amounts: checked by fix-kinds tests
      const cols = v.map((value, c) => ({ value, col: c + 1 })).filter((x) => !deletedCols.has(x.col));
      assert.equal(after[i].length, cols.length, `row ${row} width`);
      cols.forEach(({ value, col }, j) => {
        if (after[i][j] !== value)
          assert.ok(
            diagnosed.has(`${row}:${col}`),
            `row ${row} col ${col} changed without a diagnostic: ${JSON.stringify(value)} → ${JSON.stringify(after[i][j])}`,
          );
      });
    });
    assert.equal(cleanText(r.text, lint).text, r.text, 'idempotent');
  });
}
