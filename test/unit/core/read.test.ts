import test from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { lintCsvBytes } from '../../../src/core/lint-csv';
import { parseNumber } from '../../../src/core/values/number';
import { dateFormatsOf, toIsoDate } from '../../../src/core/values/date';

const rules = (buf: Uint8Array) => lintCsvBytes(buf).diagnostics.map((d) => d.rule);

test('encoding: Windows-1252 detected and reported', () => {
  const res = lintCsvBytes(iconv.encode('nom;montant\nCafé;12 €\n', 'windows-1252'));
  assert.equal(res.info.encoding, 'windows-1252');
  assert.ok(res.diagnostics.some((d) => d.rule === 'encoding' && /windows-1252/.test(d.message)));
});

test('encoding: UTF-8 BOM that lies about a Windows-1252 body', () => {
  const body = iconv.encode('nom;ville\nHélène;Orléans\n', 'windows-1252');
  const res = lintCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
  const d = res.diagnostics.find((x) => x.rule === 'encoding');
  assert.match(d!.message, /byte-order mark/);
  assert.equal(res.info.header?.[0], 'nom');
});

test('encoding: clean UTF-8 says nothing', () => {
  assert.ok(!rules(Buffer.from('nom,ville\nHélène,Orléans\n')).includes('encoding'));
});

test('bad input: empty, binary, NUL bytes give one source-error', () => {
  for (const buf of [Buffer.alloc(0), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), Buffer.from('a,b\n1,\u0000\n')]) {
    const ds = lintCsvBytes(buf).diagnostics;
    assert.equal(ds.length, 1);
    assert.equal(ds[0].rule, 'source-error');
  }
});

test('bad input: invalid UTF-8 falls back to a legacy encoding without throwing', () => {
  const res = lintCsvBytes(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x2c, 0x31, 0x0a]));
  assert.notEqual(res.info.encoding, 'utf-8');
});

test('bad input: unterminated quote is reported, not thrown', () => {
  const ds = lintCsvBytes(Buffer.from('a,b\n1,"oops\n2,3\n')).diagnostics;
  assert.ok(ds.some((d) => d.rule === 'source-error' && /never closed/.test(d.message)));
});

test('parseNumber: French forms', () => {
  assert.equal(parseNumber('12 350 000 €')!.canonical, '12350000');
  assert.equal(parseNumber(' 1\u00a0063\u00a0850,00    ')!.canonical, '1063850.00');
  assert.equal(parseNumber('1.234,56')!.canonical, '1234.56');
  assert.equal(parseNumber('abc'), null);
  assert.equal(parseNumber('224 900 019 000 15'), null);
});

test('dates: formats and conversions', () => {
  assert.deepEqual(dateFormatsOf('30/01/2017'), ['dd/mm/yyyy']);
  assert.deepEqual(dateFormatsOf('03/04/2019'), ['dd/mm/yyyy', 'mm/dd/yyyy']);
  assert.equal(toIsoDate('31/02/2017', 'dd/mm/yyyy'), null);
  assert.equal(toIsoDate('43055', 'excel-serial'), '2017-11-16');
  assert.equal(toIsoDate('01/01/14', 'dd/mm/yy'), '2014-01-01');
});
