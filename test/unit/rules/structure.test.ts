import test from 'node:test';
import assert from 'node:assert/strict';
import { at, lint, only } from '../helpers';

test('blank-label: empty header cell, exact position', () => {
  const ds = only(lint('id,,name\n1,2,3\n'), 'blank-label');
  assert.deepEqual(ds.map(at), ['1:2 1:3-3']);
  assert.match(ds[0].message, /Column 2 has no name/);
});

test('duplicate-label: second occurrence only, names the first', () => {
  const ds = only(lint('id,name,name\n1,a,b\n'), 'duplicate-label');
  assert.deepEqual(ds.map(at), ['1:3 1:8-12']);
  assert.match(ds[0].message, /column 2/);
});

test('label-whitespace: padded header gets a trim fix', () => {
  const ds = only(lint('id; Montant \n1;2\n'), 'label-whitespace');
  assert.deepEqual(ds.map(at), ['1:2 1:3-12']);
  assert.deepEqual(ds[0].fix, { kind: 'set-cell', value: 'Montant' });
});

test('header-not-first-row: a title line above the header', () => {
  const ds = only(lint('Subventions 2017;;;\nnom;montant;date;objet\nA;1;2017-01-01;x\n'), 'header-not-first-row');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].row, 1);
  assert.match(ds[0].message, /row 2/);
});

test('header-not-first-row: a normal header is not flagged', () => {
  assert.equal(only(lint('nom;montant\nA;1\n'), 'header-not-first-row').length, 0);
});

test('extra-cell: one diagnostic per extra cell', () => {
  const ds = only(lint('a,b\n1,2,3,4\n'), 'extra-cell');
  assert.deepEqual(ds.map(at), ['2:3 2:4-5', '2:4 2:6-7']);
});

test('extra-cell: explains an unquoted decimal comma and spans both halves', () => {
  const ds = only(lint('nom,montant,objet\nA,24\u00a0975,00,travaux\n'), 'extra-cell');
  assert.equal(ds.length, 1);
  assert.deepEqual(ds.map(at), ['2:2 2:2-11']);
  assert.match(ds[0].message, /decimal comma/);
  assert.deepEqual(ds[0].fix, { kind: 'quote-cells', from: 2, to: 3, value: '24\u00a0975,00' });
});

test('missing-cell: zero-width at the row end, one per missing field', () => {
  const ds = only(lint('a,b,c\n1\n'), 'missing-cell');
  assert.deepEqual(ds.map(at), ['2:2 2:1-1', '2:3 2:1-1']);
  assert.equal(ds[0].field, 'b');
});

test('missing-cell: French message', () => {
  const ds = only(lint('a,b\n1\n', { lang: 'fr' }), 'missing-cell');
  assert.match(ds[0].message, /Cellule « b » manquante/);
});

test('blank-row: whole row, delete fix; no missing-cell for it', () => {
  const ds = lint('a,b\n1,2\n,\n3,4\n');
  assert.deepEqual(only(ds, 'blank-row').map(at), ['3:null 3:0-1']);
  assert.equal(only(ds, 'missing-cell').length, 0);
  assert.deepEqual(only(ds, 'blank-row')[0].fix, { kind: 'delete-row' });
});

test('duplicate-row: points at the first occurrence', () => {
  const ds = only(lint('a,b\n1,2\n3,4\n1,2\n'), 'duplicate-row');
  assert.deepEqual(
    ds.map((d) => d.row),
    [4],
  );
  assert.match(ds[0].message, /row 2/);
});

test('duplicate-row: 60 000 rows, exactly the repeated ones, each naming its first row (no false alarm from the bitmap)', () => {
  // Row k+2 holds record k; every 97th record repeats the one 5 000 records earlier, and the
  // third copy of a record names the first, not the second.
  const records: string[] = [];
  for (let k = 0; k < 60000; k++) records.push(k % 97 === 0 && k >= 5000 ? records[k - 5000] : `id${k},${(k * 7919) % 10007},x`);
  const ds = only(lint('a,b,c\n' + records.join('\n') + '\n'), 'duplicate-row');
  const firstOf = new Map<string, number>();
  const expected: string[] = [];
  records.forEach((r, k) => {
    const first = firstOf.get(r);
    if (first === undefined) firstOf.set(r, k + 2);
    else expected.push(`${k + 2}<${first}`);
  });
  assert.ok(expected.length > 500);
  assert.deepEqual(
    ds.map((d) => `${d.row}<${/row (\d+)/.exec(d.message)?.[1]}`),
    expected,
  );
});

test('empty-column: reported on the header cell', () => {
  const ds = only(lint('a,b,c\n1,,3\n4,,6\n'), 'empty-column');
  assert.deepEqual(ds.map(at), ['1:2 1:2-3']);
});

test('line-endings: mixed record terminators, not newlines inside quotes', () => {
  assert.equal(only(lint('a,b\r\n1,"x\ny"\r\n2,3\r\n'), 'line-endings').length, 0);
  const ds = only(lint('a,b\r\n1,2\r\n3,4\n5,6\r\n'), 'line-endings');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].line, 3);
  assert.deepEqual(ds[0].fix, { kind: 'line-endings', eol: '\r\n' });
});

test('delimiter: semicolon is info, comma is silent', () => {
  const ds = only(lint('a;b\n1;2\n'), 'delimiter');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 'info');
  assert.equal(only(lint('a,b\n1,2\n'), 'delimiter').length, 0);
});

test('multi-line quoted cell: positions span lines', () => {
  const ds = only(lint('a,b,c\n1,"x\ny",3,4\n'), 'extra-cell');
  assert.deepEqual(ds.map(at), ['2:4 3:5-6']);
});
