// Golden test of the fast worksheet reader (#24): on every workbook of the fixtures, on
// markup written to corner it, and on fuzzed workbooks, it gives the same rows, sheet facts,
// errors and lint reports as the general saxes reader (ODW_SHEET_READER=saxes).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile } from '../../../src/core/lint-file';
import { sheetReaderStats } from '../../../src/core/sheet/scanner-choice';
import { mutateSheet } from '../../fuzz/mutate-sheet';
import { rng } from '../../fuzz/mutate';
import { FIXTURES } from '../helpers';
import { tmpPath } from './build';
import { rawOds, rawXlsx } from './hostile-build';
import { readAll } from './read-helpers';
import { isCanonicalNumber } from '../../../src/core/sheet/xlsx-cell-value';
import { numberText } from '../../../src/core/sheet/cell-text';
import type { Bytes } from '../../../src/core/sheet/xml-bytes';

async function outcome(path: string, saxes: boolean): Promise<string> {
  const before = process.env.ODW_SHEET_READER;
  if (saxes) process.env.ODW_SHEET_READER = 'saxes';
  else delete process.env.ODW_SHEET_READER;
  try {
    let rows: unknown;
    try {
      rows = await readAll(path);
    } catch (e) {
      rows = { error: (e as Error).message };
    }
    const report = await lintFile(path, { maxProblems: 100000, schema: null });
    return JSON.stringify({ rows, report });
  } finally {
    if (before === undefined) delete process.env.ODW_SHEET_READER;
    else process.env.ODW_SHEET_READER = before;
  }
}

async function assertSame(path: string, label: string): Promise<void> {
  const fast = await outcome(path, false);
  const slow = await outcome(path, true);
  if (fast === slow) return;
  let i = 0;
  while (fast[i] === slow[i]) i++;
  assert.fail(
    `${label}: the readers differ at ${i}\n fast:  …${fast.slice(Math.max(0, i - 200), i + 200)}\n saxes: …${slow.slice(Math.max(0, i - 200), i + 200)}`,
  );
}

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return workbooks(p);
    return /\.(xlsx|ods)$/i.test(f) ? [p] : [];
  });
}

test('every fixture workbook: the fast reader gives what the saxes reader gives, without falling back', async () => {
  const files = workbooks(FIXTURES);
  assert.ok(files.length >= 15, `${files.length} workbooks`);
  const before = { ...sheetReaderStats };
  for (const f of files) await assertSame(f, f);
  assert.equal(sheetReaderStats.fallback - before.fallback, 0, sheetReaderStats.reasons.join('; '));
  assert.ok(sheetReaderStats.fast > before.fast);
});

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const row = (n: number, cells: string) => `<row r="${n}">${cells}</row>`;
const head = row(
  1,
  '<c r="A1" t="inlineStr"><is><t>nom</t></is></c><c r="B1" t="inlineStr"><is><t>montant</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c>',
);

