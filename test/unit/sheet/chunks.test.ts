// The byte scanners read inflated parts chunk by chunk, carrying a cut tag or value from one
// chunk to the next (xml-bytes.ts Carry). Wherever the cuts fall — inside a tag, a UTF-8
// character, an entity, a comment longer than the joined head — the rows and the shared
// strings are those of the part read in one piece.
import test from 'node:test';
import assert from 'node:assert/strict';
import { XlsxScanner } from '../../../src/core/sheet/xlsx-scan';
import { XlsxRowBuilder } from '../../../src/core/sheet/xlsx-rows';
import { SharedStrings } from '../../../src/core/sheet/shared-strings';
import { PLAIN_STYLE } from '../../../src/core/sheet/xlsx-styles';
import { XmlScanner } from '../../../src/core/sheet/xml-scan';
import type { SheetRow } from '../../../src/core/sheet/types';

const SIZES = [1, 7, 4093, 65535, 65536, 65537, 70001, 200003];

function sheetXml(): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= 3000; r++) {
    const text = `Évry ${'é'.repeat(r % 40)}€ &amp; n°${r}`;
    let cells = `<c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}"><v>${r}.5</v></c>`;
    cells += `<c r="C${r}" s="0" t="b"><v>${r % 2}</v></c><c r="D${r}"><f>B${r}*2</f><v>${2 * r + 1}</v></c>`;
    // Markup longer than the head a chunk joins to the previous tail: a long comment, a long tag.
    const extra = r === 1200 ? ` note="${'x'.repeat(150_000)}"` : '';
    rows.push(`<row r="${r}"${extra}>${cells}</row>`);
    if (r === 700) rows.push(`<!-- ${'x'.repeat(150_000)} -->`);
  }
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
  );
}

function readInChunks(xml: Buffer, size: number): SheetRow[] {
  const rows: SheetRow[] = [];
  const ctx = { strings: new SharedStrings().done(), styles: [PLAIN_STYLE], date1904: false };
  const scanner = new XlsxScanner(new XlsxRowBuilder(ctx, (r) => rows.push(r), 'xl/worksheets/sheet1.xml'));
  // Copies: a chunk of a real stream is a buffer of its own.
  for (let i = 0; i < xml.length; i += size) scanner.write(Buffer.from(xml.subarray(i, i + size)));
  scanner.finish();
  return rows;
}

test('worksheet rows are the same wherever the inflated chunks are cut', () => {
  const xml = sheetXml();
  assert.ok(xml.length > 3 * 200003, 'the sheet spans several of the largest chunks');
  const whole = readInChunks(xml, xml.length);
  assert.equal(whole.length, 3000);
  assert.equal(whole[699].values[0], `Évry ${'é'.repeat(20)}€ & n°700`);
  assert.equal(whole[2999].values[1], '3000.5');
  for (const size of SIZES) assert.deepEqual(readInChunks(xml, size), whole, `chunks of ${size} bytes`);
});

test('shared-string entries are the same wherever the chunks are cut', () => {
  const entries: string[] = [];
  for (let i = 0; i < 3000; i++) entries.push(`<si><t>${i % 7 ? `Ville n°${i} ${'ü'.repeat(i % 30)}` : `a &lt; b ${i}`}</t></si>`);
  entries.splice(1200, 0, `<!-- ${'y'.repeat(140_000)} -->`);
  const xml = Buffer.from(
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries.join('')}</sst>`,
  );
  const read = (size: number): string[] => {
    const texts: string[] = [];
    let inT = false;
    const scanner = new XmlScanner({
      open: (name) => void (inT = name === 't'),
      text: (t) => void (inT && texts.push(t)),
      close: () => void (inT = false),
    });
    for (let i = 0; i < xml.length; i += size) scanner.write(Buffer.from(xml.subarray(i, i + size)));
    scanner.finish();
    return texts;
  };
  const whole = read(xml.length);
  assert.equal(whole.length, 3000);
  assert.equal(whole[7], 'a < b 7');
  for (const size of SIZES) assert.deepEqual(read(size), whole, `chunks of ${size} bytes`);
});
