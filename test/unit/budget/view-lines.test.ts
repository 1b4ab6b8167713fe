// The budget view's grid over a real act: the columns a reader needs first, only the amounts
// the act fills, and the section / recette-dépense / chapter filters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetViewTask } from '../../../src/core/budget/tasks';
import { cell, chaptersOf, filterRows, shownColumns } from '../../../webview-ui/budget/lines';
import { actOf } from './helpers';

async function viewOf(name: string) {
  const d = await budgetViewTask({ path: actOf(name), lang: 'en', cacheDir: null, baseUrl: null });
  assert.ok(d.ok);
  return d;
}

test('the grid starts with the chapter and nature and their labels, and shows only the amounts filled', async () => {
  const bp = await viewOf('crach-principal-bp-2022');
  const cols = shownColumns(bp.rows);
  assert.deepEqual(cols.slice(0, 4), ['BGT_CONTNAT', 'BGT_CONTNAT_LABEL', 'BGT_NATURE', 'BGT_NATURE_LABEL']);
  assert.ok(cols.includes('BGT_MTPREV'), 'a budget primitif shows its voted amounts');
  assert.ok(!cols.includes('BGT_MTRAR3112'), 'and no empty column of rests to realise');
  const ca = await viewOf('crach-principal-ca-2021');
  assert.ok(shownColumns(ca.rows).includes('BGT_MTREAL'), 'a compte administratif shows what was realised');
});

test('filters by section, recette/dépense and chapter; chapters listed by code with their labels', async () => {
  const d = await viewOf('crach-principal-bp-2022');
  const all = { section: '', codrd: '', chapter: '' };
  assert.equal(filterRows(d.rows, all).length, 201);
  const inv = filterRows(d.rows, { ...all, section: 'investissement' });
  assert.ok(inv.length > 0 && inv.length < 201);
  assert.ok(inv.every((r) => cell(r, 'BGT_SECTION') === 'investissement'));
  const rec = filterRows(d.rows, { ...all, codrd: 'recette' });
  assert.ok(rec.length > 0 && rec.every((r) => cell(r, 'BGT_CODRD') === 'recette'));
  const chapters = chaptersOf(d.rows);
  const codes = chapters.map(([c]) => c);
  assert.deepEqual(codes, [...codes].sort(), 'in code order');
  assert.ok(codes.includes('011') && !codes.includes('11'), 'codes keep their leading zero');
  assert.deepEqual(
    chapters.find(([c]) => c === '011'),
    ['011', 'Charges à caractère général'],
  );
  const c011 = filterRows(d.rows, { ...all, chapter: '011' });
  assert.ok(c011.length > 1 && c011.every((r) => cell(r, 'BGT_CONTNAT') === '011'));
  assert.equal(filterRows(d.rows, { section: 'investissement', codrd: '', chapter: '011' }).length, 0, 'the filters combine');
});
