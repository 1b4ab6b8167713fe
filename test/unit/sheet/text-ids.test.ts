import test from 'node:test';
import assert from 'node:assert/strict';
import { sheet, xlsx } from './build';
import { readAll, lintSheet, rule, where } from './read-helpers';
import { TextIds } from '../../../src/core/sheet/text-ids';

const day = (d: number) => new Date(Date.UTC(2024, 0, d));

test('a year, a boolean and a date repeated down a column share an id past the shared strings; other texts do not', async () => {
  const path = await xlsx((wb) => {
    const ws = sheet(wb, 'S', [
      ['nom', 'année', 'versé', 'date'],
      ['Laval', 2017, true, day(5)],
      ['Craon', 2018, false, day(6)],
      ['Laval', 2017, true, day(5)],
      ['Évron', 12.5, true, day(6)],
    ]);
    ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  });
  const [{ rows }] = await readAll(path);
  const [, a, b, c, d] = rows;
  assert.deepEqual(a.values, ['Laval', '2017', 'true', '2024-01-05']);
  // The same text, the same id; another text, another one.
  assert.deepEqual(c.ids, a.ids);
  assert.notEqual(b.ids![1], a.ids![1]);
  assert.notEqual(b.ids![2], a.ids![2]);
  assert.notEqual(b.ids![3], a.ids![3]);
  assert.equal(d.ids![2], a.ids![2]);
  assert.equal(d.ids![3], b.ids![3]);
  // A decimal has none; the shared strings keep their indexes, below every other id.
  assert.equal(d.ids![1], -1);
  const strings = Math.max(...rows.flatMap((r) => r.ids!.filter((id, i) => r.cells[i]?.type === 'string')));
  for (const r of rows.slice(1)) for (const i of [1, 2, 3]) assert.ok(r.ids![i] === -1 || r.ids![i] > strings);
});

test('rows equal through their years, booleans and dates are duplicates; kinds are counted per cell', async () => {
  const rows: unknown[][] = [['nom', 'année', 'versé', 'date']];
  for (let i = 0; i < 12; i++) rows.push([`Asso ${i % 4}`, 2017 + (i % 2), i % 2 === 0, i < 9 ? day(1 + (i % 4)) : 'bientôt']);
  // Row 14 differs from row 2 by its date only.
  rows.push(['Asso 0', 2017, true, day(2)]);
  const path = await xlsx((wb) => void (sheet(wb, 'S', rows).getColumn(4).numFmt = 'dd/mm/yyyy'));
  const report = await lintSheet(path);
  // Rows 2–5 are new; rows 6–10 repeat them (i and i + 4 agree in every cell); rows 11–13 end in a text.
  assert.deepEqual(
    rule(report, 'duplicate-row').map((x) => [where(x), x.message]),
    [
      ['S!A6', 'Row is identical to row 2.'],
      ['S!A7', 'Row is identical to row 3.'],
      ['S!A8', 'Row is identical to row 4.'],
      ['S!A9', 'Row is identical to row 5.'],
      ['S!A10', 'Row is identical to row 2.'],
    ],
  );
  const mixed = rule(report, 'inconsistent-values');
  assert.equal(mixed.length, 1);
  assert.match(mixed[0].message, /“date”.*10 dates .*3 texts/);
});

test('dates get ids up to a bound, then none; a date keeps its id', () => {
  const ids = new TextIds(100);
  assert.equal(ids.small, 100);
  const first = ids.date(4 * 45000);
  assert.ok(first >= ids.booleans + 2);
  assert.equal(ids.date(4 * 45000), first);
  let last = first;
  for (let k = 1; k < 65536; k++) last = ids.date(4 * (45000 + k));
  assert.equal(last, first + 65535);
  assert.equal(ids.date(4 * 999999), -1);
  assert.equal(ids.date(4 * 45000), first);
});
