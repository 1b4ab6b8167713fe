// Inventory on a temporary folder: which files are tables, row counts (quoted line breaks,
// CRLF, no final newline), header and detected schema, excluded folders.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRecords, inspectTable, scanTables } from '../../../src/core/project/inventory';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-inventory-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('scanTables lists CSV/TSV/XLSX/ODS, skips dot folders, node_modules and excluded globs', async () => {
  for (const f of [
    'a.csv',
    'b.TSV',
    'notes.txt',
    'sub/c.xlsx',
    'sub/d.ods',
    '.git/x.csv',
    'node_modules/y.csv',
    'archive/old.csv',
    'readme.md',
  ]) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x\n');
  }
  assert.deepEqual(await scanTables(dir, ['**/archive']), ['a.csv', 'b.TSV', 'sub/c.xlsx', 'sub/d.ods']);
});

test('countRecords: quoted line breaks, CRLF, blank lines and a missing final newline', async () => {
  const f = join(dir, 'count.csv');
  writeFileSync(f, 'a;b\r\n1;"two\r\nlines"\r\n\r\n3;4');
  assert.equal(await countRecords(f), 3);
});

test('inspectTable on the subventions sample: size, rows, header, scdl/subventions detected', async () => {
  const path = join(ROOT, 'samples', 'subventions-2024.csv');
  const facts = await inspectTable(path);
  const bytes = readFileSync(path);
  assert.equal(facts.size, bytes.length);
  assert.equal(facts.rows, bytes.toString('latin1').trim().split(/\r?\n/).length - 1);
  assert.equal(facts.header[0], 'nomAttribuant');
  assert.equal(facts.header.length, 10);
  assert.equal(facts.schema?.name, 'scdl/subventions');
  assert.ok(facts.schema!.matched >= facts.schema!.total / 2);
});

test('inspectTable on an unrelated table detects no schema; a missing file gives an error, not a throw', async () => {
  const f = join(dir, 'plain.csv');
  writeFileSync(f, 'nom,âge\nAlice,30\n');
  const facts = await inspectTable(f);
  assert.deepEqual(facts.header, ['nom', 'âge']);
  assert.equal(facts.rows, 1);
  assert.equal(facts.schema, undefined);
  const missing = await inspectTable(join(dir, 'nope.csv'));
  assert.ok(missing.error);
});
