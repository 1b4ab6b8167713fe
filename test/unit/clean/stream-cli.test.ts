// Large-file cleaning (streamed to a new file) and the `odw clean` command.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { lintCsvText } from '../../../src/core/lint-csv';
import { cleanText, countBySeverity } from '../../../src/core/clean/clean-text';
import { cleanCsvFile } from '../../../src/core/clean/clean-stream';
import { cleanCommand } from '../../../src/core/clean/cli-clean';
import { appendSteps, toJson } from '../../../src/core/clean/recipe';
import { reencodeToUtf8 } from '../../../src/core/clean/reencode';
import { siblingName } from '../../../src/core/clean/sibling-name';

const lint = (t: string) => lintCsvText(t, { maxProblems: 100000 });
const tmp = mkdtempSync(join(tmpdir(), 'odw-clean-'));
const body =
  [
    'nom;montant;date;vide',
    ...Array.from({ length: 400 }, (_, i) => `Asso é${i} ;${i} 000 €;${(i % 9) + 13}/02/2020;`),
    ';;;',
    'Fin;1;01/01/2021;',
  ].join('\r\n') + '\r\n';

test('streaming clean writes the same UTF-8 text as the in-memory clean (Windows-1252 input)', async () => {
  const src = join(tmp, 'big.csv');
  writeFileSync(src, iconv.encode(body, 'windows-1252'));
  const out = join(tmp, 'big.clean.csv');
  const r = await cleanCsvFile(src, out, undefined, { chunkBytes: 1000 });
  assert.equal(readFileSync(out, 'utf8'), cleanText(body, lint).text);
  assert.equal(r.rows, 402);
  assert.deepEqual(r.steps.map((s) => s.rule).sort(), ['blank-row', 'cell-whitespace', 'date-format', 'empty-column', 'number-format']);
});

test('streaming clean asks the order of a column whose dates all read both ways, and writes nothing until told', async () => {
  const src = join(tmp, 'ambiguous.csv');
  writeFileSync(
    src,
    ['nom,d,n', ...Array.from({ length: 300 }, (_, i) => `A${i},0${(i % 9) + 1}/0${(i % 3) + 1}/2019, ${i} `)].join('\n') + '\n',
  );
  const out = join(tmp, 'ambiguous.clean.csv');
  const asked = await cleanCsvFile(src, out, undefined, { askDateOrders: true });
  assert.deepEqual(asked.asked, [{ field: 'd', sample: '01/01/2019' }]);
  assert.ok(!existsSync(out), 'nothing written before the answer');
  // Told month first: the copy has ISO dates read that way, and the other fixes as usual.
  const r = await cleanCsvFile(src, out, undefined, { askDateOrders: true, dateFormats: { d: 'mm/dd/yyyy' } });
  assert.equal(r.asked, undefined);
  const lines = readFileSync(out, 'utf8').split('\n');
  assert.equal(lines[1], 'A0,2019-01-01,0');
  assert.equal(lines[2], 'A1,2019-02-02,1');
  assert.equal(lines[4], 'A3,2019-04-01,3', '04/01 read month first');
  // The recipe names the order told, though the first dates (01/01, 02/02) read the same both ways.
  assert.deepEqual(r.steps.find((s) => s.rule === 'date-format')?.formats, { d: 'mm/dd/yyyy' });
  // Without the question (a replay, the CLI), the column is left as it is.
  const kept = await cleanCsvFile(src, join(tmp, 'ambiguous.kept.csv'), undefined, {});
  assert.equal(kept.asked, undefined);
  assert.equal(readFileSync(join(tmp, 'ambiguous.kept.csv'), 'utf8').split('\n')[4], 'A3,04/01/2019,3');
});

test('streaming clean stops on cancel', async () => {
  const src = join(tmp, 'big.csv');
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(cleanCsvFile(src, join(tmp, 'x.csv'), undefined, { signal: ac.signal }), /cancelled/);
});

