// Report exactness in the editor: past the problem cap the status bar shows the true totals and
// says the list is cut, the Problems panel says so too, Lint File on Disk reports the totals.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, diagnosticsWhere, wsFile } from './lint.test';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

suite('Report exactness in the editor', () => {
  test('a file with more than 1 000 problems shows the true totals and says the list is cut', async () => {
    const a = await api();
    // 1 500 padded names (cell-whitespace) and 1 500 display-formatted amounts (number-format): 3 000 warnings, and the semicolon info.
    const lines = ['nom;montant'];
    for (let i = 0; i < 1500; i++) lines.push(` Asso ${i} ;${(i % 900) + 1} 000,50`);
    const uri = wsFile('many-problems.csv');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(lines.join('\n') + '\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'truncated'));
    const notice = ds.find((x) => codeOf(x) === 'truncated')!;
    assert.match(notice.message, /1000\D+3001\D+0\D+3000 /, notice.message);
    assert.ok(
      ds.some((x) => codeOf(x) === 'number-format'),
      'the rule decided at the end of the file is listed too',
    );
    assert.ok(ds.some((x) => codeOf(x) === 'cell-whitespace'));
    const t0 = Date.now();
    while (!/\(1000 listed\)/.test(a.status.item.text) && Date.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 100));
    assert.match(a.status.item.text, /\$\(warning\) 3000 \(1000 listed\)/, a.status.item.text);
    assert.match(String(a.status.item.tooltip), /1000 of 3001/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const n = await vscode.commands.executeCommand<number>('openData.lintFileOnDisk', uri);
    assert.strictEqual(n, 3001, 'Lint File on Disk counts every problem');
  });

  test('a close call on the separator offers "Reopen as …" in the status bar, which reads the table with it', async () => {
    const a = await api();
    const uri = wsFile('close-call.csv');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('code,libelle;annee\nA1,Ecole;2021\nB2,Creche;2022\nC3,Stade;2023\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'delimiter-choice'));
    assert.match(ds.find((x) => codeOf(x) === 'delimiter-choice')!.message, /comma chosen over semicolon/);
    assert.strictEqual(a.lint.state(uri)?.result.info.delimiter, ',');
    await vscode.commands.executeCommand('openData.reopenWithDelimiter', uri, ';');
    const t0 = Date.now();
    while (a.lint.state(uri)?.result.info.delimiter !== ';' && Date.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(a.lint.state(uri)?.result.info.delimiter, ';', 'read with the separator chosen');
    await vscode.commands.executeCommand('openData.reopenWithDelimiter', uri, 'auto');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
