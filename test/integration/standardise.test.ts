// The Standardise panel in a real VS Code host: the command opens the webview on a real export
// (the Aube subsidies workbook, French labels of the arrêté), the webview's script runs and
// sends the proposed mapping, the host previews it, and Write produces a CSV with every field
// of scdl/subventions in order and no structure error. The notices area says which rows the run
// leaves out or writes as records (blank, totals), and its totals action drops them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
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
  table: { stack?: { files: { path: string }[]; column: string }; drop?: { totals?: boolean } } | null;
  proposedOps: { operation: string; reason: string }[];
  stackCandidates: string[];
  problem: string | null;
  /** What the webview's notices area shows. */
  shown: { heading: string; notices: { kind: string; text: string; action?: unknown }[] } | null;
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
  const extra: string[] = [];
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of [written, recipe().fsPath, replayed().fsPath, ...extra]) if (f) fs.rmSync(f, { force: true });
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

  test('stacks another file of the workspace under the sheet, and writes only where the user agreed', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Next year's rows of the same export: a CSV with the sheet's labels (test/fixtures/standardise/SOURCES.md).
    const book = vscode.Uri.joinPath(folder(), 'sheet-aube.xlsx');
    const next = vscode.Uri.joinPath(folder(), 'aube-2018.csv').fsPath;
    const taken = vscode.Uri.joinPath(folder(), 'aube-taken.csv').fsPath;
    extra.push(next, taken);
    fs.copyFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'standardise', 'aube-2018.csv'), next);
    fs.writeFileSync(taken, 'keep me\r\n');

    await vscode.commands.executeCommand('openData.standardise', book, 'Feuil1');
    let s = await state((x) => x.webviewReady && x.preview !== null && x.preview.rows === 7, 'the first preview');
    assert.ok(s.stackCandidates.includes('aube-2018.csv'), `offered: ${s.stackCandidates.join(', ')}`);
    assert.ok(!s.stackCandidates.some((c) => c.includes('Feuil2')), `empty sheets are not offered: ${s.stackCandidates.join(', ')}`);

    // A file the panel did not offer is refused (a message is only JSON from the webview).
    const stack = (p: string) => ({ type: 'table', table: { stack: { files: [{ path: p, label: '2018' }], column: 'Année' } } });
    await vscode.commands.executeCommand('openData._standardiseMessage', stack('../../../etc/passwd'));
    s = await state((x) => x.problem !== null, 'the refusal');
    assert.strictEqual(s.table, null);

    await vscode.commands.executeCommand('openData._standardiseMessage', stack('aube-2018.csv'));
    s = await state((x) => x.preview !== null && x.preview.rows === 9, 'the preview of the stacked rows');
    assert.deepStrictEqual(
      s.table!.stack!.files.map((f) => f.path),
      ['aube-2018.csv'],
    );
    assert.deepStrictEqual(s.fields!.montant, { column: 'Montant  total de la subvention' });

    // Never over a source, not over another file without a yes.
    const refused = await vscode.commands.executeCommand<string | undefined>('openData._standardiseWrite', { out: next, overwrite: true });
    assert.strictEqual(refused, undefined);
    assert.match((await state((x) => x.problem !== null, 'the refusal')).problem!, /never overwritten/);
    const declined = await vscode.commands.executeCommand<string | undefined>('openData._standardiseWrite', {
      out: taken,
      overwrite: false,
    });
    assert.strictEqual(declined, undefined);
    assert.strictEqual(fs.readFileSync(taken, 'utf8'), 'keep me\r\n');
    const out = await vscode.commands.executeCommand<string | undefined>('openData._standardiseWrite', { out: taken, overwrite: true });
    assert.strictEqual(out, taken);
    const lines = fs.readFileSync(taken, 'utf8').trim().split('\r\n');
    assert.strictEqual(lines.length, 1 + 9, 'the header and the 7 + 2 stacked rows');
    assert.strictEqual(lines[0].split(',')[0], 'nomAttribuant');
  });

  test('the proposal drops the totals rows and says why; unticked, the notice says them and its action drops them', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // A small subsidies export with a spacer row (line 4) and two totals rows (lines 6 and 8).
    const source = vscode.Uri.joinPath(folder(), 'subventions-totaux.csv');
    const out = vscode.Uri.joinPath(folder(), 'subventions-totaux-out.csv').fsPath;
    extra.push(source.fsPath, out, vscode.Uri.joinPath(folder(), '.opendata', 'recipes', 'subventions-totaux.json').fsPath);
    fs.copyFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'standardise', 'subventions-totaux.csv'), source.fsPath);
    await vscode.commands.executeCommand('openData.standardise', source);
    let s = await state(
      (x) => x.webviewReady && x.preview?.rows === 4 && x.shown !== null && x.shown.notices.length > 0,
      'the preview with the proposed drop.totals and its notices shown by the webview',
    );
    assert.deepStrictEqual(s.table, { drop: { totals: true } }, '"Drop totals rows" proposed');
    assert.deepStrictEqual(
      s.proposedOps.map((o) => [o.operation, o.reason]),
      [
        [
          'drop.totals',
          '2 totals rows in the rows read (lines 6, 8): a sum of the rows above is no record, and written as one it counts their amounts twice.',
        ],
      ],
    );
    assert.strictEqual(s.shown!.heading, 'In the whole file, read for the preview: rows left out or worth a look');
    assert.deepStrictEqual(
      s.shown!.notices.map((n) => [n.text, n.action]),
      [
        ['1 blank row not written (line 4).', undefined],
        ['2 totals rows not written: “Drop totals rows” is on (lines 6, 8).', undefined],
      ],
    );

    // Unticked (Apply without it): written, said, and the notice's button turns it on again.
    await vscode.commands.executeCommand('openData._standardiseMessage', { type: 'table', table: {} });
    s = await state(
      (x) => x.preview?.rows === 6 && x.shown !== null && x.shown.notices.some((n) => n.kind === 'totalsWritten'),
      'the totals written and said',
    );
    assert.deepStrictEqual(s.proposedOps, [], 'the table operations given are the user’s: nothing proposed over them');
    assert.deepStrictEqual(
      s.shown!.notices.map((n) => n.text),
      ['1 blank row not written (line 4).', '2 totals rows written as records (lines 6, 8).'],
    );
    const totals = s.shown!.notices.find((n) => n.kind === 'totalsWritten')!;
    assert.deepStrictEqual(totals.action, { drop: { totals: true } }, 'the button turns "Drop totals rows" on');
    assert.strictEqual(s.shown!.notices.find((n) => n.kind === 'blank')!.action, undefined, 'blank rows are never written: nothing to do');

    // The button sends the table operations as Apply does.
    await vscode.commands.executeCommand('openData._standardiseMessage', { type: 'table', table: totals.action });
    s = await state(
      (x) =>
        x.table?.drop?.totals === true &&
        x.preview?.rows === 4 &&
        x.shown !== null &&
        x.shown.notices.some((n) => n.kind === 'totalsDropped'),
      'the totals dropped and said so',
    );
    assert.deepStrictEqual(
      s.shown!.notices.map((n) => n.kind),
      ['blank', 'totalsDropped'],
    );

    // After Write, the notices are the written file's.
    assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('openData._standardiseWrite', { out }), out);
    s = await state((x) => x.shown?.heading === 'In the file written: rows left out or worth a look', 'the notices of the write');
    assert.deepStrictEqual(
      s.shown!.notices.map((n) => n.text),
      ['1 blank row not written (line 4).', '2 totals rows not written: “Drop totals rows” is on (lines 6, 8).'],
    );
    assert.strictEqual(fs.readFileSync(out, 'utf8').trim().split('\r\n').length, 1 + 4, 'the header and the 4 subsidies');
  });
});
