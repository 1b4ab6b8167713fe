// The CSV lint as a user meets it in the real extension host: squiggles on exact cells,
// updates on edit, status bar counts.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestProbes as Api } from '../../src/vscode/test-probes';

export const EXT_ID = 'opendata-workbench.open-data-workbench';

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api | undefined>(EXT_ID);
  assert.ok(ext, 'extension installed');
  const probes = await ext.activate();
  assert.ok(probes, 'test probes (the host runs in ExtensionMode.Test)');
  return probes;
}

export function wsFile(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders![0].uri;
  return vscode.Uri.joinPath(root, name);
}

/** Polls until `pred` holds for the URI's diagnostics (VS Code publishes asynchronously). */
export async function diagnosticsWhere(
  uri: vscode.Uri,
  pred: (ds: vscode.Diagnostic[]) => boolean,
  ms = 20000,
): Promise<vscode.Diagnostic[]> {
  const t0 = Date.now();
  for (;;) {
    const ds = vscode.languages.getDiagnostics(uri);
    if (pred(ds)) return ds;
    if (Date.now() - t0 > ms) throw new Error(`timeout; diagnostics were: ${JSON.stringify(ds.map((d) => [d.code, d.message, d.range]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const rangeStr = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

suite('CSV lint in the editor', () => {
  test('opening a CSV shows diagnostics on the exact cells', async () => {
    await api();
    const uri = wsFile('lint-basic.csv');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'csv');
    const ds = await diagnosticsWhere(uri, (d) => d.length >= 3);
    const got = ds.map((d) => `${codeOf(d)} ${rangeStr(d.range)}`).sort();
    assert.deepEqual(got, ['cell-whitespace 1:0-1:8', 'date-format 2:5-2:15', 'missing-cell 3:4-3:4']);
    const ws = ds.find((d) => codeOf(d) === 'cell-whitespace')!;
    assert.equal(ws.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(ws.source, 'Open Data');
    assert.match(ws.message, /ASSIANA/);
    const target = (ws.code as { target: vscode.Uri }).target;
    assert.match(target.path, /docs\/rules\/cell-whitespace\.md$/, 'the rule id links to its docs page');
  });

  test('editing the document updates the diagnostics', async () => {
    const uri = wsFile('lint-basic.csv');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.replace(new vscode.Range(1, 0, 1, 8), 'ASSIANA'));
    const ds = await diagnosticsWhere(uri, (d) => !d.some((x) => codeOf(x) === 'cell-whitespace'));
    assert.deepEqual(ds.map(codeOf).sort(), ['date-format', 'missing-cell']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the status bar counts match the Problems entries; encoding and separator shown', async () => {
    const a = await api();
    const uri = wsFile('subventions-2024.csv');
    await vscode.window.showTextDocument(uri);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'totals-row'));
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    // The status bar refreshes on the same event that publishes diagnostics.
    const t0 = Date.now();
    while (!a.status.item.text.includes(`$(error) ${errors} $(warning) ${warnings}`) && Date.now() - t0 < 5000)
      await new Promise((r) => setTimeout(r, 100));
    assert.match(a.status.item.text, new RegExp(`\\$\\(error\\) ${errors} \\$\\(warning\\) ${warnings}`));
    assert.ok(ds.length > 10, 'the messy sample has many problems');
    assert.equal(a.lint.state(uri)?.core.length, ds.length);
  });

  test('Lint File on Disk on a 20 MB CSV lints it in two parts on two threads, duplicates across the cut named right', async () => {
    const a = await api();
    const lines = ['nom;montant;date;commentaire'];
    for (let i = 0; lines.length * 55 < 20_000_000; i++)
      lines.push(`Association ${i};${(i * 37) % 100000}.50;2024-03-${String((i % 28) + 1).padStart(2, '0')};ligne ${i}`);
    const n = lines.length;
    // Near the end (after the cut): a copy of data row 10 (file row 11) and a display-formatted amount.
    lines[n - 5] = lines[10];
    lines[n - 3] = `Association X;1 234,50;2024-03-01;ligne X`;
    const uri = wsFile('split-20mb.csv');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(lines.join('\n') + '\n'));
    const report = (await a.worker.run('lintFile', { path: uri.fsPath, options: { maxProblems: 1000 } })) as {
      reading?: unknown;
      rows: number;
    };
    // 20 MB makes two parts of at least 8 MB wherever there are two cores (CI has two).
    if (os.availableParallelism() >= 2)
      assert.deepStrictEqual(report.reading, { parts: 2 }, 'the worker bundle of the extension splits a large CSV');
    assert.strictEqual(report.rows, n - 1);
    const count = await vscode.commands.executeCommand<number>('openData.lintFileOnDisk', uri);
    assert.ok(typeof count === 'number' && count >= 2);
    const ds = vscode.languages.getDiagnostics(uri);
    const dup = ds.find((d) => codeOf(d) === 'duplicate-row');
    assert.strictEqual(dup?.range.start.line, n - 5, 'the copied row, 0-based editor line');
    assert.match(dup!.message, /\b11\b/, `names file row 11: ${dup?.message}`);
    const amount = ds.find((d) => codeOf(d) === 'number-format');
    assert.strictEqual(amount?.range.start.line, n - 3);
  });

  test('Lint File on Disk publishes problems for a file that is not open', async () => {
    await api();
    const uri = wsFile(path.posix.join('subventions-2024.csv'));
    const n = await vscode.commands.executeCommand<number>('openData.lintFileOnDisk', uri);
    assert.ok(typeof n === 'number' && n > 10);
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'encoding'));
  });
});
