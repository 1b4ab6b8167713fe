// The one-go ODS cell (#24): LibreOffice's usual cells are read whole, everything else is left
// to the general path (the golden test then checks both paths give the same rows).
import test from 'node:test';
import assert from 'node:assert/strict';
import { quickOdsCell } from '../../../src/core/sheet/ods-quick-cell';
import type { Bytes } from '../../../src/core/sheet/xml-bytes';

const read = (xml: string, cut = 0) => {
  const buf = Buffer.from(`${xml}<table:table-cell/>`) as Bytes;
  return quickOdsCell(buf, 0, cut || buf.length);
};

test('the usual typed cells are read whole, with their attributes and text', () => {
  const xml =
    '<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2017-01-30" calcext:value-type="date"><text:p>30/01/2017</text:p></table:table-cell>';
  const c = read(xml);
  assert.ok(c);
  assert.equal(c.end, Buffer.byteLength(xml));
  assert.equal(c.text, '30/01/2017');
  assert.equal(c.attrs['office:value-type'], 'date');
  assert.equal(c.attrs['office:date-value'], '2017-01-30');
  assert.equal(c.attrs['table:style-name'], 'ce1');
  assert.equal(c.attrs['table:formula'], undefined);

  const f = read(
    '<table:table-cell table:formula="of:=[.A1]*2" office:value-type="float" office:value="12.5"><text:p>12,5</text:p></table:table-cell>',
  );
  assert.equal(f?.attrs['office:value'], '12.5');
  assert.equal(f?.attrs['table:formula'], 'of:=[.A1]*2');

  assert.equal(
    read('<table:table-cell office:value-type="string"><text:p>Sport &amp; loisirs à Évron</text:p></table:table-cell>')?.text,
    'Sport & loisirs à Évron',
  );
  const empty = read('<table:table-cell/>');
  assert.equal(empty?.end, '<table:table-cell/>'.length);
  assert.equal(empty?.text, '');
  assert.equal(read('<table:table-cell table:number-columns-repeated="3"/>')?.attrs['table:number-columns-repeated'], '3');
  assert.equal(read('<table:table-cell office:value-type="float" office:value="3"></table:table-cell>')?.text, '');
});

test('anything else is left to the general path', () => {
  const misses = [
    '<table:table-row>',
    '<table:table-cells/>',
    '<table:covered-table-cell/>',
    '<table:table-cell table:content-validation-name="v"><text:p>x</text:p></table:table-cell>',
    "<table:table-cell office:value-type='string'><text:p>x</text:p></table:table-cell>",
    '<table:table-cell office:value-type = "string"><text:p>x</text:p></table:table-cell>',
    '<table:table-cell table:style-name="a&amp;b"><text:p>x</text:p></table:table-cell>',
    '<table:table-cell table:style-name="a\tb"><text:p>x</text:p></table:table-cell>',
    '<table:table-cell office:value="1" office:value="2"><text:p>x</text:p></table:table-cell>',
    '<table:table-cell><text:p>one</text:p><text:p>two</text:p></table:table-cell>',
    '<table:table-cell><text:p>a<text:s text:c="2"/>b</text:p></table:table-cell>',
    '<table:table-cell><text:p/></table:table-cell>',
    '<table:table-cell><text:p>x</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>',
  ];
  for (const xml of misses) assert.equal(read(xml), null, xml);
});

test('a cell cut by the end of the chunk is left for the next one', () => {
  const xml = '<table:table-cell office:value-type="string"><text:p>coupée</text:p></table:table-cell>';
  const whole = Buffer.byteLength(xml);
  for (let cut = 1; cut < whole; cut++) assert.equal(read(xml, cut), null, `cut at ${cut}`);
  assert.equal(read(xml, whole)?.text, 'coupée');
});