/** Markup that real producers write and a byte scanner could get wrong. */
const CORNERS: Record<string, string> = {
  entities:
    head +
    row(
      2,
      '<c r="A2" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x20AC;</t></is></c><c r="B2"><v>1</v></c>',
    ),
  'line ends and spaces':
    head +
    row(2, '<c r="A2" t="inlineStr"><is><t xml:space="preserve">  x\r\ny\rz  </t></is></c><c r="B2" ><v> 2 </v></c >') +
    '\r\n' +
    row(3, "<c r='A3' t='str'><f>A2&amp;\"!\"</f><v>x!</v></c>"),
  'rich text and phonetic runs':
    head +
    row(
      2,
      '<c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>Ville</t></r><r><t xml:space="preserve"> de </t></r><r><t>Laval</t></r><rPh sb="0" eb="1"><t>ラバル</t></rPh></is></c><c r="B2"><v>3</v></c>',
    ),
  'comments and instructions': `<!-- a comment <row> --><?pi x?>${head}<!-- between rows -->${row(2, '<c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2"><v>4</v></c>')}`,
  'shared formulas, errors, booleans, gaps':
    head +
    row(
      2,
      '<c r="A2" t="b"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c><c r="D2" t="e"><v>#DIV/0!</v></c>',
    ) +
    row(4, '<c r="B4"><f t="shared" si="0"/><v>8</v></c><c r="C4" t="d"><v>2024-03-01T00:00:00</v></c>') +
    row(7, '<c r="C7" t="e"><f>1/0</f><v>#DIV/0!</v></c>'),
  'no references, self-closing cells, hidden rows and columns': `<cols><col min="2" max="3" hidden="1" width="0"/></cols><sheetData>${head}<row hidden="1"><c t="inlineStr"><is><t>x</t></is></c><c/><c><v>5</v></c></row><row r="4" hidden="true"/><row><c r="A5" s="0" t="n"><v>6</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A4:C9"/></mergeCells>`,
  'utf-8 beyond ASCII in values split across chunks':
    head +
    Array.from({ length: 3000 }, (_, i) =>
      row(
        i + 2,
        `<c r="A${i + 2}" t="inlineStr"><is><t>Évry-Courcouronnes ${'é'.repeat(i % 50)}€ &amp; ${i}</t></is></c><c r="B${i + 2}"><v>${i}.5</v></c>`,
      ),
    ).join(''),
  // Rows read by the quick row path once one like them was read in full, and the ones it leaves.
  'row tags alike after their number': [
    '<row r="1" spans="1:2" ht="15"><c r="A1" t="inlineStr"><is><t>nom</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row>',
    '<row r="2" spans="1:2" ht="15"><c r="A2"><v>1</v></c></row>',
    '<row r="3" spans="1:2" ht="15" hidden="1"><c r="A3"><v>2</v></c></row>',
    '<row r="4" spans="1:2" ht="15"><c r="A4"><v>3</v></c></row>',
    '<row r="5" spans="1:2" ht="15"><c r="A5"><v>4</v></c></row >',
    '<row r="06" spans="1:2" ht="15"><c r="A6"><v>5</v></c></row>',
    '<row r="7" spans="1:2" ht="15"/>',
    '<row r="9" spans="1:2" ht="15"><c r="A9"><v>6</v></c></row>',
    '<row r="8" spans="1:2" ht="15"><c r="A10"><v>7</v></c></row>',
    '<row r="11" spans="1:3" ht="15"><c r="A11"><v>8</v></c></row>',
    '<row r="12" spans="1:3" ht="15"><c r="A12"><v>9</v></c></row>',
  ].join(''),
  'a quick row closed by another tag': `${head}<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></c></row>`,
  'numbers written every way, booleans':
    head +
    [
      '007',
      '1.50',
      '-0',
      '-0.5',
      '0.0000001',
      '0.000001',
      '1e5',
      '123456789012345678',
      '0.1',
      '-12.5',
      '1.',
      '.5',
      '',
      '+3',
      '2',
      '999999999',
      '1000000000',
      '2147483648',
      '000000001',
      '12a',
    ]
      .map((v, i) => row(i + 2, `<c r="A${i + 2}"><v>${v}</v></c><c r="B${i + 2}" t="b"><v>${i % 3 === 2 ? 'true' : i % 2}</v></c>`))
      .join(''),
  // Not handled by the scanner: the saxes reader takes over, after the rows already given.
  'CDATA late in the sheet':
    head +
    Array.from({ length: 2000 }, (_, i) =>
      row(i + 2, `<c r="A${i + 2}" t="inlineStr"><is><t>v${i}</t></is></c><c r="B${i + 2}"><v>${i}</v></c>`),
    ).join('') +
    row(2002, '<c r="A2002" t="inlineStr"><is><t><![CDATA[<raw> & text]]></t></is></c>'),
  'an unread attribute repeated': `<sheetData>${head}<row r="2" spans="1:2" spans="1:2"><c r="A2"><v>1</v></c></row></sheetData>`,
  'many unread attributes': `<sheetData>${head}<row r="2" ${Array.from({ length: 40 }, (_, i) => `x${i}="${i}"`).join(' ')}><c r="A2"><v>1</v></c></row></sheetData>`,
  'prefixed elements': `<x:sheetData xmlns:x="${MAIN}"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>nom</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>n</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData>`,
  malformed: head + row(2, '<c r="A2"><v>1</c></row>'),
};

test('corner-case markup: entities, line ends, rich text, comments, formulas, CDATA and prefixes read the same', async () => {
  for (const [name, inner] of Object.entries(CORNERS)) {
    const path = tmpPath('.xlsx');
    const sheetData = inner.startsWith('<cols>') || inner.startsWith('<x:') ? inner : `<sheetData>${inner}</sheetData>`;
    writeFileSync(path, await rawXlsx(sheetData));
    await assertSame(path, name);
  }
});

