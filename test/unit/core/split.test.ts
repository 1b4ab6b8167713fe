// Split lint (two parts on two threads) must report exactly what one pass reports: every rule
// with state across rows hands it over at the cut. Each case lints a file both ways and compares
// the whole result; the cut falls after the middle line break, the worker's head read is made
// small so that column samples end after the cut.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCsvFile } from '../../../src/core/lint-csv-stream';
import { checksOfPlan, type SchemaPlan } from '../../../src/core/schema/setup';
import { cutPositions, lintCsvFileSplit, SPLIT_MIN_BYTES, useSplitLint } from '../../../src/core/split/split-lint';
import { forEachTextChunk } from '../../../src/core/read/text-stream';
import { cleanCsvFile } from '../../../src/core/clean/clean-stream';
import { withSchemaChecks } from '../../../src/core/clean/linter';
import type { TableSchema } from '../../../src/core/schema/descriptor';
import { FIXTURES } from '../helpers';
import { mutate, rng } from '../../fuzz/mutate';

// The tsc build of the worker entry, next to this test's build.
const PART_WORKER = join(__dirname, '..', '..', '..', 'src', 'core', 'worker', 'lint-part-worker.js');
useSplitLint(PART_WORKER);

const dir = mkdtempSync(join(tmpdir(), 'odw-split-'));
let n = 0;
const write = (text: string | Buffer, name = `t${n++}.csv`) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

interface Opts {
  plan?: SchemaPlan;
  headBytes?: number;
  parts?: number;
  maxProblems?: number;
  fixesOnly?: boolean;
  chunkBytes?: number;
}

/** Lints both ways; returns the one-pass result after asserting the split one equals it. */
async function same(path: string, o: Opts = {}) {
  const plan = o.plan ?? { kind: 'none' };
  const options = { maxProblems: o.maxProblems ?? 1_000_000, fixesOnly: o.fixesOnly, chunkBytes: o.chunkBytes };
  const one = await lintCsvFile(path, { ...options, checks: checksOfPlan(plan, options.maxProblems) });
  // Two parts, and three or four as on a machine with more cores.
  for (const parts of o.parts ? [o.parts] : [2, 3, 4]) {
    const split = await lintCsvFileSplit(path, { ...options, checks: checksOfPlan(plan, options.maxProblems) }, plan, {
      headBytes: o.headBytes ?? 256,
      parts,
      lead: 0,
    });
    assert.ok('result' in split, `not split in ${parts}: ${'fallback' in split ? split.fallback : ''}`);
    assert.deepEqual(split.result, one, `${parts} parts`);
  }
  return one;
}

const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';
const range = (k: number, f: (i: number) => string) => Array.from({ length: k }, (_, i) => f(i));

test('the first part, which starts at once, is longer by the lead; never more than twice the others', () => {
  const MB = 1 << 20;
  assert.deepEqual(cutPositions(100 * MB, 2, 6 * MB), [53 * MB]);
  const three = cutPositions(100 * MB, 3, 6 * MB);
  assert.equal(three[0], Math.floor((112 * MB) / 3));
  assert.ok(Math.abs(three[1] - three[0] - (100 * MB - three[1])) <= 1, 'the later parts are even');
  // A small file: the lead would leave the worker nothing; capped at twice its share.
  assert.deepEqual(cutPositions(16 * MB, 2, 20 * MB), [Math.floor((32 * MB) / 3)]);
  assert.deepEqual(cutPositions(900, 4, 0), [225, 450, 675]);
});

test('chunks given back are read again: the text is the file’s, whatever the chunk size', async () => {
  const text = 'é€😀,b\n' + range(300, (i) => `l${i},${'ü'.repeat(i % 7)}€😀`).join('\n');
  const path = write(text);
  for (const chunkBytes of [7, 13, 64, 1000]) {
    let seen = '';
    let calls = 0;
    await forEachTextChunk(path, { start: 0, end: Buffer.byteLength(text) }, { chunkBytes }, ({ text: t }, final) => {
      calls++;
      // Give back the text after the last line break (a row the chunk cut), unless it is all of it.
      const keep = final ? t.length : t.lastIndexOf('\n') + 1;
      if (keep === 0) return void (seen += t);
      seen += t.slice(0, keep);
      return t.length - keep;
    });
    assert.equal(seen, text, `chunks of ${chunkBytes} bytes`);
    assert.ok(calls > 1);
  }
});

test('duplicate rows across the cut name the first row of the whole file', async () => {
  const rows = range(400, (i) => `r${i % 150},x`);
  const r = await same(write(csv('a,b', rows)));
  const dups = r.diagnostics.filter((d) => d.rule === 'duplicate-row');
  assert.equal(dups.length, 250);
  // Row 400 of the data (line 401) repeats data row 250 % 150 → the 100th key, first at row 101 + 1.
  assert.match(dups[dups.length - 1].message, /row 101\b/);
});

