// The five-stage tree in the real host: stages and checklists, the inventory of the fixture
// workspace, adding a dataset (datapackage.json written), live counts equal to the
// Problems panel, project.json writes, broken files as diagnostics, saved charts listed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { stagesSnapshot, type SnapshotNode } from './stages-snapshot';
import { api, diagnosticsWhere, wsFile } from './lint.test';

const snapshot = () => stagesSnapshot();
const stage = (tree: SnapshotNode[], n: number) => tree.find((s) => s.label.startsWith(`${n}. `))!;
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Polls the tree until `pred` holds (file watchers and diagnostics are asynchronous). */
async function treeWhere(pred: (t: SnapshotNode[]) => boolean, ms = 15000): Promise<SnapshotNode[]> {
  const t0 = Date.now();
  for (;;) {
    const t = await snapshot();
    if (pred(t)) return t;
    if (Date.now() - t0 > ms) throw new Error(`timeout; tree was: ${JSON.stringify(t, null, 1)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

suite('Stages tree', () => {
  const dp = wsFile('datapackage.json');
  const opendata = wsFile('.opendata');

  /**
   * The dataset and project.json the earlier tests of this suite build, made here when missing, so
   * that a test run alone (ODW_TEST_GREP='Publish') starts from them too: the parsed project.json.
   */
  async function ensureProject(): Promise<{ file: vscode.Uri; project: Record<string, any> }> {
    const listed = await vscode.workspace.fs.readFile(dp).then(
      (b) => (JSON.parse(decode(b)).resources ?? []).some((r: { dataset?: string }) => r.dataset === 'stages-subventions'),
      () => false,
    );
    if (!listed) await vscode.commands.executeCommand('openData.addDataset', wsFile('stages-subventions.csv'));
    const file = vscode.Uri.joinPath(opendata, 'project.json');
    const project = await vscode.workspace.fs.readFile(file).then(
      (b) => JSON.parse(decode(b)),
      () => ({}),
    );
    return { file, project };
  }

  suiteTeardown(async () => {
    for (const u of [dp, opendata]) await vscode.workspace.fs.delete(u, { recursive: true }).then(undefined, () => undefined);
  });

  test('shows the five stages with their checklists', async () => {
    await api();
    const tree = await snapshot();
    assert.deepEqual(
      tree.map((s) => s.label.replace(/^\d\. /, '')),
      ['Diagnostic', 'Identification', 'Preparation and quality', 'Publication', 'Promotion'],
    );
    const diag = stage(tree, 1).children!;
    assert.deepEqual(
      diag.filter((c) => c.contextValue === 'odw.check').map((c) => c.checked),
      [false, false, false],
    );
    assert.ok(diag.some((c) => c.contextValue === 'odw.notes'));
    assert.equal(stage(tree, 1).description, '0/3');
  });

  test('the inventory lists the fixture tables with rows and detected schema', async () => {
    const tree = await treeWhere((t) =>
      (stage(t, 2).children ?? []).some((c) => c.label === 'stages-subventions.csv' && /scdl\/subventions/.test(c.description ?? '')),
    );
    const files = stage(tree, 2).children!.filter((c) => c.contextValue?.startsWith('odw.file'));
    const labels = files.map((f) => f.label);
    for (const name of ['stages-subventions.csv', 'stages-communes.csv', 'lint-basic.csv'])
      assert.ok(labels.includes(name), `${name} in ${labels}`);
    assert.match(files.find((f) => f.label === 'stages-communes.csv')!.description!, /2 rows/);
  });

  test('addDataset with a Uri writes datapackage.json and the dataset appears with live counts', async () => {
    const csv = wsFile('stages-subventions.csv');
    const name = await vscode.commands.executeCommand<string>('openData.addDataset', csv);
    assert.equal(name, 'stages-subventions');
    const written = JSON.parse(decode(await vscode.workspace.fs.readFile(dp)));
    assert.deepEqual(written.resources, [
      {
        name: 'stages-subventions',
        path: 'stages-subventions.csv',
        format: 'csv',
        dataset: 'stages-subventions',
        schema: 'scdl/subventions',
      },
    ]);

    const before = await treeWhere((t) => JSON.stringify(stage(t, 3)).includes('stages-subventions.csv'));
    const unlinted = stage(before, 3).children!.find((c) => c.contextValue === 'odw.dataset.preparation')!.children![0];
    assert.equal(unlinted.description, 'not validated yet', 'no diagnostics yet does not mean clean');

    await vscode.window.showTextDocument(csv);
    const ds = await diagnosticsWhere(csv, (d) => d.length > 0);
    await new Promise((r) => setTimeout(r, 1500));
    const now = vscode.languages.getDiagnostics(csv);
    const errors = now.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = now.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    assert.ok(ds.length);
    const tree = await treeWhere((t) => {
      const r = stage(t, 3).children?.find((c) => c.contextValue === 'odw.dataset.preparation')?.children?.[0];
      return r?.description === `${errors} errors, ${warnings} warnings`;
    });
    const prep = stage(tree, 3).children!.find((c) => c.contextValue === 'odw.dataset.preparation')!;
    assert.equal(prep.description, `${errors} errors, ${warnings} warnings`);
    assert.equal(prep.children![0].contextValue, 'odw.resource');
    // Identification marks the file as part of the dataset.
    assert.ok(stage(tree, 2).children!.some((c) => c.label === 'stages-subventions.csv' && c.contextValue === 'odw.file.added'));
  });

  test('with datapackage.json open in an editor, adding a file edits the document and saves it', async () => {
    const doc = await vscode.workspace.openTextDocument(dp);
    await vscode.window.showTextDocument(doc);
    const name = await vscode.commands.executeCommand<string>(
      'openData.addDataset',
      wsFile('stages-communes.csv'),
      undefined,
      'stages-subventions',
    );
    assert.equal(name, 'stages-subventions');
    assert.equal(doc.isDirty, false);
    const resources = JSON.parse(doc.getText()).resources as { path: string; dataset: string }[];
    assert.deepEqual(
      resources.map((r) => [r.path, r.dataset]),
      [
        ['stages-subventions.csv', 'stages-subventions'],
        ['stages-communes.csv', 'stages-subventions'],
      ],
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Publication shows metadata completeness, the quality score and the target portal', async () => {
    await vscode.commands.executeCommand('openData.setTargetPortal', 'https://demo.data.gouv.fr');
    const project = JSON.parse(decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(opendata, 'project.json'))));
    assert.equal(project.targetPortal, 'https://demo.data.gouv.fr');
    // A checklist ticked by hand in the file shows in the tree (the file is the state).
    project.stages = { publication: { checklist: { contacts: true } } };
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(opendata, 'project.json'),
      new TextEncoder().encode(JSON.stringify(project, null, 2)),
    );
    const ticked = await treeWhere((t) => stage(t, 4).description === '1/4');
    assert.equal(stage(ticked, 4).children!.find((c) => c.label === 'Contact agents named')!.checked, true);
    const tree = await treeWhere(
      (t) =>
        stage(t, 4).children?.[stage(t, 4).children!.findIndex((c) => c.contextValue === 'odw.portal')]?.description ===
        'https://demo.data.gouv.fr',
    );
    const ds = stage(tree, 4).children!.find((c) => c.contextValue === 'odw.dataset.publication')!;
    // A CSV that exists and nothing else: the open-format and availability points, and "in time" has no frequency yet.
    assert.equal(ds.description, 'quality 2/9');
    assert.deepEqual(
      ds.children!.map((c) => c.contextValue),
      ['odw.completeness', 'odw.quality', 'odw.unpublished'],
    );
    assert.equal(ds.children![0].label, 'Metadata: 1/8 fields');
    assert.equal(ds.children![1].children!.length, 9);
  });

  test('a publication recorded in project.json shows as published', async () => {
    const file = vscode.Uri.joinPath(opendata, 'project.json');
    const project = JSON.parse(decode(await vscode.workspace.fs.readFile(file)));
    project.datasets = {
      'stages-subventions': {
        publication: {
          datasetId: 'abc',
          url: 'https://demo.data.gouv.fr/fr/datasets/abc/',
          publishedAt: '2024-03-01T10:00:00Z',
          portal: 'https://demo.data.gouv.fr',
        },
      },
    };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(project)));
    await treeWhere((t) => JSON.stringify(stage(t, 4)).includes('"odw.published"'));
  });

  test('a broken datapackage.json gives diagnostics on the file, and the tree keeps working', async () => {
    const good = await vscode.workspace.fs.readFile(dp);
    await vscode.workspace.fs.writeFile(dp, new TextEncoder().encode('{ "resources": [ }'));
    const ds = await diagnosticsWhere(dp, (d) => d.length === 1);
    assert.match(ds[0].message, /Invalid JSON/);
    assert.equal((await snapshot()).length, 5);
    await vscode.workspace.fs.writeFile(dp, new TextEncoder().encode('{ "resources": [{ "name": "Bad", "path": "x.csv" }] }'));
    await diagnosticsWhere(dp, (d) => d.length === 1 && /\/resources\/0\/name/.test(d[0].message));
    await vscode.workspace.fs.writeFile(dp, good);
    await diagnosticsWhere(dp, (d) => d.length === 0);
  });

  test('saved charts are listed under Valorisation for their dataset', async () => {
    const chart = {
      version: 1,
      title: 'Montants par bénéficiaire',
      source: 'stages-subventions.csv',
      config: { type: 'bar', category: 'nomBeneficiaire', value: 'montant', aggregation: 'sum' },
    };
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(opendata, 'charts', 'montants.json'),
      new TextEncoder().encode(JSON.stringify(chart)),
    );
    const tree = await treeWhere((t) => JSON.stringify(stage(t, 5)).includes('Montants par bénéficiaire'));
    const ds = stage(tree, 5).children!.find((c) => c.contextValue === 'odw.dataset.valorisation')!;
    assert.equal(ds.description, '1 charts');
    assert.equal(ds.children![0].contextValue, 'odw.chart');
  });

  test('a reuse recorded by "Publish as Reuse…" is listed under Valorisation with its link', async () => {
    const { file, project } = await ensureProject();
    const entry = ((project.datasets ??= {})['stages-subventions'] ??= {});
    entry.reuses = {
      montants: {
        portal: 'https://demo.data.gouv.fr',
        reuseId: 'r1',
        title: 'Montants par bénéficiaire',
        page: 'https://demo.data.gouv.fr/fr/reuses/r1/',
        publishedAt: '2024-03-02T10:00:00Z',
      },
      // An interrupted one (no page yet) is not listed.
      pending: { portal: 'https://demo.data.gouv.fr', marker: 'm' },
    };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(project)));
    const tree = await treeWhere((t) => JSON.stringify(stage(t, 5)).includes('odw.reuse'));
    const ds = stage(tree, 5).children!.find((c) => c.contextValue === 'odw.dataset.valorisation')!;
    const reuses = ds.children!.filter((c) => c.contextValue === 'odw.reuse');
    assert.deepEqual(
      reuses.map((r) => r.label),
      ['Reuse: Montants par bénéficiaire'],
    );
    assert.equal(reuses[0].description, 'https://demo.data.gouv.fr');
  });

  test('Edit Dataset Metadata opens the form of the dataset in a webview', async () => {
    const name = await vscode.commands.executeCommand<string>('openData.editMetadata', 'stages-subventions');
    assert.equal(name, 'stages-subventions');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    // The tab model follows the panel asynchronously.
    for (let i = 0; i < 50 && !tabs().some((t) => t.label === 'Metadata: stages-subventions'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const tab = tabs().find((t) => t.label === 'Metadata: stages-subventions');
    assert.ok(tab, `tabs: ${tabs().map((t) => t.label)}`);
    assert.ok(tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('openData.metadata'));
    await vscode.window.tabGroups.close(tab);
  });
});
