// One problem, one report: number-format does not read identifier columns as amounts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { lintCsvText } from '../../../src/core/lint-csv';
import { idColumnsCheck } from '../../../src/core/ids/id-columns';

const rules = (text: string) => lintCsvText(text, { maxProblems: 0, checks: [idColumnsCheck()] }).diagnostics;

test('a SIRET written in groups is reported once, by the identifier check, not as a display-formatted amount', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `Asso ${i};82 212 742 900 014;${i + 1} 000,50`);
  const ds = rules(['Bénéficiaire;N° SIRET;Montant', ...rows].join('\n'));
  const siretCol = ds.filter((d) => d.column === 2);
  assert.ok(
    siretCol.length > 0 && siretCol.every((d) => d.rule === 'french-siret-value'),
    JSON.stringify([...new Set(siretCol.map((d) => d.rule))]),
  );
  assert.equal(ds.filter((d) => d.rule === 'number-format' && d.column === 3).length, 30, 'the amounts are still reported');
});

test('a grouped SIRET in a column with another name is an identifier too; postal codes are never amounts', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `Asso ${i};82 212 742 900 014;49 000`);
  const ds = rules(['Bénéficiaire;Identification du bénéficiaire;Code postal', ...rows].join('\n'));
  assert.equal(ds.filter((d) => d.rule === 'number-format').length, 0);
  const other = rules(['Bénéficiaire;référence', ...rows.map((r) => r.split(';').slice(0, 2).join(';'))].join('\n'));
  assert.equal(other.filter((d) => d.rule === 'number-format').length, 0);
});
