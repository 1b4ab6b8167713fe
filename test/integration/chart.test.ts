// The chart panel in a real VS Code host: the command opens a webview beside the editor,
// the webview script runs, and the host posts the expected aggregated series; edits redraw
// it; a saved chart reopens from its file.
import * as assert from 'assert';
import * as vscode from 'vscode';

interface ChartTestState {
  table: string;
  webviewReady: boolean;
  view: {
    result: {
      config: { type: string; category: string | null; value: string | null; aggregation: string; topN: number };
      series: {
        labels: string[];
        values: (number | null)[];
        others: { categories: number; value: number } | null;
        stats: { rows: number };
      } | null;
    };
  } | null;
}

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the test hook until the last chart drawn satisfies `ok`. */
async function chartState(ok: (s: ChartTestState) => boolean, what: string, timeoutMs = 30_000): Promise<ChartTestState> {
  const end = Date.now() + timeoutMs;
  let last: ChartTestState | undefined;
  while (Date.now() < end) {
    last = await vscode.commands.executeCommand<ChartTestState | undefined>('openData._chartState');
    if (last && ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)?.slice(0, 500)}`);
}

function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('openData.chart'));
}

suite('Chart preview', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Preview Chart opens a panel beside the table with the suggested chart', async () => {
    const table = vscode.Uri.joinPath(folder(), 'chart-subventions.csv');
    const editor = await vscode.window.showTextDocument(table);
    await vscode.commands.executeCommand('openData.previewChart');
    const s = await chartState((x) => x.table === table.toString() && x.view !== null && x.webviewReady, 'the subventions chart');
    const { config, series } = s.view!.result;
    assert.deepStrictEqual([config.category, config.value, config.aggregation, config.topN], ['nomBeneficiaire', 'montant', 'sum', 15]);
    assert.strictEqual(series!.labels.length, 15);
    assert.strictEqual(series!.labels[0], "SASP OAJLP COTE D'AZUR");
    assert.strictEqual(series!.values[0], 460000);
    assert.strictEqual(series!.others!.categories, 14);
    assert.strictEqual(series!.stats.rows, 29);
    // Beside the editor, not over it.
    const tabs = chartTabs();
    assert.strictEqual(tabs.length, 1);
    assert.notStrictEqual(tabs[0].group.viewColumn, editor.viewColumn);
  });

  test('the command returns the same panel for the same table, with a new config', async () => {
    const table = vscode.Uri.joinPath(folder(), 'chart-subventions.csv');
    const config = { type: 'pie', category: 'nature', value: 'montant', aggregation: 'count', topN: 5, sort: 'label', dateBucket: 'none' };
    await vscode.commands.executeCommand('openData.previewChart', table, config);
    const s = await chartState((x) => x.view?.result.config.category === 'nature', 'the count by nature');
    assert.deepStrictEqual(s.view!.result.series!.labels, ['aide en numéraire', 'aide en numéraire;aide en nature']);
    assert.deepStrictEqual(s.view!.result.series!.values, [27, 2]);
    assert.strictEqual(chartTabs().length, 1);
  });

  test('the chart follows edits of the table, before they are saved', async () => {
    const table = vscode.Uri.joinPath(folder(), 'chart-subventions.csv');
    const doc = await vscode.workspace.openTextDocument(table);
    const config = {
      type: 'bar',
      category: 'nomBeneficiaire',
      value: 'montant',
      aggregation: 'sum',
      topN: 15,
      sort: 'value-desc',
      dateBucket: 'none',
    };
    await vscode.commands.executeCommand('openData.previewChart', table, config);
    await chartState((x) => x.view?.result.config.category === 'nomBeneficiaire', 'the sum by beneficiary');
    const edit = new vscode.WorkspaceEdit();
    const row =
      'ANTIBES,21060004500392,2018-01-01,CONV N° 1,NOUVELLE ASSOCIATION,,,Fonctionnement,999999,aide en numéraire,unique,,,non,0.1,\n';
    edit.insert(table, new vscode.Position(doc.lineCount - 1, 0), row);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const s = await chartState((x) => x.view?.result.series?.labels[0] === 'NOUVELLE ASSOCIATION', 'the edited chart');
    assert.strictEqual(s.view!.result.series!.values[0], 999999);
    assert.strictEqual(s.view!.result.series!.stats.rows, 30);
    await vscode.commands.executeCommand('workbench.action.files.revert', table);
  });

  test('a saved chart reopens from its file', async () => {
    const dir = vscode.Uri.joinPath(folder(), '.opendata', 'charts');
    await vscode.workspace.fs.createDirectory(dir);
    const file = vscode.Uri.joinPath(dir, 'budget-par-sens.json');
    const saved = {
      version: 1,
      title: 'Budget par sens',
      source: 'chart-budget.csv',
      config: {
        type: 'doughnut',
        category: 'BGT_CODRD',
        value: 'BGT_MTPREV',
        aggregation: 'sum',
        topN: 15,
        sort: 'label',
        dateBucket: 'none',
      },
    };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(saved)));
    await vscode.commands.executeCommand('openData.openSavedChart', file);
    const s = await chartState((x) => x.table.endsWith('chart-budget.csv') && x.view !== null, 'the saved budget chart');
    assert.strictEqual(s.view!.result.config.type, 'doughnut');
    assert.deepStrictEqual(s.view!.result.series!.labels, ['dépense', 'recette']);
    assert.deepStrictEqual(s.view!.result.series!.values, [2929800.5, 2516700]);
  });
});
