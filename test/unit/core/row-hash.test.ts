// duplicate-row's row hash (WebAssembly) and the cell marks the engine shares with the rules.
import test from 'node:test';
import assert from 'node:assert/strict';
import { RowHasher } from '../../../src/core/read/wasm/row-hasher';
import { CellMarks, EDGE_SPACE, FORMULA, NIR, PHONE } from '../../../src/core/engine/cell-marks';

function hashOf(h: RowHasher, text: string, start: number, end: number): string {
  const out = new Int32Array(2);
  h.hash(start, end, out);
  return `${out[0]}:${out[1]}`;
}

const isLatin1 = (t: string) => [...t].every((c) => c.charCodeAt(0) <= 0xff);

test('the same row text hashes the same wherever it is in the block, any length, copied as bytes or UTF-16', () => {
  const h = new RowHasher();
  const rows = [
    '',
    'a',
    'ab',
    'abc,déf',
    'x'.repeat(15),
    'y'.repeat(16),
    'z'.repeat(17),
    'Commune d’Échirolles,92803031841675,2015-01-28,"a ""b""",42030.82',
    'Amicale laïque 744;12 350,00 €',
    'ÿ\u0085é'.repeat(9),
  ];
  for (const row of rows) {
    const text = `${row}\n${'-'.repeat(7)}${row}\n${row}`;
    const seen = new Set<string>();
    for (const latin1 of isLatin1(text) ? [true, false] : [false]) {
      h.load(text, latin1);
      seen.add(hashOf(h, text, 0, row.length));
      seen.add(hashOf(h, text, row.length + 8, 2 * row.length + 8));
      seen.add(hashOf(h, text, 2 * row.length + 9, text.length));
    }
    assert.equal(seen.size, 1, row);
  }
  // A Latin-1 row in a block that is not (a '€' elsewhere): the same hash as in a Latin-1 block.
  const row = 'Ville de Grenoble;Maison des jeunes 653;7839.79';
  h.load(row, true);
  const asBytes = hashOf(h, row, 0, row.length);
  h.load(`${row}\n€`, false);
  assert.equal(hashOf(h, row, 0, row.length), asBytes);
});

test('changing any one character, or the length, changes the hash', () => {
  const h = new RowHasher();
  const row = 'Ville de Grenoble,23570375062457,2020-04-14,DEL-1019,Maison des jeunes 653,7839.79';
  const texts = [row, row + ' ', row.slice(0, -1), row.replace('V', 'Ā'), row + '€'];
  for (let i = 0; i < row.length; i++) texts.push(row.slice(0, i) + (row[i] === '0' ? '1' : '0') + row.slice(i + 1));
  for (const latin1 of [true, false]) {
    const seen = new Set<string>();
    for (const t of texts) {
      h.load(t, latin1 && isLatin1(t));
      seen.add(hashOf(h, t, 0, t.length));
    }
    assert.equal(seen.size, texts.length);
  }
});

test('a block larger than the memory grows it and still hashes right', () => {
  const h = new RowHasher();
  const row = 'abc;123;' + 'é'.repeat(50);
  h.load(row, true);
  const small = hashOf(h, row, 0, row.length);
  const big = 'z'.repeat(3_000_000) + row;
  h.load(big, false);
  assert.equal(hashOf(h, big, 3_000_000, big.length), small);
  h.load(big, true);
  assert.equal(hashOf(h, big, 3_000_000, big.length), small);
});

test('cell marks: edge spaces, formula starts, phone and NIR shapes, non-empty counts', () => {
  const m = new CellMarks();
  m.setColumns(6);
  m.scan(['plain', ' padded', '=SUM(A1)', '06 12 34 56 78', '185057800608436', '']);
  assert.deepEqual(Array.from(m.at.subarray(0, m.count)), [1, 2, 3, 4]);
  assert.equal(m.marks[0] & EDGE_SPACE, EDGE_SPACE);
  assert.equal(m.marks[1], FORMULA);
  assert.equal(m.marks[2], PHONE);
  assert.equal(m.marks[3], NIR);
  assert.equal(m.any, EDGE_SPACE | FORMULA | PHONE | NIR | (m.marks[0] & (PHONE | NIR)));
  // Too short for a phone, too long for either: not marked.
  m.scan(['0612', '0'.repeat(25), 'x', '', '', '']);
  assert.equal(m.count, 0);
  assert.deepEqual(Array.from(m.nonEmpty), [2, 2, 2, 1, 1, 0]);
  m.reset();
  assert.deepEqual(Array.from(m.nonEmpty), [0, 0, 0, 0, 0, 0]);
});

test('fast UTF-8 decoding gives exactly what the standard decoder gives, Latin-1 or not', async () => {
  const { utf8Text, utf8TextOf } = await import('../../../src/core/read/utf8-text');
  const base = "Commune d'Échirolles;Amicale laïque;12 350,00;ÿ\u0085\n".repeat(3000);
  for (const extra of ['', '€', '’', '😀', '\ufeff', 'Œuvre', '\u0100', '?']) {
    for (const at of [0, 50_000, base.length]) {
      const text = base.slice(0, at) + extra + base.slice(at);
      const bytes = Buffer.from(text, 'utf8');
      assert.ok(bytes.length >= 64 * 1024);
      assert.equal(utf8Text(bytes), text, `${JSON.stringify(extra)} at ${at}`);
      // The Latin-1 flag is only ever given for text that is (the row hasher trusts it).
      assert.equal(
        utf8TextOf(bytes).latin1,
        [...text].every((c) => c.charCodeAt(0) <= 0xff),
        `${JSON.stringify(extra)} at ${at}`,
      );
    }
  }
});
