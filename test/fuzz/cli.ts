// Large fuzzing budget, for a developer machine:  node out-test/test/fuzz/cli.js [COUNT=10000] [SEED=1]
import { join } from 'node:path';
import { fuzz } from './run';

const root = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const count = Number(process.argv[2] ?? 10000);
const seed = Number(process.argv[3] ?? 1);
fuzz([join(root, 'corpus'), join(root, 'frictionless', 'data')], count, seed, 5000).then((r) => {
  console.log(`fuzz: ${r.inputs} inputs, ${r.failures.length} failures, slowest ${r.slowest.toFixed(0)} ms`);
  for (const f of r.failures.slice(0, 20)) console.log(`seed ${f.seed} (${f.source}): ${f.error}`);
  process.exit(r.failures.length ? 1 : 0);
});
