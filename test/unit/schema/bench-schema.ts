// Throughput of schema validation on a large file (not a test: run it by hand).
//   node /work/shared/bench/gen-subventions.mjs 500000 > /tmp/bench.csv
//   npx tsc -p . && node out-test/test/unit/schema/bench-schema.js /tmp/bench.csv
// Prints MB/s for a bare papaparse parse, the full lint without and with scdl/subventions,
// and the schema check alone (every rule off).
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { lintCsvFile } from '../../../src/core/lint-csv-stream';
import { allRules } from '../../../src/core/rules/registry';
import { resolveSchemaArg } from '../../../src/core/schema/resolve';
import { schemaSetup } from '../../../src/core/schema/setup';

async function main(): Promise<void> {
  const path = process.argv[2] ?? '/tmp/bench.csv';
  const mb = statSync(path).size / 1e6;
  const time = async (label: string, f: () => Promise<unknown> | unknown): Promise<number> => {
    const t0 = performance.now();
    await f();
    const s = (performance.now() - t0) / 1000;
    console.log(`${label.padEnd(34)} ${s.toFixed(2)} s  ${(mb / s).toFixed(1)} MB/s`);
    return s;
  };
  const papa = await time('papaparse (decode + parse)', () => {
    let n = 0;
    Papa.parse(new TextDecoder().decode(readFileSync(path)), { step: () => void n++ });
  });
  const resolvedSchema = resolveSchemaArg('scdl/subventions');
  const off = Object.fromEntries(allRules.map((r) => [r.meta.id, 'off' as const]));
  const checks = schemaSetup({ resolvedSchema }, 'en').checks;
  await time('lint, no schema', () => lintCsvFile(path, { maxProblems: 1000 }));
  const full = await time('lint + scdl/subventions', () => lintCsvFile(path, { maxProblems: 1000, checks }));
  await time('reader only (rules off)', () => lintCsvFile(path, { maxProblems: 1000, rules: off }));
  const alone = await time('schema check alone (rules off)', () => lintCsvFile(path, { maxProblems: 1000, checks, rules: off }));
  console.log(`ratio to papaparse: full lint ${(papa / full).toFixed(2)}, schema alone ${(papa / alone).toFixed(2)}`);
}

void main();
