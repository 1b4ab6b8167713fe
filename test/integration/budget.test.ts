// Budget acts in the real host: an act opens in the budget view (header and lines rendered by
// the webview), converts to a CSV that opens with 0 schema errors and joins the stage tree with
// its metadata prefilled.
import * as assert from 'assert';
import { readFileSync, rmSync } from 'fs';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { gunzipSync } from 'zlib';
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
    assert.equal(meta.organization, 'Crach');
    const res = dp.resources.find((x: { path: string }) => x.path === 'budget-crach-bp-2022.csv');
    assert.equal(res.schema, 'scdl/budget');
    assert.equal(res.schemaVersion, '0.8.3');
    await until(
      () => stagesSnapshot(),
      (t) => JSON.stringify(t).includes('budget-crach-bp-2022.csv'),
      'the CSV in the stage tree',
    );
  });

  test('the converted CSV charts as a treemap of the dépenses by chapter then nature, small ones as others', async () => {
    await vscode.commands.executeCommand('openData.previewChart', csv);
    type Chart = {
      table: string;
      webviewReady: boolean;
      view: {
        result: {
          config: { type: string; category: string; subcategory?: string; filter?: { value: string } };
          series: { labels: string[]; others: unknown; children?: { labels: string[]; others: unknown }[] } | null;
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
    assert.equal(config.subcategory, 'BGT_NATURE_LABEL');
    const natures = series!.children![series!.labels.indexOf('Charges à caractère général')];
    assert.ok(natures.labels.length > 1 && natures.others, JSON.stringify(natures));
    // Drawn by the webview: a canvas with rectangles and their labels, not an empty background.
    const png = await until(
      async () => (await vscode.commands.executeCommand<string | null>('openData._chartPng')) ?? undefined,
      (d) => typeof d === 'string',
      'the PNG of the treemap',
    );
    assert.ok(Buffer.from(png.slice(png.indexOf(',') + 1), 'base64').length > 15000, `PNG of ${png.length} chars`);
  });

  test('an existing CSV is never replaced without asking', async () => {
    const out = wsFile('budget-crach-bp-2022-copy.csv');
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode('mine\n'));
    const win = vscode.window as { showWarningMessage: (...a: unknown[]) => Thenable<unknown> };
    const real = win.showWarningMessage;
    const asked: string[] = [];
    try {
      win.showWarningMessage = async (message: unknown) => (asked.push(String(message)), undefined);
      const cancelled = await vscode.commands.executeCommand('openData.convertBudget', act, { out });
      assert.equal(cancelled, undefined);
      assert.match(asked[0] ?? '', /already exists/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(out)), 'mine\n', 'untouched when the user cancels');
      win.showWarningMessage = async (message: unknown, ...items: unknown[]) => (
        asked.push(String(message)),
        items.find((i) => i === 'Replace')
      );
      const r = await vscode.commands.executeCommand<{ rows: number }>('openData.convertBudget', act, { out });
      assert.equal(r.rows, 201);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(out)), /^BGT_NATDEC,/);
    } finally {
      win.showWarningMessage = real;
      await vscode.workspace.fs.delete(out).then(undefined, () => undefined);
    }
  });

  test('a plan not bundled is downloaded into the global storage cache, then read from it', async () => {
    // A local server standing for odm-budgetaire.org, serving the 2022 M14 plan for 2024.
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'open-data-workbench')!;
    const plan = gunzipSync(readFileSync(path.join(ext.extensionPath, 'data/plans/2022/M14/M14_COM_500_3500/planDeCompte.xml.gz')));
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url === '/2024/M14/M14_COM_500_3500/planDeCompte.xml') res.end(plan);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    process.env.ODW_PLANS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const act2024 = wsFile('budget-crach-bp-2024.xml');
    let cached = '';
    try {
      const xml = Buffer.from(await vscode.workspace.fs.readFile(act))
        .toString('latin1')
        .replace('<Exer V="2022"/>', '<Exer V="2024"/>');
      await vscode.workspace.fs.writeFile(act2024, Buffer.from(xml, 'latin1'));
      await vscode.commands.executeCommand('vscode.openWith', act2024, 'openData.budget');
      type Plan = { sent: { data?: { plan?: { source: string; where: string } } } };
      const s = await until(
        () => vscode.commands.executeCommand<Plan>('openData._budgetViewState', act2024),
        (v) => !!v.sent.data?.plan,
        'the 2024 act in the view',
      );
      assert.equal(s.sent.data!.plan!.source, 'download', JSON.stringify(s.sent.data!.plan));
      cached = s.sent.data!.plan!.where;
      assert.match(cached, /globalStorage.*[\\/]plans[\\/]2024[\\/]M14[\\/]M14_COM_500_3500[\\/]planDeCompte\.xml$/);
      assert.deepEqual(asked, ['/2024/M14/M14_COM_500_3500/planDeCompte.xml']);
      const out = wsFile('budget-crach-bp-2024.csv');
      const r = await vscode.commands.executeCommand<{ rows: number }>('openData.convertBudget', act2024, { out, overwrite: true });
      assert.equal(r.rows, 201);
      assert.equal(asked.length, 1, 'the second read comes from the cache, not the network');
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(out));
      assert.match(csv, /,011,Charges à caractère général,/);
    } finally {
      delete process.env.ODW_PLANS_URL;
      server.close();
      if (cached) rmSync(cached, { force: true });
      for (const u of [act2024, wsFile('budget-crach-bp-2024.csv')]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
  });
});
