#!/usr/bin/env node
// Writes a synthetic "subventions" workbook with exceljs's streaming writer, for benchmarks.
// Deterministic content (same arguments, same cells; only the zip timestamps differ).
// `extra` adds that many columns (amounts and labels) so one sheet can reach ~200 MB within
// Excel's 1 048 576-row limit.
// `--problems` gives every 997th row's town a trailing space (cell-whitespace, for the host's timings).
//   node scripts/bench/gen-xlsx.mjs OUT.xlsx [ROWS=100000] [EXTRA_COLUMNS=0] [--problems]
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const EPOCH = new Date(Date.UTC(2024, 0, 1));

export async function generateXlsx(file, rows = 100000, extra = 0, problems = false) {
  mkdirSync(dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
    created: EPOCH,
    modified: EPOCH,
  });
  const ws = wb.addWorksheet('Subventions');
  const columns = [
    { header: 'id', width: 8 },
    { header: 'nomBeneficiaire' },
    { header: 'idBeneficiaire' },
    { header: 'dateConvention', style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'montant', style: { numFmt: '#,##0.00 €' } },
    { header: 'nature' },
    { header: 'objet' },
    { header: 'commune' },
    { header: 'codePostal' },
    { header: 'annee' },
    { header: 'taux' },
    { header: 'verse' },
    { header: 'referenceDecision' },
    { header: 'dateVersement', style: { numFmt: 'yyyy-mm-dd' } },
    { header: 'service' },
    { header: 'commentaire' },
  ];
  for (let k = 0; k < extra; k++) columns.push(k % 2 ? { header: `libelle${k}` } : { header: `montant${k}`, style: { numFmt: '0.00' } });
  ws.columns = columns;
  const natures = ['aide en numéraire', 'aide en nature'];
  const towns = ['Laval', 'Mayenne', 'Château-Gontier', 'Évron', 'Craon', 'Ernée'];
  for (let i = 1; i <= rows; i++) {
    const row = [
      i,
      `Association n°${i}`,
      String(30000000000000 + i * 7),
      new Date(Date.UTC(2017, i % 12, 1 + (i % 28))),
      Math.round(i * 137.5) / 100,
      natures[i % 2],
      `Projet ${i % 500}`,
      problems && i % 997 === 0 ? `${towns[i % towns.length]} ` : towns[i % towns.length],
      `53${String(i % 1000).padStart(3, '0')}`,
      2017 + (i % 3),
      (i % 100) / 100,
      i % 3 === 0,
      `CP-${i % 97}`,
      new Date(Date.UTC(2018, i % 12, 1 + (i % 27))),
      `Service ${i % 12}`,
      i % 10 === 0 ? 'à vérifier' : '',
    ];
    for (let k = 0; k < extra; k++) row.push(k % 2 ? `Ligne ${(i * (k + 3)) % 9973}` : ((i * (k + 7)) % 100003) / 100);
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, rows, extra] = process.argv.slice(2).filter((a) => a !== '--problems');
  if (!out) throw new Error('usage: gen-xlsx.mjs OUT.xlsx [ROWS] [EXTRA_COLUMNS]');
  await generateXlsx(resolve(out), Number(rows ?? 100000), Number(extra ?? 0), process.argv.includes('--problems'));
}
