// Budget acts in the real host: an act opens in the budget view (header and lines rendered by
// the webview), converts to a CSV that opens with 0 schema errors and joins the stage tree with
// its metadata prefilled.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { stagesSnapshot } from './stages-snapshot';
import { api, diagnosticsWhere, wsFile } from './lint.test';

interface ViewState {
  sent: {
    type: string;
    data?: { ok: boolean; header?: { libelleColl: string; idEtab: string }; total?: number; meta?: { title: string } };
  };
  rendered?: { title: string; rows: number };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(get: () => Thenable<T | undefined> | T | undefined, ok: (v: T) => boolean, what: string, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await get();
    if (last !== undefined && ok(last)) return last;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 600)}`);
}

suite('Budget acts', () => {
  const act = wsFile('budget-crach-bp-2022.xml');
  const csv = wsFile('budget-crach-bp-2022.csv');
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of [csv, wsFile('datapackage.json'), wsFile('.opendata')])
      await vscode.workspace.fs.delete(u, { recursive: true }).then(undefined, () => undefined);
  });

  test('an act opened as text is shown in the budget view, with its header and lines', async () => {
    await api();
    await vscode.window.showTextDocument(act);
    const tab = await until(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'openData.budget'),
      () => true,
      'the budget view tab',
    );
    assert.ok(tab);
    await until(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === act.toString()).length,
      (n) => n === 0,
      'the text tab to be replaced',
    );
    const s = await until(
      () => vscode.commands.executeCommand<ViewState>('openData._budgetViewState', act),
      (v) => !!v.rendered,
      'the page to render',
    );
    assert.equal(s.sent.data?.ok, true);
    assert.equal(s.sent.data?.header?.libelleColl, 'CRACH');
    assert.equal(s.sent.data?.total, 201);
    assert.equal(s.rendered!.title, 'Budget primitif 2022 — Crach');
    assert.equal(s.rendered!.rows, 201);
  });

  test('convert writes the CSV, opens it with 0 schema errors and adds it to the project with metadata', async () => {
    const r = await vscode.commands.executeCommand<{ out: vscode.Uri; rows: number; dataset?: string }>('openData.convertBudget', act, {
      overwrite: true,
    });
    assert.equal(r.rows, 201);
    assert.equal(r.out.toString(), csv.toString());
    const editor = await until(
      () => vscode.window.activeTextEditor,
      (e) => e.document.uri.toString() === csv.toString(),
      'the CSV editor',
    );
    assert.match(editor.document.lineAt(0).text, /^BGT_NATDEC,BGT_ANNEE/);
    // The CSV has warnings (empty optional columns): their arrival says the lint ran.
    const ds = await diagnosticsWhere(csv, (d) => d.length > 0, 20000);
    assert.deepEqual(
      ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message),
      [],
    );
    const dp = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(wsFile('datapackage.json'))));
    const meta = dp.datasets.find((d: { name: string }) => d.name === r.dataset);
    assert.equal(meta.title, 'Budget primitif 2022 — Crach');
    assert.deepEqual(meta.temporalCoverage, { start: '2022-01-01', end: '2022-12-31' });
    assert.equal(meta.siret, '21560046100010');
    const res = dp.resources.find((x: { path: string }) => x.path === 'budget-crach-bp-2022.csv');
    assert.equal(res.schema, 'scdl/budget');
    await until(
      () => stagesSnapshot(),
      (t) => JSON.stringify(t).includes('budget-crach-bp-2022.csv'),
      'the CSV in the stage tree',
    );
  });

  test('the converted CSV charts as a treemap of the dépenses by chapter, small ones as others', async () => {
    await vscode.commands.executeCommand('openData.previewChart', csv);
    type Chart = {
      table: string;
      webviewReady: boolean;
      view: {
        result: {
          config: { type: string; category: string; filter?: { value: string } };
          series: { labels: string[]; others: unknown } | null;
        };
      } | null;
    };
    const s = await until(
      () => vscode.commands.executeCommand<Chart>('openData._chartState'),
      (x) => x.table.endsWith('budget-crach-bp-2022.csv') && x.webviewReady && !!x.view?.result.series,
      'the treemap',
    );
    const { config, series } = s.view!.result;
    assert.deepEqual([config.type, config.category, config.filter?.value], ['treemap', 'BGT_CONTNAT_LABEL', 'dépense']);
    assert.ok(series!.labels.includes('Charges à caractère général'), series!.labels.join(' | '));
  });
});