test('number and date columns whose sample of 200 values ends after the cut are judged as in one pass', async () => {
  // The cut falls near row 800. s and ds: sparse before it (every 5th row, text first, so fewer
  // than 200 values), dense after: their 200th value is after the cut, where one pass gives the
  // columns up although 80 % of their values are numbers / dates. dd: every date before the cut
  // reads both ways; 25/12/2020 after it settles the order. n, m, d: ordinary columns.
  const rows = range(1600, (i) => {
    const k = i / 5;
    const sparse = i >= 800 ? 1 : i % 5 === 0 ? (k < 150 ? 0 : 1) : -1;
    const s = sparse === 1 ? '2 345,5' : sparse === 0 ? `texte ${k}` : '';
    const ds = sparse === 1 ? '02/01/2019' : sparse === 0 ? `texte ${k}` : '';
    const dd = i === 1500 ? '25/12/2020' : `${String((i % 12) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2020`;
    const n = i < 120 ? `texte ${i}` : i % 2 ? `${i},5` : `${i}`;
    const m = i % 7 === 0 ? `1 ${String(i).padStart(3, '0')},25` : '';
    const d = i % 5 === 0 ? `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2019` : '';
    // Rows of one length, so that the cut (the middle byte) falls at row 800.
    const base = `${n};${m};${d};${s};${ds};${dd}`;
    return `${base};${'p'.repeat(80 - base.length)}`;
  });
  for (const headBytes of [64, 2048, 1 << 20]) {
    const r = await same(write(csv('n;montant;date;s;ds;dd;pad', rows)), { headBytes });
    const of = (rule: string, field: string) => r.diagnostics.filter((x) => x.rule === rule && x.field === field);
    assert.ok(of('date-format', 'date').length > 0, 'an ordinary date column is reported');
    assert.equal(of('number-format', 's').length, 0, 'given up at its 200th value, after the cut');
    assert.equal(of('date-format', 'ds').length, 0, 'given up at its 200th value, after the cut');
    const dd = of('date-format', 'dd');
    assert.ok(
      dd.length > 1000 && dd.every((x) => x.fix?.kind === 'set-cell'),
      'the order settled after the cut applies to the whole column',
    );
  }
});

test('an ambiguous date column, a column filled only after the cut, a totals row, mixed line endings and e-mails', async () => {
  const rows = range(
    600,
    (i) =>
      `${String((i % 12) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2020,${i > 400 ? 'x' : ''},${i > 350 ? `jean.dupont${i}@gmail.com` : 'service'},${i}`,
  );
  rows.push('Total,,,999');
  const text = csv('date,vide,courriel,n', rows).replace(/\n(?=05\/)/g, (m, at: number) => (at > 9000 ? '\r\n' : m));
  const r = await same(write(text));
  for (const rule of ['date-format', 'totals-row', 'line-endings', 'personal-data'])
    assert.ok(
      r.diagnostics.some((d) => d.rule === rule),
      `no ${rule}`,
    );
  assert.ok(!r.diagnostics.some((d) => d.rule === 'empty-column'), 'the column filled after the cut is not empty');
});

test('unique fields, primary key, unique keys and a self foreign key span the cut', async () => {
  const descriptor: TableSchema = {
    fields: [
      { name: 'id', type: 'integer', constraints: { unique: true } },
      { name: 'code', type: 'string' },
      { name: 'parent', type: 'integer' },
      { name: 'annee', type: 'integer' },
    ],
    primaryKey: ['code'],
    uniqueKeys: [['code', 'annee']],
    foreignKeys: [{ fields: ['parent'], reference: { resource: '', fields: ['id'] } }],
  } as TableSchema;
  // Ids repeat every 300 rows; parents point backwards, forwards (resolved later) and nowhere.
  // Ids first seen after the cut repeat there too (their "first seen in row N" is the whole file's).
  const rows = range(
    700,
    (i) =>
      `${i < 400 ? i % 300 : 1000 + (i % 50)},C${i % 250},${i % 50 === 0 ? i + 5 : i % 97 === 0 ? 99999 : Math.max(0, i - 3)},${2000 + (i % 2)}`,
  );
  const r = await same(write(csv('id,code,parent,annee', rows)), { plan: { kind: 'schema', descriptor, schemaName: 'test' } });
  for (const rule of ['unique-error', 'primary-key', 'foreign-key'])
    assert.ok(
      r.diagnostics.some((d) => d.rule === rule),
      `no ${rule}`,
    );
  const late = r.diagnostics.find((d) => d.rule === 'unique-error' && d.row === 652 && d.field === 'id');
  assert.match(late?.message ?? '', /\b402\b/, 'id 1000 of row 652 was first seen at row 402, after the cut');
});