/** Shared-string entries the tokenizer takes whole, and the ones it leaves to the general path. */
const SST_CORNERS = [
  '<si><t>nom</t></si>',
  '<si><t>montant</t></si>',
  '<si><t xml:space="preserve">  espaces  </t></si>',
  '<si><t>Évry € 日本</t></si>',
  '<si><t>a &amp; b &#233;</t></si>',
  '<si><t>line\r\nend</t></si>',
  '<si><t>tab\there\nnewline</t></si>',
  '<si><t>_x000D_ and _x005F_x</t></si>',
  '<si><t/></si>',
  '<si></si>',
  '<si><r><rPr><b/></rPr><t>Ville</t></r><r><t xml:space="preserve"> de </t></r><r><t>Laval</t></r><rPh sb="0" eb="1"><t>ラバル</t></rPh></si>',
  "<si><t xml:space='preserve'>quotes</t></si>",
  '<si><t>x</t><phoneticPr fontId="1"/></si>',
  '\n  <si><t>after white space</t></si>',
  '<!-- c --><si><t>after a comment</t></si>',
];

test('shared strings: entries read whole and through the general path give what saxes gives', async () => {
  const cells = SST_CORNERS.map((_, i) => `<c r="A${i + 1}" t="s"><v>${i}</v></c>`);
  const rows = cells.map((c, i) => `<row r="${i + 1}">${c}<c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
  const path = tmpPath('.xlsx');
  writeFileSync(path, await rawXlsx(`<sheetData>${rows}</sheetData>`, SST_CORNERS.join('')));
  await assertSame(path, 'shared strings');
  // Many entries: chunk ends fall inside entries.
  const many = Array.from({ length: 20000 }, (_, i) =>
    i % 7 === 0 ? `<si><t>é${i} &amp;</t></si>` : `<si><t>Association n°${i}</t></si>`,
  );
  const refs = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i * 97}</v></c></row>`).join('');
  const big = tmpPath('.xlsx');
  writeFileSync(big, await rawXlsx(`<sheetData>${refs}</sheetData>`, many.join('')));
  await assertSame(big, 'many shared strings');
});

test('a number the scanner passes on as written is the text the number gives', () => {
  const random = rng(24);
  const pick = (s: string) => s[Math.floor(random() * s.length)];
  for (let i = 0; i < 20000; i++) {
    let v = '';
    const len = 1 + Math.floor(random() * 18);
    for (let k = 0; k < len; k++) v += pick(k === 0 ? '-0123456789.' : '0123456789.0e');
    const b = Buffer.from(v) as Bytes;
    if (isCanonicalNumber(b, 0, b.length)) assert.equal(numberText(Number(v)), v, v);
  }
  for (const v of ['0', '7', '-7', '0.5', '-0.25', '0.000001', '123456789012345'])
    assert.ok(isCanonicalNumber(Buffer.from(v) as Bytes, 0, v.length), v);
  for (const v of ['-0', '007', '1.50', '0.0000001', '1e5', '1234567890123456', '.5', '1.'])
    assert.ok(!isCanonicalNumber(Buffer.from(v) as Bytes, 0, v.length), v);
});

