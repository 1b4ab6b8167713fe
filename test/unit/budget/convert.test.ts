// The budget converter on the shared real acts: byte-exact with the reference converter in
// compat mode, valid against the bundled SCDL budget schema in the default mode, and each
// trap of the shared README (test/fixtures/budget/SOURCES.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertActToFile, type ConvertResult } from '../../../src/core/budget/convert';
import { lintFile } from '../../../src/core/lint-file';
import { actOf, caseNames, CASES, makeAct, readCsv, tmp, writeAct } from './helpers';

const offline = { baseUrl: null, cacheDir: null } as const;

async function convert(
  act: string,
  mode: 'default' | 'compat' = 'default',
  extra = {},
): Promise<{ rows: string[][]; text: string; r: ConvertResult; out: string }> {
  const out = join(tmp(), 'budget.csv');
  const r = await convertActToFile(act, out, { mode, ...offline, ...extra });
  const text = readFileSync(out, 'utf8');
  return { rows: readCsv(text), text, r, out };
}

const col = (rows: string[][], name: string) => rows[0].indexOf(name);
const rowWith = (rows: string[][], name: string, value: string) => rows.find((r) => r[col(rows, name)] === value)!;

for (const name of caseNames()) {
  test(`compat yatotem2scdl: ${name} is byte-identical to the reference output`, async () => {
    const ref = ['expected.csv', 'generated-by-yatotem2scdl-0.1.2.csv'].map((f) => join(CASES, name, f)).find(existsSync)!;
    const { text } = await convert(actOf(name), 'compat');
    assert.equal(text, readFileSync(ref, 'utf8'));
  });

  test(`default mode: ${name} has 0 errors against the bundled scdl/budget schema`, async () => {
    const { out, r } = await convert(actOf(name));
    const report = await lintFile(out, { schema: 'scdl/budget' });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((d) => `${d.row}:${d.field} ${d.message}`),
      [],
    );
    assert.deepEqual(report.schema, { name: 'scdl/budget', version: '0.8.3' });
    assert.ok(r.rows > 0);
  });
}

test('trap 1: codes stay text with their leading zeros (011, 020 ≠ 20, 001)', async () => {
  const { rows } = await convert(actOf('crach-principal-bp-2022'));
  const chapters = new Set(rows.slice(1).map((r) => r[col(rows, 'BGT_CONTNAT')]));
  assert.ok(chapters.has('011') && chapters.has('012') && chapters.has('040'), [...chapters].join(' '));
  const { rows: m } = await convert(actOf('mohon-cfu-2023-m57a'));
  assert.ok(rowWith(m, 'BGT_NATURE', '001'), 'nature 001 keeps its zeros');
  assert.equal(rowWith(m, 'BGT_NATURE', '023')[col(m, 'BGT_CONTNAT')], '023');
});

test('trap 2: a line without ContNat gets the chapter of its account in the plan (DR/RR, ordre attributes)', async () => {
  const { rows } = await convert(actOf('crach-lotissement-bp-2022'));
  // Revenue 168748 (Autres communes) has no ContNat in the act; the plan puts it in chapter 16.
  const r = rowWith(rows, 'BGT_NATURE', '168748');
  assert.deepEqual(
    [r[col(rows, 'BGT_CONTNAT')], r[col(rows, 'BGT_CONTNAT_LABEL')], r[col(rows, 'BGT_SECTION')]],
    ['16', 'Emprunts et dettes assimilées', 'investissement'],
  );
  const { rows: ref } = await convert(actOf('crach-lotissement-bp-2022'), 'compat');
  assert.equal(rowWith(ref, 'BGT_NATURE', '168748')[col(ref, 'BGT_CONTNAT')], '', 'the reference leaves it empty');
  // Ordre lines: TypOpBudg 1 = inside the section (041), 2 = between sections (040); ContOp lines: DR.
  const dir = tmp();
  const act = writeAct(
    dir,
    'a.xml',
    makeAct({
      lines: [
        { Nature: '2132', CodRD: 'D', OpBudg: '1', TypOpBudg: '1', MtPrev: '1.00' },
        { Nature: '2132', CodRD: 'R', OpBudg: '1', TypOpBudg: '2', MtPrev: '2.00' },
        { Nature: '2132', CodRD: 'D', OpBudg: '0', ContOp: '93', Operation: '93', MtPrev: '3.00' },
      ],
    }),
  );
  const { rows: s } = await convert(act);
  assert.deepEqual(
    s.slice(1).map((x) => [x[col(s, 'BGT_CONTNAT')], x[col(s, 'BGT_SECTION')], x[col(s, 'BGT_OPERATION')]]),
    [
      ['041', 'investissement', ''],
      ['040', 'investissement', ''],
      ['21', 'investissement', '93'],
    ],
  );
});

