// Tiny hostile workbooks (#16): each small on disk, each made to make a naive reader allocate
// gigabytes or loop for hours. Built with jszip at test time; `node out-test/test/unit/sheet/hostile-build.js DIR`
// writes them to DIR (test/fixtures/hostile/sheets holds the committed copies).
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileSheet {
  name: string;
  /** `report`: read to the end (budgets clamp it); otherwise the error the reader must give. */
  expect: 'report' | 'limit' | 'zip-bomb';
  /** What the message must name. */
  says?: RegExp;
  bytes: () => Promise<Buffer>;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet .xlsx from the sheet's inner XML (what goes inside <worksheet>) and optional shared strings. */
export async function rawXlsx(sheetInner: string | Buffer, sharedStrings?: string | Buffer): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const sst = sharedStrings !== undefined ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '';
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sst}</Relationships>`,
  );
  const wrap = (inner: string | Buffer) => (typeof inner === 'string' ? `${XML}<worksheet xmlns="${MAIN}">${inner}</worksheet>` : inner);
  zip.file('xl/worksheets/sheet1.xml', wrap(sheetInner));
  if (sharedStrings !== undefined)
    zip.file(
      'xl/sharedStrings.xml',
      typeof sharedStrings === 'string' ? `${XML}<sst xmlns="${MAIN}">${sharedStrings}</sst>` : sharedStrings,
    );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

export async function rawOds(tables: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file(
    'content.xml',
    `${XML}<office:document-content ${NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c><c r="B1" t="inlineStr"><is><t>montant</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>y</t></is></c><c r="B3"><v>2</v></c></row>';
const data = (rows: string, before = '', after = '') => `${before}<sheetData>${header}${rows}</sheetData>${after}`;
const odsHead =
  '<table:table-row><table:table-cell office:value-type="string"><text:p>nom</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>montant</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>';
const odsTable = (rows: string, cols = '') => `<table:table table:name="S">${cols}${odsHead}${rows}</table:table>`;

export const HOSTILE_SHEETS: HostileSheet[] = [
  {
    name: 'cols-hidden-bomb.xlsx', // 4 KB: each <col> used to push 16 384 entries
    expect: 'report',
    bytes: () => rawXlsx(data('', `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(20000)}</cols>`)),
  },
  {
    name: 'col-negative-min.xlsx',
    expect: 'report',
    bytes: () => rawXlsx(data('', '<cols><col min="-2000000000" max="1" hidden="1"/><col min="1" max="1e300" hidden="1"/></cols>')),
  },
  {
    name: 'row-4294967296.xlsx',
    expect: 'limit',
    says: /row number/,
    bytes: () => rawXlsx(data('<row r="4294967296"><c r="A4294967296"><v>1</v></c></row>')),
  },
  { name: 'row-infinity.xlsx', expect: 'limit', says: /row number/, bytes: () => rawXlsx(data('<row r="Infinity"><c><v>1</v></c></row>')) },
  {
    name: 'row-negative.xlsx',
    expect: 'report',
    bytes: () => rawXlsx(data('<row r="-7"><c r="A4"><v>1</v></c></row><row r="NaN"><c><v>1</v></c></row>')),
  },
  {
    name: 'far-right-cells.xlsx', // one XFD cell per row: 16 384 cells to pad on each
    expect: 'limit',
    says: /beyond column 4 096/,
    bytes: () => rawXlsx(data(Array.from({ length: 20000 }, (_, i) => `<row r="${i + 4}"><c r="XFD${i + 4}"><v>1</v></c></row>`).join(''))),
  },
  {
    name: 'merge-whole-sheet.xlsx',
    expect: 'report',
    bytes: () => rawXlsx(data('', '', '<mergeCells><mergeCell ref="A2:XFD1048576"/><mergeCell ref="ZZZ99999999:A1"/></mergeCells>')),
  },
  {
    name: 'merges-count.xlsx',
    expect: 'limit',
    says: /20 000 merged ranges/,
    bytes: () => rawXlsx(data('', '', `<mergeCells>${'<mergeCell ref="A2:B3"/>'.repeat(20001)}</mergeCells>`)),
  },
  {
    name: 'huge-inline-cell.xlsx', // 33 MB of text in one cell, a few KB zipped
    expect: 'limit',
    says: /32 MB of text/,
    bytes: () =>
      rawXlsx(
        Buffer.concat([
          Buffer.from(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${header}<row r="4"><c r="A4" t="inlineStr"><is><t>`),
          Buffer.alloc(33 * 1024 * 1024, 'x'),
          Buffer.from('</t></is></c></row></sheetData></worksheet>'),
        ]),
      ),
  },
  {
    name: 'shared-strings-count.xlsx', // 10 million and one empty shared strings
    expect: 'limit',
    says: /10 million shared strings/,
    bytes: () =>
      rawXlsx(
        data(''),
        Buffer.concat([Buffer.from(`${XML}<sst xmlns="${MAIN}">`), Buffer.alloc(5 * 10_000_001, '<si/>'), Buffer.from('</sst>')]),
      ),
  },
  {
    name: 'ods-text-s-bomb.ods',
    expect: 'limit',
    says: /32 MB of text/,
    bytes: () =>
      rawOds(
        odsTable('<table:table-row><table:table-cell><text:p><text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row>'),
      ),
  },
  {
    name: 'ods-row-repeat-bomb.ods', // a 16 384-cell row repeated 1 048 575 times: hours of work
    expect: 'limit',
    says: /beyond column 4 096/,
    bytes: () =>
      rawOds(
        odsTable(
          '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
        ),
      ),
  },
  {
    name: 'ods-wide-repeat-bomb.ods', // 4 000 cells repeated a million times: the sheet's cell budget
    expect: 'limit',
    says: /far more cells than a file this small/,
    bytes: () =>
      rawOds(
        odsTable(
          '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="4000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
        ),
      ),
  },
  {
    name: 'ods-columns-repeated.ods',
    expect: 'report',
    bytes: () =>
      rawOds(
        odsTable(
          '<table:table-row><table:table-cell table:number-columns-repeated="2147483647"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
          '<table:table-column table:number-columns-repeated="2147483647" table:visibility="collapse"/>',
        ),
      ),
  },
  {
    name: 'ods-span-bomb.ods', // a merge of the whole sheet: exports used to fill it
    expect: 'report',
    bytes: () =>
      rawOds(
        odsTable(
          '<table:table-row><table:table-cell table:number-columns-spanned="2147483647" table:number-rows-spanned="2147483647" office:value-type="string"><text:p>z</text:p></table:table-cell></table:table-row>',
        ),
      ),
  },
];

/** Rewrites the central-directory uncompressed size of `entry` (what the reader checks before inflating). */
function declare(zip: Buffer, entry: string, uncompressed: number): Buffer {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0, n = buf.readUInt16LE(eocd + 10); i < n; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === entry) buf.writeUInt32LE(uncompressed, p + 24);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

HOSTILE_SHEETS.push({
  // The shape of "an honest 2 GiB sheet in a 7 MB zip": over 64 MB at a ratio of 400, under the 1 100 any deflate stream allows.
  name: 'big-sheet-ratio-400.xlsx',
  expect: 'zip-bomb',
  says: /ratio 4\d\d, limit 100 above 64 MB/,
  bytes: async () => {
    const rows = Array.from(
      { length: 40000 },
      (_, i) =>
        `<row r="${i + 4}"><c r="A${i + 4}"><v>${(i * 7919) % 100003}</v></c><c r="B${i + 4}"><v>${(i * 104729) % 1000003}</v></c></row>`,
    ).join('');
    const zip = await rawXlsx(data(rows));
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = zip.readUInt32LE(eocd + 16);
    let packed = 0;
    for (let i = 0, n = zip.readUInt16LE(eocd + 10); i < n; i++) {
      const nameLen = zip.readUInt16LE(p + 28);
      if (zip.toString('utf8', p + 46, p + 46 + nameLen) === 'xl/worksheets/sheet1.xml') packed = zip.readUInt32LE(p + 20);
      p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    }
    return declare(zip, 'xl/worksheets/sheet1.xml', Math.max(65 * 1024 * 1024, packed * 400));
  },
});

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: hostile-build.js DIR');
  mkdirSync(dir, { recursive: true });
  void (async () => {
    for (const h of HOSTILE_SHEETS) writeFileSync(join(dir, h.name), await h.bytes());
  })();
}
