// Streaming from disk (files VS Code will not open) must find exactly what the in-memory lint
// finds, whatever the chunk boundaries, and must refuse a pathological single-line file.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCsvBytes } from '../../../src/core/lint-csv';
import { lintCsvFile } from '../../../src/core/lint-csv-stream';
import { FIXTURES } from '../helpers';

const key = (d: { rule: string; line: number | null; start: number | null; end: number | null; message: string }) =>
  `${d.rule}@${d.line}:${d.start}-${d.end} ${d.message}`;

for (const name of [
  'hack_ETAT_jaune_PLF2012_associations_2010.csv',
  'dsub_DEP_Somme_TB_20180302_DONNEES_CONVENTIONS.csv',
  'mtp_COM_Montpellier_BudgetPrimitif_2014.csv',
]) {
  test(`streaming with tiny chunks equals the in-memory lint: ${name}`, async () => {
    const path = join(FIXTURES, 'corpus', name);
    const whole = lintCsvBytes(readFileSync(path), { maxProblems: 1_000_000 });
    const streamed = await lintCsvFile(path, { maxProblems: 1_000_000, chunkBytes: 4099 });
    assert.equal(streamed.rows, whole.rows);
    assert.equal(streamed.info.encoding, whole.info.encoding);
    assert.deepEqual(streamed.diagnostics.map(key), whole.diagnostics.map(key));
  });
}

test('progress is reported and cancellation stops the stream', async () => {
  const path = join(FIXTURES, 'corpus', 'hack_ETAT_jaune_PLF2012_associations_2010.csv');
  const seen: number[] = [];
  await lintCsvFile(path, { chunkBytes: 65536, onProgress: (done) => seen.push(done) });
  assert.ok(seen.length > 10 && seen[seen.length - 1] === readFileSync(path).length);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(lintCsvFile(path, { signal: ac.signal }), /cancelled/);
});

test('a 40 MB file with no line break gives one clear source-error, no crash', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'odw-')), 'one-line.csv');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(1 << 20, 'a,');
  for (let i = 0; i < 40; i++) writeSync(fd, block);
  closeSync(fd);
  const res = await lintCsvFile(path, {});
  const errs = res.diagnostics.filter((d) => d.rule === 'source-error');
  assert.equal(errs.length, 1);
  assert.match(errs[0].message, /larger than 32 MB/);
});

test('a file valid UTF-8 at its head but Windows-1252 later is re-read as Windows-1252', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'odw-')), 'late.csv');
  const head = 'nom;montant\n' + 'Club;1\n'.repeat(60000);
  writeFileSync(path, Buffer.concat([Buffer.from(head), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x32, 0x0a])]));
  const res = await lintCsvFile(path, { chunkBytes: 65536 });
  assert.equal(res.info.encoding, 'windows-1252');
  assert.ok(res.diagnostics.some((d) => d.rule === 'encoding'));
});

test('UTF-8 characters cut by any chunk boundary (2, 3 and 4 bytes) decode as in memory', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'odw-')), 'utf8.csv');
  const text = 'nom;objet\n' + Array.from({ length: 40 }, (_, i) => `Théâtre ${i} ;Fête € 🎭 ${i}\n`).join('');
  writeFileSync(path, text);
  const whole = lintCsvBytes(readFileSync(path), { maxProblems: 100000 });
  // Past the header (the dialect is read from the first chunk), boundaries fall everywhere in the rows.
  for (const chunkBytes of [64, 65, 66, 67, 101]) {
    const streamed = await lintCsvFile(path, { maxProblems: 100000, chunkBytes });
    assert.equal(streamed.info.encoding, 'utf-8', `chunks of ${chunkBytes}`);
    assert.deepEqual(streamed.diagnostics.map(key), whole.diagnostics.map(key), `chunks of ${chunkBytes}`);
  }
});

test('an invalid byte right at a chunk boundary still sends the file to its legacy encoding', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'odw-')), 'edge.csv');
  const head = Buffer.from('nom;n\n' + 'Club;1\n'.repeat(20));
  writeFileSync(path, Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(';2\n')]));
  const res = await lintCsvFile(path, { chunkBytes: head.length });
  assert.match(res.info.encoding, /^(windows-1252|iso-8859-1)$/);
  assert.ok(res.diagnostics.some((d) => d.rule === 'encoding'));
});
