// The whole catalog in the editor: pick a non-SCDL schema and an older version from "Select
// Schema…" with the keyboard, get squiggles from that version, its pin in datapackage.json,
// and the status bar naming it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { api, diagnosticsWhere, wsFile } from './lint.test';

const codeOf = (d: vscode.Diagnostic) => String((d.code as { value: string }).value);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Moves down `n` items of the open QuickPick and accepts (separators are skipped). */
async function pickNth(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

suite('Schema catalog in the editor', () => {
  test('picking Lieux de covoiturage 0.3.0 from the picker: its squiggles, pin and status', async () => {
    const a = await api();
    const uri = wsFile('catalog-pin/lieux.csv');
    await vscode.window.showTextDocument(uri);
    const listing = await a.worker.run('catalogListing', {});
    const k = listing.schemas.findIndex((s) => s.name === 'etalab/schema-lieux-covoiturage');
    assert.ok(k >= 0, 'covoiturage is in the catalog');
    const versions = listing.schemas[k].versions.map((v) => v.version);
    const picking = vscode.commands.executeCommand('openData.selectSchema', uri);
    // Items: Detect, No schema, then the catalog's schemas (separators are not stops).
    await sleep(1500);
    await pickNth(2 + k);
    await sleep(1000);
    await pickNth(versions.indexOf('0.3.0'));
    await picking;
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'schema-outdated'), 20000);
    // Row 3, insee "2C029": the schema's pattern, on that cell.
    const insee = ds.find((d) => codeOf(d) === 'constraint-error' && d.range.start.line === 2);
    assert.ok(insee, ds.map((d) => `${d.range.start.line}:${codeOf(d)}`).join(' '));
    assert.match(insee.message, /insee|pattern|motif/i);
    // The older version says the newer one exists, on the header.
    const outdated = ds.find((d) => codeOf(d) === 'schema-outdated');
    assert.ok(outdated && outdated.range.start.line === 0, 'newer version notice');
    assert.match(outdated.message, /0\.3\.1/);
    const t0 = Date.now();
    while (!/covoiturage/i.test(a.status.schemaItem.text) && Date.now() - t0 < 5000) await sleep(100);
    assert.match(a.status.schemaItem.text, /Lieux de covoiturage 0\.3\.0 — 13\/18/);
    // The version is pinned in the datapackage.json above the file, left unsaved.
    const dp = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('catalog-pin/datapackage.json'));
    assert.ok(dp?.isDirty, 'datapackage.json edited');
    assert.equal(
      JSON.parse(dp.getText()).resources[0].schema,
      'https://schema.data.gouv.fr/schemas/etalab/schema-lieux-covoiturage/0.3.0/schema.json',
    );
    await vscode.window.showTextDocument(dp);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('openData.selectSchema', uri, 'auto');
  });

  test('Update Schema Catalog: fetched from a local server into global storage, then back to the bundled copy', async () => {
    const a = await api();
    let base = '';
    const server = http.createServer((req, res) => {
      if (req.url === '/schemas/schemas.json') {
        res.writeHead(200, { 'content-type': 'application/json', etag: '"h1"' });
        return res.end(
          JSON.stringify({
            schemas: [
              {
                name: 'test/lieux-test',
                title: 'Lieux de test',
                schema_type: 'tableschema',
                labels: [],
                versions: [{ version_name: '1.0.0', schema_url: `${base}/schemas/test/lieux-test/1.0.0/schema.json` }],
                schema_url: `${base}/schemas/test/lieux-test/latest/schema.json`,
              },
            ],
          }),
        );
      }
      if (req.url === '/schemas/test/lieux-test/1.0.0/schema.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ fields: [{ name: 'id_lieu' }, { name: 'nom' }, { name: 'commune' }] }));
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.ODW_CATALOG_URL = `${base}/schemas/schemas.json`;
    const dir = process.env.ODW_CATALOG_CACHE!;
    try {
      assert.ok(dir && dir.endsWith('catalog'), `cache in global storage: ${dir}`);
      const r = await vscode.commands.executeCommand<{ ok: boolean; filesFetched: number }>('openData.updateSchemaCatalog');
      assert.deepEqual([r.ok, r.filesFetched], [true, 1]);
      const listing = await a.worker.run('catalogListing', {});
      assert.equal(listing.source, 'cache');
      assert.deepEqual(
        listing.schemas.map((x) => x.name),
        ['test/lieux-test'],
      );
      // The server gone, an update fails and the cache stays in use.
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      const down = await vscode.commands.executeCommand<{ ok: boolean; source: string }>('openData.updateSchemaCatalog');
      assert.deepEqual([down.ok, down.source], [false, 'cache']);
    } finally {
      delete process.env.ODW_CATALOG_URL;
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
      await a.worker.run('catalogListing', { reload: true });
    }
    assert.equal((await a.worker.run('catalogListing', {})).source, 'bundled');
  });
});