test('multi-line quoted cells, CRLF, a BOM and quote errors keep their lines after the cut', async () => {
  const rows = range(300, (i) => (i % 40 === 0 ? `"ligne ${i}\r\nsuite",  ${i} ,=1+1` : `v${i},${i % 60 === 0 ? '"mal"fermé' : i},x`));
  await same(write('\uFEFF' + csv('a,b,c', rows).replace(/\n/g, '\r\n')));
  await same(write(csv('a,b,c', rows)), { chunkBytes: 333 });
});

test('the problem cap and "fixes only" count every problem as one pass does', async () => {
  const rows = range(500, (i) => ` ${i} ,${i % 10 === 0 ? '' : '1 000,5'},${i % 4}`);
  const path = write(csv('a,montant,c', rows));
  for (const o of [{ maxProblems: 7 }, { maxProblems: 1_000_000, fixesOnly: true }, { maxProblems: 100, fixesOnly: true }]) {
    const r = await same(path, o);
    assert.ok(r.dropped > 0 || o.maxProblems > 1000);
  }
});

test('a Windows-1252 file is linted in parts too, as one pass reads it (encoding named, accents decoded)', async () => {
  // € and ’ are 0x80 and 0x92 in Windows-1252: one byte per character, so any LF byte is a line break.
  const rows = range(
    600,
    (i) => `Élodie ${i % 200};${i % 7 === 0 ? '1 250,50 €' : i};l’été ${i % 3 === 0 ? ' ' : ''};${(i % 28) + 1}/03/2024`,
  );
  const text = csv('nom;montant;note;date', rows);
  const bytes = Buffer.from([...text].map((c) => (c === '€' ? 0x80 : c === '’' ? 0x92 : c.charCodeAt(0))));
  const r = await same(write(bytes), { chunkBytes: 997 });
  const enc = r.diagnostics.find((d) => d.rule === 'encoding');
  assert.equal(r.info.encoding, 'windows-1252');
  assert.match(enc?.message ?? '', /windows-1252/);
  assert.ok(
    r.diagnostics.some((d) => d.rule === 'number-format' && /1 250,50 €/.test(d.message)),
    'the € decoded',
  );
});

test('a quoted line break at the cut, a lying UTF-8 mark or a CR-only file is linted in one pass instead', async () => {
  const quoted = csv('a,b', [...range(50, (i) => `${i},x`), `"${'long\n'.repeat(200)}",y`, ...range(50, (i) => `${i},z`)]);
  const r1 = await lintCsvFileSplit(write(quoted), { maxProblems: 1000 }, { kind: 'none' });
  assert.deepEqual(r1, { fallback: 'a line break at a cut is inside a quoted cell' });
  // A lying UTF-8 mark on Windows-1252 bytes, and a multi-byte legacy encoding (Shift-JIS): one pass.
  const lying = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(
      csv(
        'nom,ville',
        range(100, (i) => `Élodie ${i},Orléans`),
      ),
      'latin1',
    ),
  ]);
  assert.deepEqual(await lintCsvFileSplit(write(lying), { maxProblems: 1000 }, { kind: 'none' }), {
    fallback: 'a UTF-8 mark on bytes that are not UTF-8',
  });
  const mac = csv(
    'a,b',
    range(100, (i) => `${i},x`),
  ).replace(/\n/g, '\r');
  assert.ok('fallback' in (await lintCsvFileSplit(write(mac), { maxProblems: 1000 }, { kind: 'none' })));
});

test('every CSV fixture, UTF-8 or a single-byte code page: the split lint equals one pass (schema detected from the header)', async () => {
  const files = (readdirSync(FIXTURES, { recursive: true }) as string[])
    .filter((f) => /\.(csv|tsv)$/i.test(f))
    .map((f) => join(FIXTURES, f));
  let split = 0;
  const fallbacks = new Map<string, number>();
  for (const path of files) {
    if (statSync(path).size < 200) continue;
    const plan: SchemaPlan = { kind: 'detect' };
    const checks = () => checksOfPlan(plan, 1_000_000);
    const format = path.endsWith('.tsv') ? 'tsv' : 'csv';
    const one = await lintCsvFile(path, { maxProblems: 1_000_000, checks: checks(), format });
    for (const [headBytes, parts] of [
      [512, 2],
      [1 << 20, 3],
    ]) {
      const r = await lintCsvFileSplit(path, { maxProblems: 1_000_000, checks: checks(), format }, plan, { headBytes, parts });
      if ('fallback' in r) {
        fallbacks.set(r.fallback, (fallbacks.get(r.fallback) ?? 0) + 1);
        continue;
      }
      split++;
      assert.deepEqual(r.result, one, `${path}, ${parts} parts`);
    }
  }
  // The others are one-line files, a UTF-8 mark on legacy bytes, or a two-line file whose only
  // record spans the middle in a quoted cell (a catalog example); a bug in the part worker would show here.
  const expected = [
    'a UTF-8 mark on bytes that are not UTF-8',
    'no line break past the middle',
    'a line break at a cut is inside a quoted cell',
  ];
  const reasons = [...fallbacks.keys()];
  assert.ok(
    reasons.every((w) => expected.includes(w)) && (fallbacks.get(expected[2]) ?? 0) <= 2,
    `unexpected fallbacks: ${JSON.stringify([...fallbacks])}`,
  );
  assert.ok(split >= 30, `only ${split} fixture runs were split (${JSON.stringify([...fallbacks])})`);
});

