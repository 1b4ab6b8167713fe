#!/usr/bin/env node
// XSS corpus through the three webviews, end to end in a real browser (code-server + headless
// Chromium through ui-lib). The payloads of test/fixtures/xss/payloads.json (our own list) are
// written into a temporary workspace: a CSV whose headers and cells hold them, an XLSX with them
// in cells, headers and sheet names, files named after them, and a datapackage.json whose
// metadata holds them. Then the grid (every sheet), the chart panel (the CSV, and payload-named
// files: the file name is the panel's heading) and the metadata form are opened, and the test
// asserts that the payloads show as text and that nothing ran:
//   - no dialog: Playwright dialogs, and, since VS Code's webview iframes are sandboxed without
//     `allow-modals` (alert() there is silently ignored), Chromium's "Ignored call to 'alert()'"
//     console message, and alert/confirm/prompt/open hooked in every webview frame;
//   - no CSP violation (console "Refused to…", `securitypolicyviolation` events in the frames):
//     an injected element blocked by the CSP still means the data became markup;
//   - no request to the test's counting HTTP server (server side and browser side), no
//     `javascript:` request, no request from a webview frame to another origin;
//   - no `document.title` change in a webview frame; no injected element or `on*` attribute.
// Canaries first prove the listeners see a real alert / CSP violation / title change in a frame.
// Screenshots: artifacts/ui/xss-*.png.
//   npm run build && node scripts/ui-xss.mjs
//   node scripts/ui-xss.mjs --generate-only /tmp/dir    (just write the workspace)
//   node scripts/ui-xss.mjs --vsix dist/open-data-workbench.vsix
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, withUi } from './vscode-host/ui-lib.mjs';
import { generateWorkspace } from './ui/xss-workspace.mjs';
import {
  log,
  findFrame,
  installMonitor,
  audit,
  norm,
  found,
  gridTexts,
  sweepMouse,
  openFromExplorer,
  openSavedChart,
} from './ui/xss-frames.mjs';

const t0 = Date.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The counting server: any hit on it means a payload made the browser fetch something.
function countingServer() {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(204, { 'access-control-allow-origin': '*' });
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, hits, port: server.address().port })));
}

// ---------------------------------------------------------------------------------------------
if (process.argv.includes('--generate-only')) {
  const dir = process.argv[process.argv.indexOf('--generate-only') + 1];
  const r = await generateWorkspace(dir, 9);
  console.log(`wrote ${dir}: ${r.P.length} payloads, ${r.sheets.length} sheet names, ${r.files.length} file names`);
  process.exit(0);
}

const vsixAt = process.argv.indexOf('--vsix');
const source = vsixAt !== -1 ? { vsix: process.argv[vsixAt + 1] } : { extensionDevelopmentPath: process.env.ODW_EXT_PATH || REPO };
const counting = await countingServer();
const scratch = mkdtempSync(join(tmpdir(), 'odw-xss-'));
const ws = join(scratch, 'xss-workspace');
mkdirSync(ws);
const W = await generateWorkspace(ws, counting.port);
const { P } = W;
log(
  `workspace ${ws}: ${P.length} payloads; ${W.sheets.length} sheet names (${W.sheets.filter((s) => s.truncated).length} truncated to 31 characters); ${W.files.length} file names; counting server on ${counting.port}`,
);

