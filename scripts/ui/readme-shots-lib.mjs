// The README screenshots' common setup: the built-in samples copied into a scratch workspace,
// opened in the real workbench with the extension from this folder, shots into media/readme/.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, withUi } from '../vscode-host/ui-lib.mjs';

export function withSamplesUi(fn) {
  const ws = mkdtempSync(join(tmpdir(), 'odw-shots-'));
  cpSync(join(REPO, 'samples'), ws, { recursive: true });
  return withUi(
    {
      workspace: ws,
      artifactsDir: join(REPO, 'media', 'readme'),
      readyCommand: 'Open Data: Lint File on Disk',
      extensionDevelopmentPath: REPO,
    },
    fn,
  );
}
