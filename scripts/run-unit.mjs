// Runs compiled unit test files (node 20's --test takes no globs).
// Arguments: any number of directories (searched recursively for *.test.js)
// and/or test files; none means the whole of out-test/test/unit.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const roots = args.length > 0 ? args : ['out-test/test/unit'];
const missing = roots.filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`run-unit: no such file or directory: ${missing.join(', ')}`);
  process.exit(2);
}
const files = new Set();
for (const root of roots) {
  if (statSync(root).isDirectory()) {
    const found = readdirSync(root, { recursive: true })
      .filter((f) => f.endsWith('.test.js'))
      .map((f) => join(root, f));
    if (found.length === 0) {
      console.error(`run-unit: no *.test.js under ${root}`);
      process.exit(2);
    }
    for (const f of found) files.add(f);
  } else {
    files.add(root);
  }
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...[...files].sort()], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