const events = { dialogs: [], ignoredDialogs: [], csp: [], requests: [], pageErrors: [] };
const surfaces = {};
let checkedFrames = 0;
try {
  await withUi({ workspace: ws, copyWorkspace: false, ...source, readyCommand: 'Open Data: Open Saved Chart' }, async (ui) => {
    const csOrigin = new URL(ui.url).origin;
    ui.context.on('dialog', (d) => {
      events.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
    ui.context.on('console', (m) => {
      const t = m.text();
      if (/Ignored call to '(alert|confirm|prompt|print)\(\)'/i.test(t)) events.ignoredDialogs.push(t);
      if (/Content Security Policy|Refused to/i.test(t)) events.csp.push(t);
    });
    ui.page.on('pageerror', (e) => events.pageErrors.push(String(e?.message ?? e)));
    ui.context.on('request', (r) => {
      const url = r.url();
      let fromWebview = false;
      try {
        fromWebview = /\/webview\/|vscode-webview|fake\.html/.test(r.frame().url());
      } catch {
        /* service worker request */
      }
      // The webview's own resources come from <authority>.vscode-resource.vscode-cdn.net (served by its service worker).
      const other =
        !/^(data|blob):/.test(url) &&
        !url.startsWith(csOrigin) &&
        !/^https:\/\/[^/]+\.vscode-cdn\.net\//.test(url) &&
        !/^vscode-/.test(url);
      if (url.includes(`:${counting.port}`) || /^javascript:/i.test(url) || /\/xss-\d+/.test(url) || (fromWebview && other))
        events.requests.push(url);
    });

    // 1. Grid: xss.xlsx, sheet "payloads" (cells and headers), then every sheet tab.
    await openFromExplorer(ui, 'xss.xlsx');
    const grid = await findFrame(
      ui,
      'the grid of xss.xlsx',
      async (f) =>
        (await f.locator('.tabs .tab', { hasText: 'payloads' }).count()) > 0 && (await f.locator('.scroller .cell').count()) > 10,
    );

    // Canaries: a real alert, a CSP-blocked request and a title change in this webview frame must be seen.
    const before = { dialogs: events.dialogs.length, ignored: events.ignoredDialogs.length, csp: events.csp.length };
    await grid.evaluate(() => alert('xss-canary'));
    await grid.evaluate((port) => {
      const i = document.createElement('img');
      i.id = 'xss-canary';
      i.src = `http://127.0.0.1:${port}/canary`;
      document.body.append(i);
    }, counting.port);
    await installMonitor(grid);
    await grid.evaluate((port) => {
      document.getElementById('xss-canary')?.remove();
      const i = document.createElement('img');
      i.id = 'xss-canary';
      i.src = `http://127.0.0.1:${port}/canary-2`;
      document.body.append(i);
      alert('xss-canary-hooked');
      const t = document.title;
      document.title = 'xss-canary';
      document.title = t;
    }, counting.port);
    await sleep(800);
    const canary = await audit(grid);
    const canaryDialog =
      events.dialogs.length > before.dialogs
        ? 'a Playwright dialog'
        : events.ignoredDialogs.length > before.ignored
          ? "Chromium's \"Ignored call to 'alert()'\" (sandboxed webview)"
          : null;
    log(
      `canaries: alert seen as ${canaryDialog}; CSP console messages +${events.csp.length - before.csp}; in-frame violations ${canary.violations.length}, hooked calls ${canary.calls.length}, title changes ${canary.titles.length}; server hits ${counting.hits.length}`,
    );
    assert.ok(canaryDialog, 'the canary alert() in the grid frame was not seen: dialog listening is blind');
    assert.ok(events.csp.length > before.csp, 'the canary CSP violation did not reach the console listener');
    assert.ok(
      canary.violations.length > 0 && canary.calls.length > 0 && canary.titles.length > 0,
      `the in-frame monitor is blind: ${JSON.stringify(canary)}`,
    );
    assert.equal(counting.hits.length, 0, 'the CSP let the canary image through');
    await grid.evaluate(() => {
      document.getElementById('xss-canary')?.remove();
      Object.assign(window.__xssMonitor, { calls: [], violations: [], titles: [] });
    });
    events.dialogs.length = events.ignoredDialogs.length = events.csp.length = events.requests.length = 0;

    const cells = await gridTexts(grid);
    const gridCells = found(
      P.map((p) => p.text),
      cells,
    );
    const extras = found(W.extraTexts, cells);
    const headerLabels = await grid.locator('.head .line.labels .cell').allTextContents();
    log(
      `grid "payloads": ${gridCells.hit.length}/${P.length} payloads seen as cell text, extras ${extras.hit.length}/${W.extraTexts.length}, ${cells.length} distinct cell texts`,
    );
    assert.deepEqual(gridCells.missing, [], 'payloads not shown as text in the grid');
    assert.deepEqual(extras.missing, [], 'formula / hyperlink / rich-text cells not shown as text');
    assert.ok(headerLabels.length > 3, 'no frozen header labels');
    surfaces['grid cells+headers'] = gridCells.hit.length;
    await sweepMouse(ui);
    await ui.screenshot('xss-grid');

    const tabs = await grid.locator('.tabs .tab').allTextContents();
    const tabNames = found(
      W.sheets.map((s) => s.name),
      tabs,
    );
    assert.deepEqual(tabNames.missing, [], 'sheet names not shown as text in the tabs');
    for (const s of W.sheets) {
      await grid.locator('.tabs .tab').filter({ hasText: s.name }).first().click();
      await grid.locator('.tabs .tab[aria-selected="true"]').filter({ hasText: s.name }).first().waitFor();
      const shown = await grid
        .locator('.scroller .cell')
        .allTextContents()
        .then((t) => t.map(norm));
      const done = Date.now() + 10_000;
      let ok = shown.includes(norm(s.text));
      while (!ok && Date.now() < done) {
        await sleep(100);
        ok = (await grid.locator('.scroller .cell').allTextContents()).map(norm).includes(norm(s.text));
      }
      assert.ok(ok, `sheet ${JSON.stringify(s.name)}: its payload cell is not shown as text`);
    }
    surfaces['sheet names'] = W.sheets.length;
    log(`grid: ${W.sheets.length} payload sheet names shown as tabs and each sheet opened`);
    await ui.screenshot('xss-grid-sheet');
    const gridAudit = await audit(grid);
    checkedFrames++;

    // 2. Chart panel on the CSV (every label), then on payload-named files.
    await openSavedChart(ui, 'XSS main chart');
    const chart = await findFrame(
      ui,
      'the chart of xss-chart.csv',
      async (f) => (await f.locator('h1.title', { hasText: /^xss-chart\.csv$/ }).count()) > 0,
    );
    await installMonitor(chart);
    await chart
      .locator('table.data tbody tr')
      .nth(P.length - 1)
      .waitFor();
    const labels = found(
      P.map((p) => p.text),
      await chart.locator('table.data tbody th').allTextContents(),
    );
    const options = found(W.headers, await chart.locator('vscode-option').allTextContents());
    const headCells = await chart.locator('table.data thead th').allTextContents();
    const heading = await chart.locator('h2.heading').textContent();
    log(
      `chart: ${labels.hit.length}/${P.length} labels in the data table, ${options.hit.length}/${W.headers.length} headers as column options, heading ${JSON.stringify(heading.slice(0, 120))}`,
    );
    assert.deepEqual(labels.missing, [], 'payload labels not shown as text in the chart table');
    assert.deepEqual(options.missing, [], 'payload headers not shown as text in the column choices');
    assert.equal(norm(headCells[0]), norm(W.headers[0]), 'the category header is not shown as text');
    assert.ok(heading.includes(W.headers[0]) && heading.includes(W.headers[1]), 'the heading does not name the payload columns as text');
    surfaces['chart labels+headers'] = labels.hit.length;
    await sweepMouse(ui);
    await ui.screenshot('xss-chart');
    const audits = [
      ['grid', gridAudit],
      ['chart xss-chart.csv', await audit(chart)],
    ];
    checkedFrames++;

    for (const s of W.saved.slice(1)) {
      const t1 = Date.now();
      await openSavedChart(ui, s.title);
      log(`  ${s.title}: picked after ${Date.now() - t1} ms`);
      const f = await findFrame(
        ui,
        `the chart of ${s.file}`,
        async (fr) => norm(await fr.locator('h1.title').textContent({ timeout: 500 })) === norm(s.file),
      );
      await installMonitor(f);
      await f.locator('table.data tbody th').first().waitFor();
      assert.equal(
        norm(await f.locator('table.data tbody th').first().textContent()),
        norm(s.text),
        `${s.file}: the label is not shown as text`,
      );
      audits.push([`chart ${s.file}`, await audit(f)]);
      log(`  ${s.title}: checked after ${Date.now() - t1} ms`);
      checkedFrames++;
    }
    surfaces['file names (chart titles)'] = W.saved.length - 1;
    log(`chart: ${W.saved.length - 1} payload-named files charted, their names shown as the heading`);
    await ui.screenshot('xss-chart-file');

    // 3. The metadata form of dataset "xss".
    await ui.runCommand('Open Data: Edit Dataset Metadata');
    const form = await findFrame(ui, 'the metadata form', async (f) => (await f.locator('vscode-textarea#description').count()) > 0);
    await installMonitor(form);
    await form.locator(`#file-${W.files.length - 1}`).waitFor();
    const values = await form.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[id]')].filter((e) => 'value' in e && e.id).map((e) => [e.id, e.value])),
    );
    const m = W.meta;
    assert.equal(values.title, m.title, 'title');
    assert.equal(values.description, m.description, 'description');
    assert.equal(values.tags, m.keywords.join(', '), 'keywords');
    assert.equal(values.organization, m.organization, 'organisation');
    assert.equal(values.zones, m.spatial.zones.join(', '), 'zones');
    const fileLabels = (await form.locator('vscode-label').allTextContents()).map(norm);
    const named = W.files.filter((f) => fileLabels.some((l) => l.endsWith(norm(f.path))));
    const missingNames = W.files.filter((f) => !named.includes(f)).map((f) => f.path);
    const descriptions = found(
      W.files.map((f) => f.text),
      Object.entries(values)
        .filter(([k]) => k.startsWith('file-'))
        .map(([, v]) => v),
    );
    log(
      `metadata: title, description (${P.length} payloads), ${m.keywords.length} keywords, zones, organisation as values; ${named.length}/${W.files.length} file names as labels, ${descriptions.hit.length}/${W.files.length} file descriptions`,
    );
    assert.deepEqual(missingNames, [], 'payload file names not shown as text in the form labels');
    assert.deepEqual(descriptions.missing, [], 'resource descriptions not shown as values');
    surfaces['metadata fields'] = P.length;
    surfaces['file names (metadata)'] = named.length;
    await sweepMouse(ui);
    await ui.screenshot('xss-metadata');
    audits.push(['metadata', await audit(form)]);
    checkedFrames++;

    // 4. A payload-named workbook in the grid (its name is the editor tab's label).
    await ui.page.keyboard.press('F1');
    const qi = ui.page.locator('.quick-input-widget input');
    await qi.waitFor({ state: 'visible' });
    await qi.fill(W.book.name);
    await ui.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.tabs-container .tab.active', { hasText: W.book.name }).waitFor();
    const book = await findFrame(
      ui,
      `the grid of ${W.book.name}`,
      async (f) =>
        (await f.locator('.tabs .tab[aria-selected="true"]', { hasText: 'payloads' }).count()) > 0 &&
        !(await f.evaluate(() => !!window.__xssMonitor)),
    );
    await installMonitor(book);
    await sleep(500);
    audits.push([`grid ${W.book.name}`, await audit(book)]);
    checkedFrames++;
    await ui.screenshot('xss-grid-file');

    // 5. Settle, then audit every frame again (late events) and collect.
    await sleep(1500);
    // Webviews hidden behind another editor were discarded by VS Code (their frames are detached): audited above.
    for (const [name, f] of [
      ['grid', grid],
      ['chart', chart],
      ['metadata', form],
      ['grid-file', book],
    ]) {
      if (!f.isDetached()) audits.push([`${name} (end)`, await audit(f)]);
    }
    const problems = [];
    for (const [name, a] of audits) {
      const bad = { calls: a.calls, violations: a.violations, titles: a.titles, injected: a.injected, handlers: a.handlers, urls: a.urls };
      for (const [k, v] of Object.entries(bad)) if (v.length) problems.push(`${name}: ${k} ${JSON.stringify(v).slice(0, 400)}`);
      if (/xss/i.test(a.title)) problems.push(`${name}: document.title = ${a.title}`);
    }
    const xssErrors = events.pageErrors.filter((e) => /xss/i.test(e));
    for (const [k, v] of Object.entries({
      dialogs: events.dialogs,
      ignoredDialogs: events.ignoredDialogs,
      csp: events.csp,
      requests: events.requests,
      serverHits: counting.hits,
      pageErrors: xssErrors,
    })) {
      if (v.length) problems.push(`${k}: ${JSON.stringify(v).slice(0, 600)}`);
    }
    if (events.pageErrors.length) log('page errors (not counted):', events.pageErrors.slice(0, 5));
    if (problems.length) {
      console.error('[ui-xss] executions / injections:\n  ' + problems.join('\n  '));
      assert.fail(`${problems.length} sign(s) of execution or injection`);
    }
  });
} catch (e) {
  // A payload that became markup can break the page before the audit runs: say what was seen.
  const seen = {
    dialogs: events.dialogs,
    ignoredDialogs: events.ignoredDialogs,
    csp: events.csp,
    requests: events.requests,
    serverHits: counting.hits,
  };
  const signs = Object.entries(seen)
    .filter(([, v]) => v.length)
    .map(([k, v]) => `${k} (${v.length}): ${JSON.stringify(v.slice(0, 5)).slice(0, 600)}`);
  if (signs.length) console.error('[ui-xss] signs of execution or injection seen before the failure:\n  ' + signs.join('\n  '));
  throw e;
} finally {
  counting.server.close();
  if (!process.env.ODW_KEEP_STATE) rmSync(scratch, { recursive: true, force: true });
}
const detail = Object.entries(surfaces)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
console.log(
  `xss: ${P.length} payloads × ${Object.keys(surfaces).length} surfaces (${detail}) in ${checkedFrames} webviews: 0 executed (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
);
