// Proves the integration tests run in a REAL VS Code extension host with our extension loaded.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'opendata-workbench.open-data-workbench';

suite('VS Code host', () => {
  test('runs inside a real VS Code 1.x extension host', () => {
    assert.ok(vscode.version.startsWith('1.'), `unexpected vscode.version ${vscode.version}`);
    console.log(
      `    host: vscode ${vscode.version}, appHost=${vscode.env.appHost}, uiKind=${vscode.env.uiKind}, ` +
        `remoteName=${vscode.env.remoteName ?? '-'}, node=${process.versions.node}`,
    );
  });

  test('the workspace folder is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length >= 1, 'no workspace folder open');
    console.log(`    workspace: ${folders[0].uri.toString()} (fsPath ${folders[0].uri.fsPath})`);
  });

  test(`extension ${EXTENSION_ID} is present and activates`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
