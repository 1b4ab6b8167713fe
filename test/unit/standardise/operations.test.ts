// Expressions and table operations on small files: join, split, date from d/m/y, period, value
// map, lookup; header row, dropped rows, unpivot, stack; bad input refused with the reason.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTarget } from '../../../src/core/standardise/target';
import { standardisePreview, standardiseToFile } from '../../../src/core/standardise/run';
import type { StandardiseSpec } from '../../../src/core/standardise/spec';

const dir = mkdtempSync(join(tmpdir(), 'odw-std-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const T = resolveTarget('scdl/subventions');
const col = (rows: string[][], header: string[], name: string) => rows.map((r) => r[header.indexOf(name)]);

test('expressions: join, split, date from columns, period, value map, lookup', async () => {
  const src = file(
    'a.csv',
    'Prénom;Nom;Réf;J;M;A;Début;Fin;Type;Code\nAnne;Dupont;CP-2024-12;3;4;2024;01/02/2024;30/06/2024;Numéraire;75\nBob;;CP-2024-13;15;12;2023;01/02/2024;;nature;13\n',
  );
  file('codes.csv', 'code,libelle\n75,Paris\n13,Bouches-du-Rhône\n');
  const spec: StandardiseSpec = {
    schema: { name: 'scdl/subventions' },
    fields: {
      nomBeneficiaire: { join: ['Prénom', 'Nom'], sep: ' ' },
      referenceDecision: { split: 'Réf', sep: '-', part: -1 },
      dateConvention: { date: { day: 'J', month: 'M', year: 'A' } },
      datesPeriodeVersement: { period: { start: 'Début', end: 'Fin' } },
      nature: { map: 'Type', values: { numeraire: 'aide en numéraire', nature: 'aide en nature' } },
      objet: { lookup: 'Code', file: 'codes.csv', key: 'code', value: 'libelle' },
    },
  };
  const p = await standardisePreview(spec, T, { path: src }, 10);
  assert.deepEqual(col(p.rows, p.header, 'nomBeneficiaire'), ['Anne Dupont', 'Bob']);
  assert.deepEqual(col(p.rows, p.header, 'referenceDecision'), ['12', '13']);
  assert.deepEqual(col(p.rows, p.header, 'dateConvention'), ['2024-04-03', '2023-12-15']);
  assert.deepEqual(col(p.rows, p.header, 'datesPeriodeVersement'), ['2024-02-01/2024-06-30', '2024-02-01']);
  assert.deepEqual(col(p.rows, p.header, 'nature'), ['aide en numéraire', 'aide en nature']);
  assert.deepEqual(col(p.rows, p.header, 'objet'), ['Paris', 'Bouches-du-Rhône']);
  assert.deepEqual(
    p.header,
    T.fields.map((f) => f.name),
    'schema field order',
  );
});

test('table operations: header row, drop blank/totals/filtered rows, unpivot, stack', async () => {
  const src = file('b.csv', 'Subventions 2024;;\nStructure;Sport;Culture\nClub A;100;\n;;\nClub B;50;20\nTotal;150;20\nClub C;5;5\n');
  const other = file('c.csv', 'Subventions 2025;;\nStructure;Sport;Culture\nClub D;7;\n');
  const spec: StandardiseSpec = {
    schema: { name: 'scdl/subventions' },
    table: {
      headerRow: 2,
      drop: { blank: true, totals: true, where: [{ column: 'Structure', equals: ['Club C'] }] },
      unpivot: { columns: ['Sport', 'Culture'], name: 'Domaine', value: 'Montant' },
      stack: { files: [{ path: 'c.csv', label: '2025' }], column: 'Source' },
    },
    fields: {
      nomBeneficiaire: { column: 'Structure' },
      objet: { column: 'Domaine' },
      montant: { column: 'Montant' },
      referenceDecision: { column: 'Source' },
    },
  };
  const p = await standardisePreview(spec, T, { path: src }, 100);
  const rows = p.rows.map((r) => [
    r[p.header.indexOf('nomBeneficiaire')],
    r[p.header.indexOf('objet')],
    r[p.header.indexOf('montant')],
    r[p.header.indexOf('referenceDecision')],
  ]);
  assert.deepEqual(rows, [
    ['Club A', 'Sport', '100', 'b.csv'],
    ['Club B', 'Sport', '50', 'b.csv'],
    ['Club B', 'Culture', '20', 'b.csv'],
    ['Club D', 'Sport', '7', '2025'],
  ]);
  assert.ok(other);
});

test('bad input: missing column, unknown field, lookup missing or with duplicate keys; nothing written', async () => {
  const src = file('d.csv', 'Nom;Code\nA;1\n');
  const out = join(dir, 'd-out.csv');
  const run = (fields: StandardiseSpec['fields']) =>
    standardiseToFile({ schema: { name: 'scdl/subventions' }, fields }, T, { path: src }, out);
  await assert.rejects(
    run({ nomBeneficiaire: { column: 'Raison sociale' }, objet: { join: ['Nom', 'Libellé'] } }),
    (e: Error) =>
      /no column “Raison sociale”/.test(e.message) && /no column “Libellé”/.test(e.message) && /nothing was written/.test(e.message),
  );
  await assert.rejects(run({ beneficiaire: { column: 'Nom' } }), /beneficiaire: not a field of scdl\/subventions/);
  await assert.rejects(run({ objet: { lookup: 'Code', file: 'absent.csv', key: 'k', value: 'v' } }), /Lookup file not found: absent\.csv/);
  file('dup.csv', 'k,v\n1,a\n1,b\n');
  await assert.rejects(run({ objet: { lookup: 'Code', file: 'dup.csv', key: 'k', value: 'v' } }), /key “1” appears twice/);
  assert.equal(existsSync(out), false);
  assert.equal(existsSync(out + '.part'), false);
  await assert.rejects(
    standardiseToFile({ schema: { name: 'scdl/subventions' }, fields: {} }, T, { path: src }, src),
    /Refusing to overwrite a source file/,
  );
  assert.equal(readFileSync(src, 'utf8'), 'Nom;Code\nA;1\n');
});

test('an unpivot that would make millions of rows is stopped before anything is written', async () => {
  const cols = Array.from({ length: 400 }, (_, i) => `c${i}`);
  const lines = [['Nom', ...cols].join(',')];
  const row = ['x', ...cols.map(() => '1')].join(',');
  for (let i = 0; i < 5100; i++) lines.push(row);
  const src = file('wide.csv', lines.join('\n') + '\n');
  const out = join(dir, 'wide-out.csv');
  await assert.rejects(
    standardiseToFile(
      {
        schema: { name: 'scdl/subventions' },
        table: { unpivot: { columns: cols, name: 'n', value: 'v' } },
        fields: { nomBeneficiaire: { column: 'Nom' } },
      },
      T,
      { path: src },
      out,
    ),
    /more than 2,000,000 rows/,
  );
  assert.equal(existsSync(out), false);
});

test('the proposal joins a continued name, builds a period and a date from spread columns', async () => {
  const { proposeMapping } = await import('../../../src/core/standardise/propose');
  const header = ['Raison sociale', 'Raison sociale 2', 'Montant', 'Date de début', 'Date de fin', 'Jour', 'Mois', 'Année'];
  const rows = [
    ['CENTRE FORMATION', 'DES MAISONS FAMILIALES', '8048', '01/02/2024', '30/06/2024', '3', '4', '2024'],
    ['AFR', '', '299', '01/03/2024', '31/12/2024', '15', '12', '2023'],
  ];
  const p = proposeMapping(T, { header, rows });
  const by = Object.fromEntries(p.fields.map((f) => [f.field, f]));
  assert.deepEqual(by.nomBeneficiaire.spec, { join: ['Raison sociale', 'Raison sociale 2'], sep: ' ' });
  assert.equal(by.nomBeneficiaire.source, 'Raison sociale');
  assert.deepEqual(by.datesPeriodeVersement.spec, { period: { start: 'Date de début', end: 'Date de fin' } });
  assert.equal(by.datesPeriodeVersement.kind, 'expression');
  assert.deepEqual(by.dateConvention.spec, { date: { day: 'Jour', month: 'Mois', year: 'Année' } });
  assert.deepEqual(p.unmapped, []);
  const preview = await standardisePreview(
    p.spec,
    T,
    { path: file('spread.csv', [header, ...rows].map((r) => r.join(';')).join('\n') + '\n') },
    10,
  );
  assert.deepEqual(col(preview.rows, preview.header, 'nomBeneficiaire'), ['CENTRE FORMATION DES MAISONS FAMILIALES', 'AFR']);
  assert.deepEqual(col(preview.rows, preview.header, 'datesPeriodeVersement'), ['2024-02-01/2024-06-30', '2024-03-01/2024-12-31']);
  assert.deepEqual(col(preview.rows, preview.header, 'dateConvention'), ['2024-04-03', '2023-12-15']);
});