test('a generated SCDL subventions file (20 000 rows, detected schema): the split lint equals one pass', async () => {
  const text = execFileSync(
    process.execPath,
    [join(__dirname, '..', '..', '..', '..', 'scripts', 'bench', 'gen-subventions.mjs'), '20000'],
    { maxBuffer: 64 << 20 },
  );
  const path = write(text, 'subventions.csv');
  await same(path, { plan: { kind: 'detect' }, headBytes: 1 << 20, maxProblems: 1_000_000 });
  await same(path, { plan: { kind: 'detect' }, headBytes: 1 << 20, maxProblems: 1000 });
});

test('fuzz: 80 mutated UTF-8 fixtures — whenever one is split, the split lint equals one pass', async () => {
  // UTF-8 sources (a legacy file is never split); a mutation that breaks UTF-8 falls back too.
  const sources = (readdirSync(FIXTURES, { recursive: true }) as string[])
    .filter((f) => /\.csv$/i.test(f))
    .map((f) => readFileSync(join(FIXTURES, f)))
    .filter((b) => b.length > 2000 && isUtf8(b));
  let split = 0;
  const fallbacks = new Map<string, number>();
  for (let i = 0; i < 80; i++) {
    const rand = rng(1000 + i);
    const input = mutate(sources[Math.floor(rand() * sources.length)].subarray(0, 120_000), rand);
    const path = write(Buffer.from(input));
    const one = await lintCsvFile(path, { maxProblems: 300 });
    const r = await lintCsvFileSplit(
      path,
      { maxProblems: 300 },
      { kind: 'none' },
      { headBytes: 1 + Math.floor(rand() * 4096), parts: 2 + (i % 3) },
    );
    if ('fallback' in r) {
      fallbacks.set(r.fallback, (fallbacks.get(r.fallback) ?? 0) + 1);
      continue;
    }
    split++;
    assert.deepEqual(r.result, one, `seed ${1000 + i}`);
  }
  assert.ok(split >= 20, `only ${split} of 80 were split: ${JSON.stringify([...fallbacks])}`);
});

test('cancelling a split lint stops both parts at once', async () => {
  const path = write(
    csv(
      'a;b;c',
      range(60_000, (i) => `${i};valeur ${i % 977};${i % 13},5`),
    ),
  );
  const ac = new AbortController();
  const t0 = performance.now();
  const running = lintCsvFileSplit(path, { maxProblems: 1000, signal: ac.signal, chunkBytes: 64 * 1024 }, { kind: 'none' });
  setTimeout(() => ac.abort(), 30);
  await assert.rejects(running, /cancelled/);
  assert.ok(performance.now() - t0 < 2000, 'stopped promptly');
});

test('streamed cleaning of a 19 MB file: the same copy and steps whether its lint is split or not', async () => {
  const text = execFileSync(
    process.execPath,
    [join(__dirname, '..', '..', '..', '..', 'scripts', 'bench', 'gen-subventions.mjs'), '90000', '0.05'],
    { maxBuffer: 64 << 20 },
  );
  const path = write(text, 'big-subventions.csv');
  assert.ok(statSync(path).size >= SPLIT_MIN_BYTES);
  const run = async (workerPath: string | null, out: string) => {
    useSplitLint(workerPath);
    const r = await cleanCsvFile(path, join(dir, out), undefined, withSchemaChecks({ lang: 'fr' }, path));
    return { r, bytes: readFileSync(join(dir, out)) };
  };
  // The split path is taken for this file (a fallback would make the comparison below empty).
  const opts = withSchemaChecks({ lang: 'fr' }, path);
  const probe = await lintCsvFileSplit(path, { ...opts, fixesOnly: true }, opts.splitPlan!);
  assert.ok('result' in probe, `not split: ${'fallback' in probe ? probe.fallback : ''}`);
  const one = await run(null, 'one.csv');
  const split = await run(PART_WORKER, 'split.csv');
  assert.ok(one.r.steps.length > 0, 'the file has fixes');
  assert.deepEqual(split.r, one.r);
  assert.ok(split.bytes.equals(one.bytes), 'identical cleaned copies');
});
