import test from 'node:test';
import assert from 'node:assert/strict';
import { lintCsvText } from '../../../src/core/lint-csv';
import { headDiagnostics, headOf } from '../../../src/core/lint-head';

test('the head of a large text is cut after a line break; small texts have none', () => {
  assert.equal(headOf('a,b\n1,2\n', 100), null);
  assert.equal(headOf('a,b\n1,2\n3,4\n', 5, 9), 'a,b\n1,2\n');
});

test('head diagnostics keep what the full lint confirms and drop whole-file verdicts and the cut row', () => {
  const rows = [
    'nom;montant;vide;date',
    ...Array.from({ length: 30 }, (_, i) => `A${i} ;${i};;2024-01-${String((i % 28) + 1).padStart(2, '0')}`),
    'Z;"cut\n',
    'inside";;2024-02-01',
    'Y;1;x;2024-03-01',
    'Total;99;;',
  ];
  const text = rows.join('\n') + '\n';
  const head = headOf(text, 10, text.indexOf('inside'))!;
  const part = lintCsvText(head, { maxProblems: 10000 });
  const shown = headDiagnostics(part.diagnostics, part.rows);
  const full = lintCsvText(text, { maxProblems: 10000 }).diagnostics;
  const key = (d: { rule: string; row: number | null; column: number | null }) => `${d.rule}@${d.row}:${d.column}`;
  const fullKeys = new Set(full.map(key));
  assert.ok(shown.length >= 30, `the padded names are shown early (${shown.length})`);
  for (const d of shown) assert.ok(fullKeys.has(key(d)), `${key(d)} is confirmed by the full lint`);
  assert.ok(
    part.diagnostics.some((d) => d.rule === 'empty-column' || d.rule === 'source-error'),
    'the head alone would have said more',
  );
});
