import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { lintFile } from '../../../src/core/lint-file';
import { lintSpreadsheetFile } from '../../../src/core/sheet/lint-sheet';
import { openWorkbook } from '../../../src/core/sheet/open';
import { oleFile, ods, odsRow, odsTable, patchDeclaredSize, sheet, tmpPath, xlsx } from './build';
import { readAll } from './read-helpers';

const fatalOf = async (path: string) => {
  const r = await lintFile(path, { schema: null });
  assert.ok(r.fatal, 'a fatal report');
  assert.equal(r.rows, 0);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.rule, d.severity]),
    [['source-error', 'error']],
  );
  return r.fatal!;
};

const small = () =>
  xlsx((wb) =>
    sheet(wb, 'S', [
      ['a', 'b'],
      ['x', 1],
      ['y', 2],
    ]),
  );

test('a renamed text file is told to be a CSV', async () => {
  const path = tmpPath('.xlsx');
  writeFileSync(path, 'nom;montant\nA;1\n');
  assert.match(await fatalOf(path), /file is text, not a workbook.*\.csv/);
});

test('an empty file and random bytes are not workbooks', async () => {
  const empty = tmpPath('.xlsx');
  writeFileSync(empty, '');
  assert.match(await fatalOf(empty), /not a valid \.xlsx\/\.ods workbook.*empty file/);
  const noise = tmpPath('.ods');
  writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  assert.match(await fatalOf(noise), /not a valid \.xlsx\/\.ods workbook/);
});

test('a truncated zip is reported as damaged', async () => {
  const whole = readFileSync(await small());
  const path = tmpPath('.xlsx');
  writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
  assert.match(await fatalOf(path), /damaged or truncated/);
});

test('a zip bomb is refused from its declared size, before anything is inflated', async () => {
  const bomb = patchDeclaredSize(await small(), 'xl/worksheets/sheet1.xml', 0xfffffff0);
  assert.ok(readFileSync(bomb).length < 20000, 'small on disk');
  const msg = await fatalOf(bomb);
  assert.match(msg, /zip bomb/);
  assert.match(msg, /xl\/worksheets\/sheet1\.xml: \d+ bytes declared to expand to 4294967280/);
  // The same refusal for a total beyond the caller's limit, whatever the ratio.
  await assert.rejects(openWorkbook(await small(), { maxTotalBytes: 1000, maxRatio: 1100 }), /above the safety limit|limit/);
});

test('an entry inflating past its declared size is cut off while reading', async () => {
  const liar = patchDeclaredSize(await small(), 'xl/worksheets/sheet1.xml', 64);
  const r = await lintSpreadsheetFile(liar, {});
  assert.match(r.fatal ?? '', /zip bomb.*inflates past its declared 64 bytes/);
});

test('legacy .xls and password-protected workbooks get a message saying what to do', async () => {
  assert.match(await fatalOf(oleFile('.xls')), /Legacy Excel 97-2003 workbooks \(\.xls\) cannot be read.*save it as \.xlsx or \.ods/);
  const encrypted = oleFile(
    '.xlsx',
    Buffer.concat([Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]),
  );
  assert.match(await fatalOf(encrypted), /password-protected/);
  const fr = await lintFile(oleFile('.xls'), { schema: null, lang: 'fr' });
  assert.match(fr.fatal!, /Les classeurs Excel 97-2003/);
});

test('an encrypted ODS (manifest encryption data) is reported as password-protected', async () => {
  const path = await ods(odsTable('S', odsRow(['a'])), '', '<manifest:encryption-data manifest:checksum-type="SHA1"/>');
  assert.match(await fatalOf(path), /password-protected/);
});

test('a zip that is no spreadsheet, and an .xlsx that is really an .ods', async () => {
  const odsAsXlsx = tmpPath('.xlsx');
  writeFileSync(odsAsXlsx, readFileSync(await ods(odsTable('S', odsRow(['a', 'b']) + odsRow(['x', 'y'])))));
  const [s] = await readAll(odsAsXlsx);
  assert.deepEqual(s.rows[1].values, ['x', 'y']);
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  zip.file('word/document.xml', '<w/>');
  const docx = tmpPath('.xlsx');
  writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
  assert.match(await fatalOf(docx), /not a spreadsheet/);
});

test('broken XML inside a valid zip is reported, not thrown', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(await small()));
  zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row');
  const path = tmpPath('.xlsx');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  assert.match(await fatalOf(path), /damaged or truncated.*xl\/worksheets\/sheet1\.xml/);
});