const cell = (v: string) => `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
const odsHead = `<table:table-row>${cell('nom')}${cell('montant')}</table:table-row>`;
const ODS_CORNERS: Record<string, string> = {
  'entities, spaces, line breaks, annotations': `<table:table table:name="S">${odsHead}<table:table-row>${cell('a &amp; b<text:s text:c="3"/>c<text:tab/>d<text:line-break/>e')}<table:table-cell office:value-type="float" office:value="1.5"><text:p>1,5</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell></table:table-row></table:table>`,
  'repeats, spans, covered cells, second sheet': `<table:table table:name="A">${odsHead}<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2" office:value-type="string"><text:p>m</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table><table:table table:name="B">${odsHead}<table:table-row>${cell("l'été")}</table:table-row></table:table>`,
  'CDATA in the second sheet': `<table:table table:name="A">${odsHead}${`<table:table-row>${cell('x')}${cell('y')}</table:table-row>`.repeat(3000)}</table:table><table:table table:name="B">${odsHead}<table:table-row><table:table-cell office:value-type="string"><text:p><![CDATA[raw]]></text:p></table:table-cell></table:table-row></table:table>`,
  'typed cells and near misses of the one-go cell path': `<table:table table:name="T">${odsHead}${Array.from(
    { length: 4000 },
    (_, i) =>
      `<table:table-row>${
        [
          `<table:table-cell office:value-type="float" office:value="${i}.25" calcext:value-type="float"><text:p>${i},25</text:p></table:table-cell>`,
          `<table:table-cell table:style-name="ce${i % 7}" office:value-type="date" office:date-value="2017-01-${String((i % 28) + 1).padStart(2, '0')}" calcext:value-type="date"><text:p>x</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="boolean" office:boolean-value="${i % 2 ? 'true' : 'false'}" calcext:value-type="boolean"><text:p>VRAI</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="percentage" office:value="0.${i}"><text:p>${i}%</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="currency" office:currency="EUR" office:value="${i}"><text:p>${i} €</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="time" office:time-value="PT${i % 24}H05M00S"><text:p>t</text:p></table:table-cell>`,
          `<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>`,
          `<table:table-cell table:formula="of:=SUM([.A${i + 1}:.A${i + 2}])" office:value-type="float" office:value="${i}"><text:p>${i}</text:p></table:table-cell>`,
          `<table:table-cell table:number-columns-repeated="${(i % 3) + 1}" office:value-type="string" calcext:value-type="string"><text:p>r&amp;d &#233;t&#xe9;</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="string"><text:p>crlf\r\nline</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="string" office:string-value="sv${i}"><text:p>shown</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="string" table:content-validation-name="v1"><text:p>unknown attribute</text:p></table:table-cell>`,
          `<table:table-cell office:value-type='string'><text:p>single quotes</text:p></table:table-cell>`,
          `<table:table-cell table:style-name="a&amp;b" office:value-type="string"><text:p>entity in attribute</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="string"><text:p>one</text:p><text:p>two</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="string"><text:p/></table:table-cell>`,
          `<table:table-cell office:value-type="string"><text:p>é<text:span>span</text:span></text:p></table:table-cell>`,
          `<table:table-cell office:value-type="float" office:value="3"></table:table-cell>`,
          '<table:table-cell/>',
          `<table:table-cell table:number-columns-spanned="1" table:number-rows-spanned="${i % 5 === 0 ? 2 : 1}"><text:p>span ${i}</text:p></table:table-cell>`,
          `<table:table-cell office:value-type="string"><text:p>${'é'.repeat(i % 50)}</text:p></table:table-cell>`,
        ][i % 21]
      }${cell(String(i))}</table:table-row>`,
  ).join('')}</table:table>`,
  'a duplicate attribute': `<table:table table:name="D">${odsHead}<table:table-row><table:table-cell office:value-type="float" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>`,
  malformed: `<table:table table:name="A">${odsHead}<table:table-row>${cell('x')}</table:table-cell></table:table-row></table:table>`,
};

test('ODS corner cases read the same with the tokenizer and with saxes', async () => {
  for (const [name, tables] of Object.entries(ODS_CORNERS)) {
    const path = tmpPath('.ods');
    writeFileSync(path, await rawOds(tables));
    await assertSame(path, name);
  }
});

test('fuzzed workbooks: 120 mutants of the fixtures read and lint the same with both readers', async () => {
  const sources = workbooks(join(FIXTURES, 'corpus')).concat(
    workbooks(join(FIXTURES, 'workspace')),
    workbooks(join(FIXTURES, 'frictionless')),
  );
  const originals = sources.map((p) => readFileSync(p));
  let mutants = 0;
  for (let seed = 1; mutants < 120 && seed < 1000; seed++) {
    const rand = rng(seed);
    const input = mutateSheet(originals[Math.floor(rand() * originals.length)], rand);
    if (!input) continue;
    const path = tmpPath(input[30] === 0x6d && input.subarray(30, 38).toString() === 'mimetype' ? '.ods' : '.xlsx');
    writeFileSync(path, input);
    await assertSame(path, `mutant ${seed}`);
    mutants++;
  }
  assert.equal(mutants, 120);
});

/** One to three markup characters put in, swapped in or cut out: the mistakes a tokenizer may accept and saxes not. */
function mutateMarkup(xml: string, rand: () => number): string {
  const MARKUP = '<>&"\' \r\n/=;#x:';
  let t = xml;
  for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
    const p = Math.floor(rand() * t.length);
    const r = rand();
    const ch = MARKUP[Math.floor(rand() * MARKUP.length)];
    if (r < 0.4) t = t.slice(0, p) + ch + t.slice(p + 1);
    else if (r < 0.7) t = t.slice(0, p) + ch + t.slice(p);
    else t = t.slice(0, p) + t.slice(p + 1 + Math.floor(rand() * 5));
  }
  return t;
}

