// The same integration suite on desktop VS Code, where it can be downloaded (not on our CI
// machines: they reach only the npm registry, so CI uses code-server — scripts/vscode-host/).
//   npm run build && npx tsc -p . && node scripts/test-electron.mjs
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '..');
const workspace = mkdtempSync(join(tmpdir(), 'odw-ws-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out-test', 'test', 'integration', 'index'),
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (e) {
  console.error(`desktop integration tests failed: ${e.message}`);
  process.exit(1);
}
