// Runs mutated corpus inputs through the CSV and spreadsheet readers. Every input must give a
// report or a clear error, never an exception, and within a time bound.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCsvBytes } from '../../src/core/lint-csv';
import { lintFile } from '../../src/core/lint-file';
import { mutate, rng } from './mutate';
import { mutateCsv } from './mutate-csv';
import { mutateSheet } from './mutate-sheet';

export interface FuzzResult {
  inputs: number;
  failures: { seed: number; source: string; error: string }[];
  slowest: number;
}

export async function fuzz(corpusDirs: string[], count: number, seed: number, perInputMs: number): Promise<FuzzResult> {
  const sources = corpusDirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.(csv|xlsx|ods)$/i.test(f))
      .map((f) => join(d, f)),
  );
  const originals = sources.map((p) => ({ path: p, bytes: readFileSync(p) }));
  const dir = mkdtempSync(join(tmpdir(), 'odw-fuzz-'));
  const res: FuzzResult = { inputs: 0, failures: [], slowest: 0 };
  for (let i = 0; i < count; i++) {
    const s = seed + i;
    const rand = rng(s);
    const src = originals[Math.floor(rand() * originals.length)];
    // Keep inputs small enough for the budget: cut big sources before mutating.
    const csv = /\.csv$/i.test(src.path);
    // Half of the CSV inputs get a hostile mutation (huge cells, wide headers, lying marks),
    // half of the workbooks a structural one (repeats, spans, shared strings, far-right cells).
    const input =
      (/\.(xlsx|ods)$/i.test(src.path) && rand() < 0.5 && mutateSheet(src.bytes, rand)) ||
      (csv && rand() < 0.5 ? mutateCsv : mutate)(src.bytes.subarray(0, 200_000), rand);
    const t0 = performance.now();
    try {
      if (/\.csv$/i.test(src.path)) {
        const r = lintCsvBytes(input, { maxProblems: 200 });
        if (!Array.isArray(r.diagnostics)) throw new Error('no report');
      } else {
        const p = join(dir, `in-${i}${src.path.slice(src.path.lastIndexOf('.'))}`);
        writeFileSync(p, input);
        const r = await lintFile(p, { maxProblems: 200 });
        if (!Array.isArray(r.diagnostics)) throw new Error('no report');
      }
    } catch (e) {
      res.failures.push({ seed: s, source: src.path, error: (e as Error).stack ?? String(e) });
    }
    const ms = performance.now() - t0;
    res.slowest = Math.max(res.slowest, ms);
    // Linear work: the bound grows with the input, 10 s per MB (issue #16).
    const bound = Math.max(perInputMs, (10_000 * input.length) / 1e6);
    if (ms > bound)
      res.failures.push({
        seed: s,
        source: src.path,
        error: `took ${ms.toFixed(0)} ms for ${input.length} bytes (bound ${bound.toFixed(0)} ms)`,
      });
    res.inputs++;
  }
  return res;
}