test('odw clean applies a recipe to a file and records one', async () => {
  const src = join(tmp, 'in.csv');
  writeFileSync(src, 'nom;date\n A ;01/02/2020\n');
  const recipe = join(tmp, 'r.json');
  writeFileSync(recipe, toJson(appendSteps(null, 'x.csv', [{ rule: 'cell-whitespace', fix: 'set-cell', count: 1 }], new Date())));
  const lines: string[] = [];
  const out = join(tmp, 'out.csv');
  const code = await cleanCommand(
    ['clean', src, '--recipe', recipe, '--out', out, '--record', join(tmp, 'rec.json')],
    (s) => lines.push(s),
    (s) => lines.push(s),
  );
  assert.equal(code, 0, lines.join('\n'));
  assert.equal(readFileSync(out, 'utf8'), 'nom;date\nA;01/02/2020\n');
  assert.match(lines.join('\n'), /cell-whitespace: 1 fix/);
  assert.equal(JSON.parse(readFileSync(join(tmp, 'rec.json'), 'utf8')).steps[0].rule, 'cell-whitespace');
});

test('odw clean writes UTF-8 and records the re-encoding first', async () => {
  const src = join(tmp, 'latin.csv');
  writeFileSync(src, iconv.encode('nom;ville\nÉcole € ;Sète\n', 'windows-1252'));
  const rec = join(tmp, 'latin.json');
  assert.equal(
    await cleanCommand(
      [src, '--out', join(tmp, 'latin.out.csv'), '--record', rec],
      () => {},
      () => {},
    ),
    0,
  );
  assert.equal(readFileSync(join(tmp, 'latin.out.csv'), 'utf8'), 'nom;ville\nÉcole €;Sète\n');
  const steps = JSON.parse(readFileSync(rec, 'utf8')).steps;
  assert.deepEqual(
    steps.map((s: { rule: string; from?: string }) => [s.rule, s.from]),
    [
      ['encoding', 'windows-1252'],
      ['cell-whitespace', undefined],
    ],
  );
});

test('odw clean refuses a broken recipe and overwriting its input', async () => {
  const src = join(tmp, 'in.csv');
  const bad = join(tmp, 'bad.json');
  writeFileSync(bad, '{"version": 1, "steps": [{}]}');
  const errs: string[] = [];
  assert.equal(
    await cleanCommand(
      [src, '--recipe', bad, '--out', join(tmp, 'o.csv')],
      () => {},
      (s) => errs.push(s),
    ),
    2,
  );
  assert.match(errs.join(), /rule/);
  assert.equal(
    await cleanCommand(
      [src, '--out', src],
      () => {},
      (s) => errs.push(s),
    ),
    2,
  );
});

test('encoding repair: Windows-1252 bytes become UTF-8; backups never overwrite', () => {
  const r = reencodeToUtf8(iconv.encode('nom\nÉcole €\n', 'windows-1252'));
  assert.equal(r.from, 'windows-1252');
  assert.equal(Buffer.from(r.bytes!).toString('utf8'), 'nom\nÉcole €\n');
  assert.equal(reencodeToUtf8(Buffer.from('nom\nÉcole\n')).bytes, null);
  const taken = new Set(['data.bak.csv']);
  assert.equal(
    siblingName('data.csv', 'bak', (n) => taken.has(n)),
    'data.bak-2.csv',
  );
  assert.equal(
    siblingName('data.csv', 'clean', (n) => taken.has(n)),
    'data.clean.csv',
  );
});

test('streaming clean keeps only the problems it can fix, and still counts all of them before', async () => {
  const src = join(tmp, 'counts.csv');
  const text =
    ['nom;siret;date', ...Array.from({ length: 300 }, (_, i) => `Asso ${i} ;1234567890123${i % 10};${(i % 9) + 13}/02/2020`)].join('\n') +
    '\n';
  writeFileSync(src, text);
  const full = lintCsvText(text, { maxProblems: 100000 }).diagnostics;
  const only = lintCsvText(text, { maxProblems: 100000, fixesOnly: true });
  assert.ok(
    only.diagnostics.every((d) => d.fix || d.rule === 'type-error'),
    'only fixable problems kept',
  );
  assert.ok(only.diagnostics.length < full.length, 'unfixable ones dropped');
  assert.deepEqual(only.counts, countBySeverity(full), 'but all of them counted');
  const r = await cleanCsvFile(src, join(tmp, 'counts.clean.csv'), undefined, {});
  assert.deepEqual(r.before, countBySeverity(full));
});
