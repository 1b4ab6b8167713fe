#!/usr/bin/env node
// Writes the bench's "subventions" table (the same 16 columns as gen-xlsx.mjs) as an .ods:
// content.xml deflated with zlib, written the way LibreOffice lays out a sheet. Deterministic.
//   node scripts/bench/gen-ods.mjs OUT.ods [ROWS=100000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const str = (s) => `<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>${esc(s)}</text:p></table:table-cell>`;
const num = (n) =>
  `<table:table-cell office:value-type="float" office:value="${n}" calcext:value-type="float"><text:p>${n}</text:p></table:table-cell>`;
const day = (d) => {
  const iso = d.toISOString().slice(0, 10);
  return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${iso}" calcext:value-type="date"><text:p>${iso.split('-').reverse().join('/')}</text:p></table:table-cell>`;
};
const bool = (b) =>
  `<table:table-cell office:value-type="boolean" office:boolean-value="${b}" calcext:value-type="boolean"><text:p>${b ? 'VRAI' : 'FAUX'}</text:p></table:table-cell>`;

export function generateOds(file, rows = 100000) {
  mkdirSync(dirname(file), { recursive: true });
  const natures = ['aide en numéraire', 'aide en nature'];
  const towns = ['Laval', 'Mayenne', 'Château-Gontier', 'Évron', 'Craon', 'Ernée'];
  const header = [
    'id',
    'nomBeneficiaire',
    'idBeneficiaire',
    'dateConvention',
    'montant',
    'nature',
    'objet',
    'commune',
    'codePostal',
    'annee',
    'taux',
    'verse',
    'referenceDecision',
    'dateVersement',
    'service',
    'commentaire',
  ];
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Subventions"><table:table-column table:number-columns-repeated="16"/>',
    `<table:table-row>${header.map(str).join('')}</table:table-row>`,
  ];
  for (let i = 1; i <= rows; i++) {
    const cells = [
      num(i),
      str(`Association n°${i}`),
      str(String(30000000000000 + i * 7)),
      day(new Date(Date.UTC(2017, i % 12, 1 + (i % 28)))),
      num(Math.round(i * 137.5) / 100),
      str(natures[i % 2]),
      str(`Projet ${i % 500}`),
      str(towns[i % towns.length]),
      str(`53${String(i % 1000).padStart(3, '0')}`),
      num(2017 + (i % 3)),
      num((i % 100) / 100),
      bool(i % 3 === 0),
      str(`CP-${i % 97}`),
      day(new Date(Date.UTC(2018, i % 12, 1 + (i % 27)))),
      str(`Service ${i % 12}`),
      i % 10 === 0 ? str('à vérifier') : '<table:table-cell/>',
    ];
    parts.push(`<table:table-row>${cells.join('')}</table:table-row>`);
  }
  parts.push('</table:table></office:spreadsheet></office:body></office:document-content>');
  const entries = [
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true },
    { name: 'content.xml', data: Buffer.from(parts.join('')) },
  ];
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = e.store ? e.data : deflateRawSync(e.data, { level: 6 });
    const crc = crc32(e.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.store ? 0 : 8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.store ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, dirBytes, end]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, rows] = process.argv.slice(2);
  if (!out) throw new Error('usage: gen-ods.mjs OUT.ods [ROWS]');
  generateOds(resolve(out), Number(rows ?? 100000));
}
