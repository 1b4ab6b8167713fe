// Hostile files in the real extension host (issue #16): a folder of crafted workbooks and
// CSVs is added to the workspace; the extension must stay alive. The inventory reads them in
// the worker, which may die on a workbook (the readers' budgets are another branch's work):
// the file is then marked unreadable, the worker restarted, the other files still listed,
// and the commands still answer. Files are generated here and deleted afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { stagesSnapshot, type SnapshotNode } from './stages-snapshot';
import { hostileWorkbooks } from '../hostile/workbooks';
import { api, diagnosticsWhere, wsFile } from './lint.test';

const snapshot = () => stagesSnapshot();
const filesOf = (t: SnapshotNode[]) =>
  (t.find((s) => s.label.startsWith('2. '))?.children ?? []).filter((c) => c.contextValue?.startsWith('odw.file'));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    const v = await probe().catch((e) => ((last = e), undefined));
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${String(last ?? '')})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Hostile CSVs of the issue, a few hundred KB each. */
function hostileCsvs(): Record<string, Uint8Array> {
  const wide = ['a,b,c', Array.from({ length: 100_000 }, (_, i) => `x${i}`).join(',')].join('\n');
  const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',') + '\n1,2\n';
  const tabs = 'a;b\n1;' + '\t'.repeat(200_000) + 'x\n2;3\n';
  return { 'wide-row.csv': enc(wide), 'wide-header.csv': enc(header), 'tab-cell.csv': enc(tabs), 'ok.csv': enc('nom,montant\nA,1\nB,2\n') };
}

suite('Hostile files', () => {
  const dir = wsFile('hostile');
  const file = (name: string) => vscode.Uri.joinPath(dir, name);
  let names: string[] = [];

  suiteSetup(async function () {
    this.timeout(30_000);
    await api();
    await vscode.workspace.fs.createDirectory(dir);
    const all: Record<string, Uint8Array> = { ...hostileCsvs(), ...(await hostileWorkbooks()) };
    names = Object.keys(all);
    for (const [name, bytes] of Object.entries(all)) await vscode.workspace.fs.writeFile(file(name), bytes);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
  });

  test('the inventory lists every file, the hostile ones read or marked unreadable, and the host keeps its memory', async function () {
    this.timeout(150_000);
    // One refresh of everything: the CSVs in one request, each workbook in its own.
    await vscode.commands.executeCommand('openData.refreshStages');
    const tree = await until(
      'every hostile file to be read or marked unreadable',
      async () => {
        const files = filesOf(await snapshot()).filter((f) => names.some((n) => f.label === `hostile/${n}`));
        if (files.length === names.length && files.every((f) => f.description !== 'reading…')) return files;
        // Said on a time-out: which files are missing or still being read.
        const missing = names.filter((n) => !files.some((f) => f.label === `hostile/${n}`));
        throw new Error(`missing: ${missing.join(', ') || 'none'}; ${files.map((f) => `${f.label}: ${f.description}`).join('; ')}`);
      },
      120_000,
    );
    console.log(`hostile inventory: ${tree.map((f) => `${f.label}: ${f.description}`).join('; ')}`);
    const ok = tree.find((f) => f.label.endsWith('ok.csv'))!;
    assert.match(ok.description ?? '', /2 rows/);
    assert.match(tree.find((f) => f.label.endsWith('wide-row.csv'))!.description ?? '', /1 rows?/);
    const rss = process.memoryUsage().rss / 2 ** 20;
    assert.ok(rss < 1024, `extension host at ${Math.round(rss)} MB`);
  });

  test('after the worker died, linting still works: a CSV gets its squiggles, a workbook a source-error or its report', async function () {
    this.timeout(120_000);
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(wsFile('lint-basic.csv'));
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (d) => d.length > 0, 60_000);
    // A hostile workbook linted from disk: a number of problems (at least the source-error), never a hang.
    const n = await vscode.commands.executeCommand<number | undefined>('openData.lintFileOnDisk', file('hidden-cols.xlsx'));
    const ds = vscode.languages.getDiagnostics(file('hidden-cols.xlsx'));
    assert.ok(
      n !== undefined || ds.some((d) => /reading worker stopped/.test(d.message)),
      'the workbook got a report or was marked unreadable',
    );
    // A wide CSV linted from disk answers in bounded time.
    const t0 = Date.now();
    const wide = await vscode.commands.executeCommand<number | undefined>('openData.lintFileOnDisk', file('wide-header.csv'));
    assert.ok(wide !== undefined && wide > 0, `wide header: ${wide}`);
    assert.ok(Date.now() - t0 < 20_000, `wide header took ${Date.now() - t0} ms`);
    console.log(`hostile: worker started ${a.worker.starts} time(s)`);
  });
});
