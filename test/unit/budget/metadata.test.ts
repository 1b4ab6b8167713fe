// The dataset a converted act joins the project as: the issue's title ("Budget primitif 2020 —
// Ville de Grenoble"), its year as temporal coverage, the organisation, the SIRET and the schema.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { budgetConvertTask } from '../../../src/core/budget/tasks';
import { emptyHeader } from '../../../src/core/budget/act';
import { budgetDatasetMeta, frenchTitleCase } from '../../../src/core/budget/metadata';
import { actOf, makeAct, tmp, writeAct } from './helpers';

const LINE = { Nature: '6068', ContNat: '011', CodRD: 'D', OpBudg: '0', MtPrev: '100' };

async function metaOf(path: string) {
  const r = await budgetConvertTask({ path, out: join(tmp(), 'b.csv'), lang: 'en', cacheDir: null, baseUrl: null });
  assert.ok(r.ok);
  return r.meta;
}

test('the budget primitif of the Ville de Grenoble 2020: title, coverage, organisation, SIRET, schema', async () => {
  const act = writeAct(tmp(), 'bp.xml', makeAct({ exer: '2020', natDec: '01', libelleColl: 'VILLE DE GRENOBLE', lines: [LINE] }));
  const m = await metaOf(act);
  assert.equal(m.title, 'Budget primitif 2020 — Ville de Grenoble');
  assert.deepEqual(m.temporalCoverage, { start: '2020-01-01', end: '2020-12-31' });
  assert.equal(m.organization, 'Ville de Grenoble');
  assert.match(m.siret, /^\d{14}$/);
  assert.deepEqual(m.schema, { name: 'scdl/budget', version: '0.8.3' });
});

test('the nature of the act names it: DM, compte administratif, CFU', async () => {
  for (const [natDec, title] of [
    ['02', 'Décision modificative 2020 — Ville de Grenoble'],
    ['09', 'Compte administratif 2020 — Ville de Grenoble'],
    ['10', 'Compte financier unique 2020 — Ville de Grenoble'],
  ]) {
    const act = writeAct(tmp(), `a${natDec}.xml`, makeAct({ exer: '2020', natDec, lines: [LINE] }));
    assert.equal((await metaOf(act)).title, title);
  }
});

test('an annex budget: its own SIRET, the collectivity as organisation', async () => {
  const m = await metaOf(actOf('crach-lotissement-bp-2022'));
  assert.equal(m.organization, 'Crach');
  assert.match(m.title, /^Budget primitif 2022 — Crach - Lotissement/);
  const principal = await metaOf(actOf('crach-principal-bp-2022'));
  assert.notEqual(m.siret, principal.siret, 'the annex is its own establishment');
});

test('names in capitals are set in French title case; names in mixed case are kept', () => {
  assert.equal(frenchTitleCase('COMMUNE DE SAINT-MALO'), 'Commune de Saint-Malo');
  assert.equal(frenchTitleCase('Ville de Grenoble'), 'Ville de Grenoble');
  assert.equal(
    budgetDatasetMeta({ ...emptyHeader('DocumentBudgetaire'), libelleColl: 'X', natDec: '01', exer: 'x' }).temporalCoverage,
    undefined,
    'no year, no coverage',
  );
});