test('trap 3: NatDec in the schema’s lowercase words; the reference capitalises them', async () => {
  const d = await convert(actOf('crach-lotissement-dm1-2022'));
  const c = await convert(actOf('crach-lotissement-dm1-2022'), 'compat');
  assert.equal(d.rows[1][0], 'décision modificative');
  assert.equal(c.rows[1][0], 'Décision modificative');
  const cfu = await convert(actOf('mohon-cfu-2023-m57a'));
  assert.equal(cfu.rows[1][0], 'compte administratif', 'NatDec 10 (CFU)');
});

test('trap 4: functional codes like 93020 are labelled from Fonction/Comptes', async () => {
  const act = writeAct(
    tmp(),
    'a.xml',
    makeAct({
      nomenclature: 'M57-M57_A',
      exer: '2023',
      lines: [
        { Nature: '6068', ContNat: '011', Fonction: '93020', CodRD: 'D', OpBudg: '0', MtPrev: '5.00' },
        { Nature: '6068', ContNat: '011', Fonction: '020', CodRD: 'D', OpBudg: '0', MtPrev: '5.00' },
      ],
    }),
  );
  const { rows } = await convert(act);
  assert.deepEqual(
    rows.slice(1).map((r) => r[col(rows, 'BGT_FONCTION_LABEL')]),
    ['Administration générale de la collectivité', 'Administration générale de la collectivité'],
  );
  const { rows: ref } = await convert(act, 'compat');
  assert.equal(ref[1][col(ref, 'BGT_FONCTION_LABEL')], '', 'the reference reads RefFonc only');
});

test('trap 5: a plan older than its folder is said, an account it lacks gets its parent’s label and a warning', async () => {
  const { rows, r } = await convert(actOf('stmalo-agglo-transport-bp-2022'));
  assert.ok(r.problems.some((p) => p.code === 'plan-year-differs' && /2020/.test(p.message)));
  const w = r.problems.find((p) => p.code === 'parent-nature-label')!;
  assert.match(w.message, /6518/);
  assert.equal(
    rowWith(rows, 'BGT_NATURE', '6518')[col(rows, 'BGT_NATURE_LABEL')],
    'Redevances pour concessions, brevets, licences, procédés, droits et valeurs similaires',
  );
  // A chapter suffixed with its operation number is labelled by its root chapter.
  const op = rowWith(rows, 'BGT_CONTNAT', '4581001');
  assert.deepEqual(
    [op[col(rows, 'BGT_CONTNAT_LABEL')], op[col(rows, 'BGT_SECTION')]],
    ['Opérations pour le compte de tiers', 'investissement'],
  );
});

test('trap 6: an annex budget carries its own SIRET and its name after the collectivity’s', async () => {
  const { rows, r } = await convert(actOf('crach-lotissement-bp-2022'));
  assert.equal(r.header.libelleEtab, 'LOTISSEMENT LE BOCENO');
  assert.equal(rows[1][col(rows, 'BGT_SIRET')], '21560046100085');
  assert.equal(rows[1][col(rows, 'BGT_NOM')], 'CRACH - LOTISSEMENT LE BOCENO');
  const { rows: p } = await convert(actOf('crach-principal-bp-2022'));
  assert.equal(p[1][col(p, 'BGT_NOM')], 'CRACH', 'a principal budget is the collectivity');
});