const FUZZ_ROWS = Array.from({ length: 40 }, (_, i) => i + 2);
const FUZZ_SHEET = `<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>${FUZZ_ROWS.map(
  (i) =>
    `<row r="${i}" spans="1:3" x14ac:dyDescent="0.25"><c r="A${i}" s="1"><v>${i * 3}</v></c><c r="B${i}" t="s"><v>${i % 4}</v></c>${
      [
        `<c r="C${i}"><f>A${i}*2</f><v>${i * 6}</v></c>`,
        `<c r="C${i}" t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c>`,
        `<c r="C${i}" t="b"><v>1</v></c>`,
        `<c r="C${i}" t="e"><v>#N/A</v></c>`,
        `<c r="C${i}" s="2"><v>43${i}</v></c>`,
      ][i % 5]
    }</row>`,
).join('')}</sheetData><mergeCells count="1"><mergeCell ref="A50:B50"/></mergeCells>`;
const FUZZ_SST =
  '<si><t>nom</t></si><si><t>montant</t></si><si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></si><si><t xml:space="preserve"> x &amp; y</t></si>';
const FUZZ_ODS = `<table:table table:name="F">${odsHead}${FUZZ_ROWS.map(
  (i) =>
    `<table:table-row>${
      [
        `<table:table-cell office:value-type="float" office:value="${i}.25" calcext:value-type="float"><text:p>${i},25</text:p></table:table-cell>`,
        `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2017-01-0${(i % 9) + 1}"><text:p>x</text:p></table:table-cell>`,
        `<table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>r&amp;d é</text:p></table:table-cell>`,
        '<table:table-cell/>',
        `<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"><text:p>s</text:p></table:table-cell><table:covered-table-cell/>`,
      ][i % 5]
    }${cell(`v${i}`)}</table:table-row>`,
).join('')}</table:table>`;

test('markup mutants (a character put in, swapped or cut) of a sheet, its shared strings and an ODS read the same with both readers', async () => {
  const rand = rng(2024);
  for (let m = 0; m < 240; m++) {
    const kind = m % 3;
    const path = tmpPath(kind === 2 ? '.ods' : '.xlsx');
    if (kind === 0) writeFileSync(path, await rawXlsx(mutateMarkup(FUZZ_SHEET, rand), FUZZ_SST));
    else if (kind === 1) writeFileSync(path, await rawXlsx(FUZZ_SHEET, mutateMarkup(FUZZ_SST, rand)));
    else writeFileSync(path, await rawOds(mutateMarkup(FUZZ_ODS, rand)));
    await assertSame(path, `markup mutant ${m}`);
  }
});

test('XML declarations, processing instructions and what stands outside the root read the same with the tokenizers and with saxes', async () => {
  const body = `<worksheet xmlns="${MAIN}"><sheetData>${head}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1</v></c></row></sheetData></worksheet>`;
  const sst = `<sst xmlns="${MAIN}"><si><t>a</t></si></sst>`;
  const declarations = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    "<?xml version='1.0'?>",
    '<?xml ve"rsion="1.0" encoding="UTF-8"?>',
    '<?xml version=.0" encoding="UTF-8"?>',
    '<?xml version="1.0" e:coding="UTF-8"?>',
    '<?xml version="1.0" standalone="yes" encoding="UTF-8"?>',
    '<?xml version="1.1"?>',
    ' <?xml version="1.0"?>',
    '<?xml version="1.0"?><?xml version="1.0"?>',
    '<?xml version="1.0"?><?1bad target?>',
    '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>',
    '<?xml version="1.0"?>:',
    '<?xml version="1.0"?>\u00a0',
    '<?xml version="1.0"?>\n\t ',
  ];
  const after = ['', ' \n', 'x', '<c r="A9"><v>9</v></c>', '<si><t>b</t></si>', '<extra/>'];
  const cases = [...declarations.map((d) => [d, '']), ...after.map((a) => ['<?xml version="1.0"?>', a])];
  for (const [i, [d, a]] of cases.entries()) {
    for (const [part, xml] of [
      ['sheet', await rawXlsx(Buffer.from(d + body + a), sst)],
      ['shared strings', await rawXlsx(`<sheetData>${head}</sheetData>`, Buffer.from(d + sst + a))],
    ] as const) {
      const path = tmpPath('.xlsx');
      writeFileSync(path, xml);
      await assertSame(path, `case ${i} in the ${part}: ${d} … ${a}`);
    }
  }
});
