// Runs every compiled unit test file (node 20's --test takes no globs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = process.argv[2] ?? 'out-test/test/unit';
const files = readdirSync(root, { recursive: true })
  .filter((f) => f.endsWith('.test.js'))
  .map((f) => join(root, f))
  .sort();
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
