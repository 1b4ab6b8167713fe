// Builds the small workbooks the sheet tests read: XLSX with exceljs, ODS as a minimal zip
// with jszip, and byte-level damage (truncation, lying zip directories, OLE headers).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tmp = mkdtempSync(join(tmpdir(), 'odw-sheet-test-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
export const tmpPath = (ext: string) => join(tmp, `t${++n}${ext}`);

export async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = tmpPath('.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

/** A sheet from rows of values (null = no cell). */
export function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: unknown[][],
  options?: Partial<ExcelJS.AddWorksheetOptions>,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, options);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      if (v !== null && v !== undefined) row.getCell(j + 1).value = v as ExcelJS.CellValue;
    });
  });
  return ws;
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

/** An .ods whose body is `tables` (table:table elements) and automatic styles `styles`. */
export async function ods(tables: string, styles = '', manifestExtra = ''): Promise<string> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.2"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
  );
  zip.file(
    'META-INF/manifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry></manifest:manifest>`,
  );
  const path = tmpPath('.ods');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

/** ODS cells: a string, a float, or raw cell XML (starting with "<"). */
export function odsRow(cells: (string | number | null)[], attrs = ''): string {
  const xml = cells.map((c) => {
    if (c === null) return '<table:table-cell/>';
    if (typeof c === 'number')
      return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
    if (c.startsWith('<')) return c;
    return `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`;
  });
  return `<table:table-row${attrs ? ' ' + attrs : ''}>${xml.join('')}</table:table-row>`;
}

export const odsTable = (name: string, rows: string, attrs = '') =>
  `<table:table table:name="${name}"${attrs ? ' ' + attrs : ''}>${rows}</table:table>`;

/** Rewrites the central-directory sizes of one zip entry (what a zip bomb or a liar declares). */
export function patchDeclaredSize(src: string, entry: string, uncompressed: number): string {
  const buf = Buffer.from(readFileSync(src));
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === entry) buf.writeUInt32LE(uncompressed, p + 24);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  const out = tmpPath('.xlsx');
  writeFileSync(out, buf);
  return out;
}

/** The 512-byte header of an OLE compound file (legacy .xls and encrypted OOXML), plus payload. */
export function oleFile(ext: string, payload = Buffer.alloc(0)): string {
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  const path = tmpPath(ext);
  writeFileSync(path, Buffer.concat([head, payload]));
  return path;
}
