#!/usr/bin/env node
// Copied from the team's shared bench folder (our own generator, no third-party code).
// Writes a synthetic "subventions" CSV in the SCDL shape (schema: ../standards/scdl-subventions/schema.json)
// to stdout, for benchmarks and scale tests. Deterministic: same arguments, same bytes.
//   node gen-subventions.mjs ROWS [ERROR_RATE=0.02] [SEED=1] > out.csv
// About 1 row in 1/ERROR_RATE carries one realistic defect (French date, decimal comma, bad SIRET
// checksum, missing required cell, extra cell, out-of-range percentage, stray whitespace, unknown enum).
const rows = Number(process.argv[2] ?? 100000);
const errorRate = Number(process.argv[3] ?? 0.02);
let seed = Number(process.argv[4] ?? 1) >>> 0 || 1;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296;
const pick = (a) => a[Math.floor(rand() * a.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
function luhnComplete(body) {
  // append the check digit that makes body+d pass Luhn
  for (let d = 0; d < 10; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let v = +s[s.length - 1 - i];
      if (i % 2) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
}
const siret = () => luhnComplete(digits(13));
const pad = (n) => String(n).padStart(2, '0');
const date = () => `20${pad(15 + Math.floor(rand() * 10))}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
const attribuants = [
  'Ville de Grenoble',
  'Grenoble-Alpes Métropole',
  'Ville de Poitiers',
  "Département de l'Isère",
  "Commune d'Échirolles",
];
const ids = attribuants.map(() => siret());
const benef = [
  'Association sportive',
  'Compagnie de théâtre',
  'Club de football',
  'Maison des jeunes',
  'Comité des fêtes',
  'Centre social',
  'Festival de musique',
  'Amicale laïque',
];
const objets = [
  'Fonctionnement',
  "Soutien à l'organisation de la manifestation annuelle",
  'Projet d\'animation de quartier, "été 2024"',
  'Investissement matériel',
];
const natures = ['aide en numéraire', 'aide en nature', 'aide en numéraire;aide en nature'];
const header =
  'nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide';
const q = (s) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = [header];
for (let r = 0; r < rows; r++) {
  const a = Math.floor(rand() * attribuants.length);
  const d = date();
  const cells = [
    attribuants[a],
    ids[a],
    d,
    `DEL-${digits(4)}`,
    `${pick(benef)} ${digits(3)}`,
    siret(),
    `W${digits(9)}`,
    pick(objets),
    (rand() * 50000).toFixed(2),
    pick(natures),
    pick(['unique', 'échelonné']),
    `${d}/${date()}`,
    '',
    pick(['oui', 'non']),
    (0.01 + rand() * 0.99).toFixed(2),
    '',
  ];
  if (rand() < errorRate) {
    switch (Math.floor(rand() * 8)) {
      case 0:
        cells[2] = d.split('-').reverse().join('/');
        break; // 24/05/2019
      case 1:
        cells[8] = cells[8].replace('.', ',');
        break; // 1234,56
      case 2:
        cells[5] = cells[5].slice(0, 13) + ((+cells[5][13] + 1) % 10);
        break; // Luhn fails
      case 3:
        cells[4] = '';
        break; // required missing
      case 4:
        cells.push('extra');
        break; // extra cell
      case 5:
        cells[14] = '80';
        break; // percentage out of [0.01, 1]
      case 6:
        cells[0] = ` ${cells[0]} `;
        break; // stray whitespace
      case 7:
        cells[9] = 'subvention';
        break; // not in enum
    }
  }
  out.push(cells.map(q).join(','));
  if (out.length >= 5000) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
