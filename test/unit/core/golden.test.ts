// Golden reports: the whole JSON report of the core API (what `odw lint --format json` prints) on
// the real corpus, the samples and a generated bench-shaped file, compared with the reports
// recorded in test/fixtures/golden/. A refactoring of the engine, the rules or the split protocol
// must not change a single field. After a deliberate change of behaviour, record them again:
//   ODW_GOLDEN_UPDATE=1 node --test out-test/test/unit/core/golden.test.js
// and review the diff of test/fixtures/golden/ in the commit.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import { lintFile, toReport } from '../../../src/core/lint-file';
import { lintCsvFileSplit, useSplitLint } from '../../../src/core/split/split-lint';
import { schemaSetup } from '../../../src/core/schema/setup';
import type { FileReport } from '../../../src/core/model';
import { FIXTURES, ROOT } from '../helpers';

const GOLDEN = join(FIXTURES, 'golden');
const UPDATE = process.env.ODW_GOLDEN_UPDATE === '1';
const PART_WORKER = join(__dirname, '..', '..', '..', 'src', 'core', 'worker', 'lint-part-worker.js');

/**
 * A report as stored: its head (every field but the list, the path made relative), then per rule
 * the number of listed problems, a SHA-256 of them in order, and the first few in full: a change
 * shows which rule moved and where, and the files stay small (the full lists weigh 20 MB).
 */
function stable(report: FileReport, name: string): string {
  const { path: _path, diagnostics, ...rest } = report;
  // The schema's path as the repository holds it, wherever the clone is.
  const problems = rest.schemaProblems;
  if (problems?.path) rest.schemaProblems = { ...problems, path: relative(ROOT, problems.path).replace(/\\/g, '/') };
  const lines = [JSON.stringify({ file: name, ...rest }), `sha256 ${sha(diagnostics.map((d) => JSON.stringify(d)).join('\n'))}`];
  const byRule = new Map<string, string[]>();
  for (const d of diagnostics) {
    let l = byRule.get(d.rule);
    if (!l) byRule.set(d.rule, (l = []));
    l.push(JSON.stringify(d));
  }
  for (const [rule, l] of byRule) {
    lines.push(`${rule} ${l.length} ${sha(l.join('\n'))}`);
    for (const d of l.slice(0, FIRST)) lines.push(`  ${d}`);
  }
  return lines.join('\n') + '\n';
}

const FIRST = 5;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function check(name: string, text: string): void {
  const file = join(GOLDEN, `${name}.txt`);
  if (UPDATE || !existsSync(file)) {
    assert.ok(UPDATE, `no golden report ${file}: record it with ODW_GOLDEN_UPDATE=1`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  const want = readFileSync(file, 'utf8').split('\n');
  const got = text.split('\n');
  // Line by line: the first difference is shown, not two long strings.
  for (let i = 0; i < Math.max(want.length, got.length); i++) assert.equal(got[i], want[i], `${name}, line ${i + 1}`);
}

const corpus = readdirSync(join(FIXTURES, 'corpus'))
  .filter((f) => /\.(csv|xlsx|ods)$/.test(f))
  .sort()
  .map((f) => join(FIXTURES, 'corpus', f));
const samples = readdirSync(join(ROOT, 'samples'))
  .filter((f) => /\.csv$/.test(f))
  .sort()
  .map((f) => join(ROOT, 'samples', f));

for (const path of [...corpus, ...samples]) {
  const name = basename(path);
  test(`golden: ${name}, English, default cap`, async () => check(`${name}.en`, stable(await lintFile(path), name)));
  test(`golden: ${name}, French, every problem`, async () =>
    check(`${name}.fr-all`, stable(await lintFile(path, { lang: 'fr', maxProblems: 0 }), name)));
}

// The bench's generator (scripts/bench/gen-subventions.mjs): same arguments, same bytes.
const dir = mkdtempSync(join(tmpdir(), 'odw-golden-'));
const bench = join(dir, 'subventions-40000.csv');
writeFileSync(
  bench,
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'gen-subventions.mjs'), '40000', '0.02', '7'], { maxBuffer: 256 << 20 }),
);

const SCHEMA = join(FIXTURES, 'standards', 'scdl-subventions', 'schema.json');
const onePass = new Map<string, FileReport>();

test('golden: bench-shaped file, one pass', async () => {
  for (const [name, schema] of [
    ['bench-40000.en', null],
    ['bench-40000.schema', SCHEMA],
  ] as const) {
    const report = await lintFile(bench, { schema });
    onePass.set(name, report);
    check(name, stable(report, 'bench'));
  }
});

test('golden: bench-shaped file, split in parts, is the one-pass report', async () => {
  useSplitLint(PART_WORKER);
  for (const [name, schema] of [
    ['bench-40000.en', null],
    ['bench-40000.schema', SCHEMA],
  ] as const) {
    const setup = schemaSetup({ schema }, 'en', bench);
    for (const parts of [2, 3]) {
      const split = await lintCsvFileSplit(bench, { format: 'csv', checks: setup.checks }, setup.plan, { headBytes: 4096, parts, lead: 0 });
      assert.ok('result' in split, `split in ${parts}: ${'fallback' in split ? split.fallback : ''}`);
      const report = toReport(bench, split.result, setup.ref());
      // lintFile adds the schema's own problems after the lint, whichever way it read the file.
      const { schemaProblems, ...want } = onePass.get(name)!;
      assert.deepEqual(report, want, `${name}, ${parts} parts`);
      check(name, stable(schemaProblems ? { ...report, schemaProblems } : report, 'bench'));
    }
  }
});
