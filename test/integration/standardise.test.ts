// The Standardise panel in a real VS Code host: the command opens the webview on a real export
// (the Aube subsidies workbook, French labels of the arrêté), the webview's script runs and
// sends the proposed mapping, the host previews it, and Write produces a CSV with every field
// of scdl/subventions in order and no structure error.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { lintFile } from '../../src/core/lint-file';
import { resolveTarget } from '../../src/core/standardise/target';

interface State {
  source: string;
  webviewReady: boolean;
  schema: string | null;
  fields: Record<string, Record<string, unknown>> | null;
  preview: { header: string[]; rows: number; errors: number; warnings: number; ms: number } | null;
  written: string | null;
}

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function state(ok: (s: State) => boolean, what: string, timeoutMs = 30_000): Promise<State> {
  const end = Date.now() + timeoutMs;
  let last: State | undefined;
  while (Date.now() < end) {
    last = await vscode.commands.executeCommand<State | undefined>('openData._standardiseState');
    if (last && ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)?.slice(0, 600)}`);
}

/** Rules that say the table itself is malformed (as opposed to a value to correct). */
const STRUCTURE = new Set([
  'blank-label',
  'duplicate-label',
  'extra-cell',
  'missing-cell',
  'header-not-first-row',
  'source-error',
  'delimiter',
  'encoding',
  'missing-label',
  'incorrect-label',
  'schema-field-missing',
]);

suite('Standardise to schema', () => {
  let written: string | null = null;
  const recipe = () => vscode.Uri.joinPath(folder(), '.opendata', 'recipes', 'sheet-aube.json');
  const replayed = () => vscode.Uri.joinPath(folder(), 'sheet-aube-subventions-2.csv');
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of [written, recipe().fsPath, replayed().fsPath]) if (f) fs.rmSync(f, { force: true });
  });

  test('maps the Aube export to scdl/subventions in the webview and writes the CSV', async () => {
    const source = vscode.Uri.joinPath(folder(), 'sheet-aube.xlsx');
    await vscode.commands.executeCommand('openData.standardise', source, 'Feuil1');
    const s = await state((x) => x.webviewReady && x.preview !== null, 'the proposal previewed by the webview');
    assert.strictEqual(s.schema, 'scdl/subventions');
    assert.deepStrictEqual(s.fields!.nomAttribuant, { column: 'Nom de l’attributaire' });
    assert.deepStrictEqual(s.fields!.idAttribuant, { column: 'Identification de l’attributaire (SIRET)' });
    assert.deepStrictEqual(s.fields!.montant, { column: 'Montant  total de la subvention' });
    assert.ok('map' in s.fields!.nature, 'Aide en numéraire → aide en numéraire by a value map');
    const target = resolveTarget('scdl/subventions');
    assert.deepStrictEqual(
      s.preview!.header,
      target.fields.map((f) => f.name),
    );
    assert.strictEqual(s.preview!.rows, 7);
    assert.ok(s.preview!.ms < 2000, `preview took ${s.preview!.ms} ms`);

    written = (await vscode.commands.executeCommand<string | undefined>('openData._standardiseWrite')) ?? null;
    assert.ok(written && fs.existsSync(written), 'a new file was written');
    assert.ok(written!.endsWith('sheet-aube-subventions.csv'), written!);
    const text = fs.readFileSync(written!, 'utf8');
    const header = text.split('\r\n')[0].split(',');
    for (const f of target.fields.filter((x) => x.required)) assert.ok(header.includes(f.name), `required column ${f.name}`);
    const report = await lintFile(written!, { schema: 'scdl/subventions' });
    const structural = report.diagnostics.filter((d) => STRUCTURE.has(d.rule));
    assert.deepStrictEqual(
      structural.map((d) => `${d.rule}: ${d.message}`),
      [],
    );
    // Opened beside the panel.
    await state((x) => x.written === written, 'the written file');
    const open = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === written);
    assert.ok(open, 'the standardised CSV is open');
  });

  test('the mapping is kept as the recipe of the source, and Replay Recipe… writes the same CSV again', async () => {
    assert.ok(written, 'the previous test wrote the CSV');
    const text = fs.readFileSync(recipe().fsPath, 'utf8');
    const step = JSON.parse(text).steps.find((s: { rule: string }) => s.rule === 'standardise');
    assert.strictEqual(step.standardise.schema.name, 'scdl/subventions');
    const source = vscode.Uri.joinPath(folder(), 'sheet-aube.xlsx');
    const ok = await vscode.commands.executeCommand<boolean>('openData.replayRecipe', source, recipe());
    assert.strictEqual(ok, true);
    assert.strictEqual(fs.readFileSync(replayed().fsPath, 'utf8'), fs.readFileSync(written!, 'utf8'));
  });
});
