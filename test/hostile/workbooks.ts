// Tiny hostile workbooks, built at test time (a few KB each, for the host test and the worker
// test): what a crafted file can make the readers do. The readers' own budgets are another
// branch's work; these files check that the extension survives whatever the reader does.
import JSZip from 'jszip';

const XLSX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

const ROWS =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>' +
  '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row></sheetData>';

/** An .xlsx of one sheet whose worksheet XML is `<worksheet>` + `inner` + `</worksheet>`. */
export async function rawXlsx(inner: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, xml] of Object.entries(XLSX_PARTS)) zip.file(name, xml);
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inner}</worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** An .ods whose only table holds `rows` (table:table-row elements). */
export async function rawOds(rows: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS} office:version="1.2"><office:body><office:spreadsheet>` +
      `<table:table table:name="Feuil1">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
  );
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The hostile workbooks of issue #16, by file name. */
export async function hostileWorkbooks(): Promise<Record<string, Buffer>> {
  const cell = '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell></table:table-row>';
  return {
    // Every <col> spans the whole width: a reader that lists hidden columns one by one grows past any limit.
    'hidden-cols.xlsx': await rawXlsx('<cols>' + '<col min="1" max="16384" hidden="1"/>'.repeat(20000) + '</cols>' + ROWS),
    // One <text:s text:c="…"/> asks for a billion spaces, many times over.
    'spaces.ods': await rawOds(
      cell +
        `<table:table-row><table:table-cell office:value-type="string"><text:p>x${'<text:s text:c="400000000"/>'.repeat(12)}</text:p></table:table-cell></table:table-row>`,
    ),
    // A row number past any sheet.
    'far-row.xlsx': await rawXlsx(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="4294967296"><c r="A4294967296"><v>2</v></c></row></sheetData>',
    ),
  };
}