test('trap 7: the declared encoding is honoured (ISO-8859-1 act → UTF-8 CSV)', async () => {
  const act = writeAct(
    tmp(),
    'a.xml',
    makeAct({
      encoding: 'ISO-8859-1',
      libelleColl: 'SAINT-ÉTIENNE-LÈS-REMIREMONT',
      lines: [{ Nature: '6068', ContNat: '011', CodRD: 'D', OpBudg: '0' }],
    }),
    'latin1',
  );
  assert.ok(readFileSync(act).includes(Buffer.from([0xc9])), 'the act holds a Latin-1 É');
  const { rows, r } = await convert(act);
  assert.equal(rows[1][col(rows, 'BGT_NOM')], 'SAINT-ÉTIENNE-LÈS-REMIREMONT');
  assert.equal(r.encoding, 'iso-8859-1');
});

test('trap 8: the chapter goes in BGT_CONTNAT, the article in BGT_NATURE', async () => {
  const { rows } = await convert(actOf('crach-lotissement-bp-2022'));
  const r = rowWith(rows, 'BGT_NATURE', '6045');
  assert.deepEqual([r[col(rows, 'BGT_CONTNAT')], r[col(rows, 'BGT_CONTNAT_LABEL')]], ['011', 'Charges à caractère général']);
  assert.equal(r[col(rows, 'BGT_NATURE_LABEL')], "Achats d'études, prestations de services (terrains à aménager)");
});

test('calculated="true" subtotals are left out (CFU)', async () => {
  const { r } = await convert(actOf('mohon-cfu-2023-m57a'));
  assert.deepEqual([r.rows, r.subtotals], [163, 633]);
  assert.equal(r.header.root, 'CompteFinancierUnique');
  assert.equal(r.header.idEtab, '21560134500014');
});

test('an unknown NatDec: an empty cell and a warning naming the code (the reference writes “NatDec inconnu”)', async () => {
  const act = writeAct(
    tmp(),
    'x.xml',
    makeAct({ natDec: '07', lines: [{ Nature: '6068', ContNat: '011', CodRD: 'D', OpBudg: '0', MtPrev: '1' }] }),
  );
  const d = await convert(act);
  assert.equal(d.rows[1][col(d.rows, 'BGT_NATDEC')], '');
  const w = d.r.problems.find((p) => p.code === 'unknown-natdec');
  assert.ok(w && w.severity === 'warning' && w.message.includes('NatDec=07'), JSON.stringify(d.r.problems));
  const c = await convert(act, 'compat');
  assert.equal(c.rows[1][col(c.rows, 'BGT_NATDEC')], 'NatDec inconnu: 07');
});

test('the problems beside the view: an invalid SIRET, a line whose chapter cannot be derived', async () => {
  const act = writeAct(
    tmp(),
    'x.xml',
    makeAct({
      idEtab: '21380185500016',
      lines: [
        { Nature: '6068', ContNat: '011', CodRD: 'D', OpBudg: '0', MtPrev: '1' },
        { Nature: '999999', CodRD: 'D', OpBudg: '0', MtPrev: '2' },
      ],
    }),
  );
  const { r } = await convert(act);
  const codes = r.problems.map((p) => p.code);
  assert.ok(codes.includes('invalid-siret'), codes.join(' '));
  assert.ok(codes.includes('no-chapter'), codes.join(' '));
  assert.match(r.problems.find((p) => p.code === 'invalid-siret')!.message, /21380185500016/);
});

test('a chapter the plan lacks is named in its warning by its own code, not by the line’s account', async () => {
  const act = writeAct(
    tmp(),
    'no-section.xml',
    makeAct({
      nomenclature: 'M57-M57_A',
      exer: '2023',
      lines: [
        { Nature: '6068', ContNat: '011', CodRD: 'D', OpBudg: '0', MtPrev: '5.00' },
        { Nature: '6068', ContNat: '777', CodRD: 'D', OpBudg: '0', MtPrev: '5.00' },
      ],
    }),
  );
  const { rows, r } = await convert(act);
  const w = r.problems.find((p) => p.code === 'no-section')!;
  assert.match(w.message, /^1 line\(s\) have a chapter the plan does not list \(e\.g\. 777\)/);
  assert.equal(rowWith(rows, 'BGT_CONTNAT', '777')[col(rows, 'BGT_SECTION')], '');
});
