// UI smoke test: open a CSV from the fixture workspace in the real workbench and take one screenshot.
// usage: node scripts/vscode-host/ui-smoke.mjs [--vsix file.vsix | --dev <extensionDevelopmentPath>]
//          [--workspace dir] [--file name.csv] [--ready-command "Title"] [--command "Title"] [--out dir]
// --ready-command: a command the extension contributes; waited for before opening the file (defaults to --command).
// Defaults: --dev = $ODW_EXT_PATH or the repo root, --workspace = $ODW_WORKSPACE or test/fixtures/workspace,
//           --file = first *.csv in the workspace, --out = artifacts/ui. Exit 0 = OK.
import { parseArgs } from 'node:util';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, withUi } from './ui-lib.mjs';

const { values: a } = parseArgs({
  options: {
    vsix: { type: 'string' },
    dev: { type: 'string' },
    workspace: { type: 'string' },
    file: { type: 'string' },
    command: { type: 'string' },
    'ready-command': { type: 'string' },
    out: { type: 'string' },
  },
});
const workspace = resolve(a.workspace || process.env.ODW_WORKSPACE || join(REPO, 'test', 'fixtures', 'workspace'));
const file =
  a.file ||
  readdirSync(workspace)
    .filter((f) => /\.csv$/i.test(f))
    .sort()[0];
if (!file) {
  console.error(`no .csv file in ${workspace} (pass --file)`);
  process.exit(2);
}
const vsix = a.vsix || process.env.ODW_VSIX;
const ext = vsix ? { vsix } : { extensionDevelopmentPath: a.dev || process.env.ODW_EXT_PATH || REPO };

const t0 = Date.now();
try {
  const readyCommand = a['ready-command'] || a.command || process.env.ODW_READY_COMMAND;
  await withUi({ workspace, artifactsDir: a.out || join(REPO, 'artifacts', 'ui'), readyCommand, ...ext }, async (ui) => {
    await ui.openFileFromExplorer(file);
    if (a.command) await ui.runCommand(a.command);
    await ui.screenshot('01-csv-open');
  });
  console.log(`UI smoke PASSED in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(0);
} catch {
  console.log('UI smoke FAILED');
  process.exit(1);
}
