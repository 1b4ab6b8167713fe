// Publishing in the real extension host against the local udata emulator: the key through
// the command (SecretStorage), one private dataset with its resource, ids recorded in
// .opendata/project.json, a second run updating without duplicate, the gate stopping
// personal data, the dry run, and the API key absent from every log.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { startUdataEmulator, type UdataEmulator } from '../emulator/udata';
import { diagnosticsWhere, wsFile, api } from './lint.test';

interface Outcome {
  ok: boolean;
  datasetId?: string;
  url?: string;
  resources?: Record<string, string>;
  requests?: unknown[];
  stopped?: string;
  error?: { kind?: string; message: string };
  log: string[];
}

const DATASET = { datapackage: 'publish-project/datapackage.json', name: 'publish-equipements' };
const CSV = '20240115_214900016_equipements.csv';
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

suite('Publish to a portal', () => {
  let emu: UdataEmulator;
  let portal: { name: string; type: 'udata'; url: string };
  const runs: Outcome[] = [];
  const publish = async (args: object, command = 'openData.publish') => {
    const out = (await vscode.commands.executeCommand(command, { portal, confirm: true, ...args })) as Outcome;
    runs.push(out);
    return out;
  };
  const project = () => JSON.parse(fs.readFileSync(wsFile('publish-project/.opendata/project.json').fsPath, 'utf8'));

  suiteSetup(async () => {
    await api();
    emu = await startUdataEmulator();
    portal = { name: 'Sandbox', type: 'udata', url: emu.url };
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('openData.forgetPortalApiKey', { portal });
    await emu?.stop();
  });

  test('the API key is set through the command with arguments', async () => {
    assert.equal(await vscode.commands.executeCommand('openData.setPortalApiKey', { portal, apiKey: emu.apiKey }), true);
  });

  test('publish creates exactly one private dataset with the resource and records the ids', async () => {
    const out = await publish({ dataset: DATASET, makePublic: false });
    assert.ok(out.ok, JSON.stringify(out));
    assert.equal(emu.state.countDatasets(), 1);
    const [d] = emu.state.liveDatasets();
    assert.equal(d.id, out.datasetId);
    assert.equal(d.private, true, 'a new dataset stays private');
    assert.equal(d.organization, 'org-demo');
    assert.equal(d.license, 'lov2');
    assert.deepEqual(
      d.resources.map((r) => r.filename),
      [CSV],
    );
    const pub = project().datasets['publish-equipements'].publication;
    assert.equal(pub.datasetId, out.datasetId);
    assert.equal(pub.portal, emu.url);
    assert.equal(pub.url, out.url);
    assert.ok(!Number.isNaN(Date.parse(pub.publishedAt)));
    assert.deepEqual(pub.resources, { [CSV]: d.resources[0].id });
    assert.equal(project().datasets['publish-equipements'].publishing, undefined, 'no half-done run left');
    assert.ok(!out.log.join('\n').includes('Etalab convention'), 'the fixture follows the naming convention');
  });

  test('publishing again updates the same dataset: no duplicate', async () => {
    const first = project().datasets['publish-equipements'].publication;
    const sent = Date.now();
    const out = await publish({ dataset: DATASET, makePublic: false });
    assert.ok(out.ok, JSON.stringify(out));
    assert.equal(out.datasetId, first.datasetId);
    assert.equal(emu.state.countDatasets(), 1);
    assert.equal(emu.state.countResources(), 1);
    assert.equal(emu.log.filter((e) => e.method === 'POST' && e.path.endsWith('/datasets/')).length, 1, 'one create only');
    // The file did not change since the first run: it is not sent again (#21).
    assert.ok(
      !emu.log.some((e) => e.method === 'POST' && e.path.endsWith('/upload/') && e.at >= sent),
      'an unchanged file is not uploaded again',
    );
    assert.match(out.log.join('\n'), /unchanged since the last publication/);
    assert.equal(emu.state.liveDatasets()[0].private, true);
  });

  test('makePublic: true publishes the dataset openly', async () => {
    const out = await publish({ dataset: DATASET, makePublic: true });
    assert.ok(out.ok, JSON.stringify(out));
    assert.equal(emu.state.countDatasets(), 1);
    assert.equal(emu.state.liveDatasets()[0].private, false);
    // An update keeps the visibility the dataset has on the portal.
    await publish({ dataset: DATASET });
    assert.equal(emu.state.liveDatasets()[0].private, false);
  });

  test('the dry run shows the requests, key masked, and sends nothing', async () => {
    const before = emu.log.length;
    const out = await publish({ dataset: DATASET }, 'openData.publishDryRun');
    assert.ok(out.ok, JSON.stringify(out));
    assert.ok(out.requests && out.requests.length >= 3, JSON.stringify(out.requests));
    assert.equal(emu.log.length, before, 'nothing reached the portal');
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.scheme, 'odw-publish-dry-run');
    assert.match(doc!.getText(), /\*\*\*/);
  });

  // Since #17 a personal e-mail is a warning in the editor (only a NIR is an error); the
  // publication gate below still blocks on it.
  test('the personal-data rule shows in the editor like any other rule', async () => {
    const uri = wsFile('publish-personal/publish-contacts.csv');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await diagnosticsWhere(uri, (d) => d.filter((x) => codeOf(x) === 'personal-data').length === 2);
    const pd = ds.filter((x) => codeOf(x) === 'personal-data');
    assert.ok(
      pd.every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      pd.map((d) => d.severity).join(','),
    );
    assert.deepEqual(pd.map((d) => d.range.start.line).sort(), [1, 2]);
  });

  test('personal data blocks the publication before any request', async () => {
    const before = emu.log.length;
    const out = await publish({
      dataset: { datapackage: 'publish-personal/datapackage.json', name: 'publish-contacts' },
      override: { reason: 'test' },
    });
    assert.equal(out.ok, false);
    assert.equal(out.stopped, 'personal-data');
    assert.equal(emu.log.length, before);
    assert.equal(emu.state.countDatasets(), 1);
  });

  test('a workspace setting turning personal-data off does not open the gate (#16)', async () => {
    const before = emu.log.length;
    const rules = vscode.workspace.getConfiguration('openData.lint');
    await rules.update('rules', { 'personal-data': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const out = await publish({
        dataset: { datapackage: 'publish-personal/datapackage.json', name: 'publish-contacts' },
        override: { reason: 'test' },
      });
      assert.equal(out.stopped, 'personal-data', JSON.stringify(out));
      assert.match(out.log.join('\n'), /overrides ignored before publishing.*personal-data = off/);
      assert.equal(emu.log.length, before);
    } finally {
      await rules.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('datapackage.json paths outside the project folder are refused before any request (#16)', async () => {
    const before = emu.log.length;
    const out = await publish({ dataset: { datapackage: 'publish-hostile/datapackage.json', name: 'publish-hostile' } });
    assert.equal(out.ok, false);
    assert.equal(out.stopped, 'unsafe-path', JSON.stringify(out));
    const log = out.log.join('\n');
    assert.match(log, /\.\.\/publish-project\/20240115_214900016_equipements\.csv/);
    assert.match(log, /\/etc\/hostname/);
    assert.equal(emu.log.length, before, 'nothing sent');
  });

  test('a TSV the portal does not accept: nothing created, then published as a CSV copy on request (#21)', async () => {
    const tsv = { datapackage: 'publish-tsv/datapackage.json', name: 'publish-salles' };
    const datasets = emu.state.countDatasets();
    const refused = await publish({ dataset: tsv });
    assert.equal(refused.ok, false);
    assert.equal(refused.error?.kind, 'extension-not-allowed', JSON.stringify(refused));
    assert.equal(emu.state.countDatasets(), datasets, 'no empty private dataset left behind');
    const out = await publish({ dataset: tsv, convertTsv: true });
    assert.ok(out.ok, JSON.stringify(out));
    const d = emu.state.find(out.datasetId!)!;
    assert.deepEqual(
      d.resources.map((r) => r.filename),
      ['20240115_214900016_salles.csv'],
    );
    assert.equal(
      fs.readFileSync(wsFile('publish-tsv/20240115_214900016_salles.tsv').fsPath, 'utf8').split('\t').length > 1,
      true,
      'the TSV is unchanged',
    );
    assert.match(
      fs.readFileSync(wsFile('publish-tsv/.opendata/converted/20240115_214900016_salles.csv').fsPath, 'utf8'),
      /^nom,commune,capacite\r\nSalle des fêtes,Montaigu-sur-Loire,300/,
    );
  });

  test('lint errors block unless overridden with a reason', async () => {
    const broken = { datapackage: 'publish-broken/datapackage.json', name: 'publish-broken' };
    const blocked = await publish({ dataset: broken });
    assert.equal(blocked.stopped, 'lint-errors');
    assert.match(blocked.log.join('\n'), /extra-cell|Extra cell/i);
    assert.equal(emu.state.countDatasets(), 2, 'nothing created for the blocked files');
    const out = await publish({ dataset: broken, override: { reason: 'known extra cell, fixed next month' } });
    assert.ok(out.ok, JSON.stringify(out));
    assert.match(out.log.join('\n'), /reason: known extra cell, fixed next month/);
    assert.match(out.log.join('\n'), /not named after the Etalab convention AAAAMMJJ_<SIREN>_<nom>: publish-broken\.csv/);
    assert.match(out.log.join('\n'), /No schema declared for publish-broken\.csv/);
    assert.equal(emu.state.countDatasets(), 3);
  });

  test('a linked dataset deleted on the portal is recreated on request, once', async () => {
    const old = project().datasets['publish-equipements'].publication.datasetId;
    emu.state.find(old)!.deleted = true;
    const refused = await publish({ dataset: DATASET });
    assert.equal(refused.error?.kind, 'linked-dataset-gone');
    const out = await publish({ dataset: DATASET, onLinkedGone: 'recreate' });
    assert.ok(out.ok, JSON.stringify(out));
    assert.notEqual(out.datasetId, old);
    assert.equal(project().datasets['publish-equipements'].publication.datasetId, out.datasetId);
    assert.equal(emu.state.countDatasets(), 3, 'the TSV and broken fixtures + the recreated one');
    assert.equal(emu.state.find(out.datasetId!)!.private, true, 'a recreated dataset starts private');
  });

  test('Publish as Reuse: the chart of the published dataset becomes one reuse, recorded in the project', async () => {
    await vscode.commands.executeCommand('openData.previewChart', wsFile(`publish-project/${CSV}`), {
      type: 'bar',
      category: 'nom',
      value: 'capacite',
      aggregation: 'sum',
      topN: 10,
      sort: 'value-desc',
      dateBucket: 'none',
    });
    const t0 = Date.now();
    for (;;) {
      const st = (await vscode.commands.executeCommand('openData._chartState')) as
        { table: string; webviewReady: boolean; view: { result: { series: unknown } } | null } | undefined;
      if (st?.webviewReady && st.view?.result.series && st.table.endsWith(CSV)) break;
      if (Date.now() - t0 > 30_000) throw new Error(`no chart drawn: ${JSON.stringify(st)?.slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const reuse = async (extra: object) => {
      const out = (await vscode.commands.executeCommand('openData.publishReuse', {
        portal,
        confirm: true,
        title: 'Capacité des équipements',
        description: 'La capacité d’accueil de chaque équipement, en un graphique.',
        ...extra,
      })) as Outcome & { reuseId?: string; page?: string };
      runs.push(out);
      return out;
    };
    // udata's default allow-list has no .html: without a URL nothing is created.
    const refused = await reuse({});
    assert.equal(refused.ok, false);
    assert.equal(refused.error?.kind, 'extension-not-allowed', JSON.stringify(refused));
    assert.equal(emu.reuses.live().length, 0);
    const page = fs.readFileSync(wsFile('publish-project/.opendata/reuses/capacite-des-equipements.html').fsPath, 'utf8');
    assert.ok(!/<script/i.test(page) && /default-src 'none'/.test(page), 'a self-contained page without script');
    assert.match(page, /Piscine des Ondines/);

    const url = 'https://ville.example.fr/equipements/graphique';
    const out = await reuse({ url });
    assert.ok(out.ok, JSON.stringify(out));
    const [r] = emu.reuses.live();
    assert.equal(r.id, out.reuseId);
    assert.equal(r.type, 'visualization');
    assert.equal(r.url, url);
    assert.deepEqual(r.datasets, [project().datasets['publish-equipements'].publication.datasetId]);
    assert.ok(r.image && r.image.size > 100, 'the chart PNG from the panel is the image');
    const rec = project().datasets['publish-equipements'].reuses['capacite-des-equipements'];
    assert.equal(rec.reuseId, r.id);
    assert.equal(rec.page, out.page);
    assert.equal(rec.portal, emu.url);
    assert.ok(rec.publishedAt);
    const again = await reuse({ url });
    assert.ok(again.ok, JSON.stringify(again));
    assert.equal(again.reuseId, r.id, 'the same reuse is updated');
    assert.equal(emu.reuses.live().length, 1, 'never a second reuse');
  });

  test('the API key appears in no log, request log or project file', async () => {
    const key = emu.apiKey;
    assert.ok(runs.length >= 5);
    for (const r of runs) assert.ok(!JSON.stringify(r).includes(key), `outcome: ${JSON.stringify(r).slice(0, 200)}`);
    assert.ok(
      runs.some((r) => r.log.length > 0),
      'the runs wrote log lines to the output channel',
    );
    assert.ok(!JSON.stringify(emu.log).includes(key), 'emulator request log');
    assert.ok(
      emu.log.some((e) => e.headers['x-api-key'] === '***'),
      'the key was sent, masked in the log',
    );
    assert.ok(!fs.readFileSync(wsFile('publish-project/.opendata/project.json').fsPath, 'utf8').includes(key));
    assert.ok(!fs.readFileSync(wsFile('publish-project/datapackage.json').fsPath, 'utf8').includes(key));
    const settings = JSON.stringify(vscode.workspace.getConfiguration('openData'));
    assert.ok(!settings.includes(key));
  });

  test('after "Forget Portal API Key", publishing without UI stops for want of a key', async () => {
    assert.equal(await vscode.commands.executeCommand('openData.forgetPortalApiKey', { portal }), true);
    const out = await publish({ dataset: DATASET });
    assert.equal(out.stopped, 'no-key');
  });
});
