// A damaged workbook in French: the sentence and the zip or XML library's reason are French
// (saxes and yauzl write English), the English report keeps the library's words.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { lintFile } from '../../../src/core/lint-file';
import { sheet, tmpPath, xlsx } from './build';

const small = () =>
  xlsx((wb) =>
    sheet(wb, 'S', [
      ['a', 'b'],
      ['x', 1],
    ]),
  );

async function fatal(path: string, lang: 'en' | 'fr'): Promise<string> {
  const r = await lintFile(path, { schema: null, lang });
  assert.ok(r.fatal, 'a fatal report');
  return r.fatal;
}

async function withPart(part: string, xml: string): Promise<string> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(await small()));
  zip.file(part, xml);
  const path = tmpPath('.xlsx');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  return path;
}

test('broken XML in a sheet: the XML parser’s reason is said in French', async () => {
  const cut = await withPart('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row');
  const fr = await fatal(cut, 'fr');
  assert.match(fr, /^Le classeur est endommagé ou tronqué/);
  assert.match(fr, /\(xl\/worksheets\/sheet1\.xml : balise non fermée : sheetData\)$/);
  assert.doesNotMatch(fr, /unclosed|tag/);
  assert.match(await fatal(cut, 'en'), /\(xl\/worksheets\/sheet1\.xml: unclosed tag: sheetData\)$/);

  const twice = await withPart('xl/workbook.xml', '<workbook a="1" a="2"/>');
  assert.match(await fatal(twice, 'fr'), /\(xl\/workbook\.xml : attribut en double : a\)$/);
});

test('a damaged zip directory: the zip reader’s reason is said in French', async () => {
  const bytes = Buffer.from(readFileSync(await small()));
  // The first central directory header (PK 01 02) loses its signature.
  const at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  assert.ok(at > 0);
  bytes[at + 3] = 0x09;
  const path = tmpPath('.xlsx');
  writeFileSync(path, bytes);
  const fr = await fatal(path, 'fr');
  assert.match(fr, /\(répertoire de l’archive zip : signature invalide dans le répertoire central : 0x\w+\)$/);
  assert.doesNotMatch(fr, /\binvalid\b|header/);
  assert.match(await fatal(path, 'en'), /\(zip directory: invalid central directory file header signature: 0x\w+\)$/);
});
