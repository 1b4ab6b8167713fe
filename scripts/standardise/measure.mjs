// Prints precision and recall of the mapping proposal on the corpus files with non-SCDL headers
// (expected mappings: test/fixtures/standardise/expected-mappings.json). Needs `npx tsc -p .`.
// usage: node scripts/standardise/measure.mjs [corpus-dir]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { measureFile, totals } = require('../../out-test/src/core/standardise/measure.js');
const dir = process.argv[2] ?? 'test/fixtures/corpus';
const { files } = JSON.parse(readFileSync('test/fixtures/standardise/expected-mappings.json', 'utf8'));
const scores = [];
for (const e of files) {
  const s = await measureFile(dir, e);
  scores.push(s);
  console.log(`${s.file} (${s.schema}): ${s.correct}/${s.proposed} proposed right, ${s.correct}/${s.expected} found`);
  for (const w of s.wrong) console.log(`  wrong:  ${w}`);
  for (const m of s.missed) console.log(`  missed: ${m}`);
}
const t = totals(scores);
console.log(`precision ${(t.precision * 100).toFixed(1)} %, recall ${(t.recall * 100).toFixed(1)} % over ${files.length} files`);
