#!/usr/bin/env node
// End to end in a real browser: "Open Data: Preview Chart" on a fixture draws a non-empty
// canvas in the webview (pixels read in the frame) with its data table; labels holding
// `<img onerror>` / `<script>` render as text and nothing runs (no dialog, no request to
// `x`, no CSP violation); "Save chart" and "Export PNG" write their files; the chart
// redraws in light, dark and high-contrast themes, and comes back after a window reload.
// Screenshots go to artifacts/ui/chart-*.png.
//   node scripts/ui-chart.mjs              (extension loaded from the repo; build it first)
//   ODW_EXT_PATH=/path/to/ext node scripts/ui-chart.mjs
//   node scripts/ui-chart.mjs --vsix dist/open-data-workbench.vsix
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, withUi } from './vscode-host/ui-lib.mjs';

const vsixAt = process.argv.indexOf('--vsix');
const source = vsixAt !== -1 ? { vsix: process.argv[vsixAt + 1] } : { extensionDevelopmentPath: process.env.ODW_EXT_PATH || REPO };
const log = (...a) => console.log('[ui-chart]', ...a);

/** The inner document frame of the webview whose page shows `text`. */
const chartFrame = (ui, text) =>
  ui.findWebview(`the chart of ${text}`, async (f) => (await f.locator('h1.title', { hasText: text }).count()) > 0);

/** Share of canvas pixels that differ from its background (the top-left pixel), and the commonest other colour. */
function canvasInk(frame) {
  return frame.evaluate(() => {
    const c = document.querySelector('canvas.chart');
    if (!c || c.width === 0) return { share: 0, colour: null, width: 0 };
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const bg = [d[0], d[1], d[2]];
    let ink = 0;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] === bg[0] && d[i + 1] === bg[1] && d[i + 2] === bg[2]) continue;
      ink++;
      const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const colour = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { share: ink / (d.length / 4), colour, background: bg.join(','), width: c.width, png: c.toDataURL('image/png').length };
  });
}

async function waitForFile(path, encoding = 'utf8') {
  for (let i = 0; i < 100; i++) {
    if (existsSync(path)) return readFileSync(path, encoding);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${path} was not written`);
}

async function openChart(ui, file) {
  await ui.openFileFromExplorer(file);
  await ui.runCommand('Open Data: Preview Chart');
  const frame = await chartFrame(ui, file);
  await frame.locator('table.data tbody tr').first().waitFor();
  return frame;
}

await withUi({ workspace: join(REPO, 'test/fixtures/workspace'), ...source, readyCommand: 'Open Data: Open Saved Chart' }, async (ui) => {
  const dialogs = [];
  const xRequests = [];
  const cspErrors = [];
  ui.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  ui.context.on('request', (r) => {
    if (/\/x(\?|$)/.test(new URL(r.url()).pathname) || r.url().startsWith('javascript:')) xRequests.push(r.url());
  });
  ui.page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    // Webview iframes are sandboxed without allow-modals: an alert() there never opens a dialog, Chromium logs this.
    if (/Ignored call to '(alert|confirm|prompt)\(\)'/.test(m.text())) dialogs.push(m.text());
  });

  // 1. The suggested chart of the SCDL subsidies example.
  const frame = await openChart(ui, 'chart-subventions.csv');
  await frame.locator('h2.heading', { hasText: 'nomBeneficiaire' }).waitFor();
  const heading = await frame.locator('h2.heading').textContent();
  const rows = await frame.locator('table.data tbody tr').count();
  const first = await frame.locator('table.data tbody tr').first().locator('th').textContent();
  log(`heading "${heading}", ${rows} table rows, first "${first}"`);
  assert.match(heading, /montant/);
  assert.equal(rows, 16, '15 beneficiaries + others');
  assert.equal(first, "SASP OAJLP COTE D'AZUR");
  const ink = await canvasInk(frame);
  log('canvas', ink);
  assert.ok(ink.width > 100 && ink.share > 0.01, `the canvas is empty (${JSON.stringify(ink)})`);
  assert.equal(await frame.locator('canvas.chart').getAttribute('role'), 'img');
  await ui.screenshot('chart-subventions');

  // 2. "Save chart" asks for a title and writes .opendata/charts/<slug>.json; "Export PNG" writes the image.
  await frame.locator('vscode-button', { hasText: 'Save chart' }).click();
  const input = ui.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('Top bénéficiaires 2017');
  await ui.page.keyboard.press('Enter');
  const savedFile = join(ui.workspace, '.opendata', 'charts', 'top-beneficiaires-2017.json');
  const saved = JSON.parse(await waitForFile(savedFile));
  log('saved chart', saved);
  assert.deepEqual(
    [saved.title, saved.source, saved.config.category, saved.config.value],
    ['Top bénéficiaires 2017', 'chart-subventions.csv', 'nomBeneficiaire', 'montant'],
  );
  await frame.locator('vscode-button', { hasText: 'Export PNG' }).click();
  await input.waitFor({ state: 'visible' });
  await ui.page.keyboard.press('Enter');
  const png = await waitForFile(join(ui.workspace, 'chart-subventions-chart.png'), null);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  log(`exported PNG: ${png.length} bytes`);

  // 3. Themes: the chart redraws with the theme's colours (workspace settings apply live).
  const themes = { light: 'Default Light Modern', 'high-contrast': 'Default High Contrast', dark: 'Default Dark Modern' };
  const colours = {};
  mkdirSync(join(ui.workspace, '.vscode'), { recursive: true });
  for (const [name, theme] of Object.entries(themes)) {
    writeFileSync(
      join(ui.workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'files.autoSave': 'off', 'git.enabled': false, 'workbench.colorTheme': theme }),
    );
    await ui.page.waitForTimeout(2500);
    const t = await canvasInk(frame);
    colours[name] = t.background;
    assert.ok(t.share > 0.01, `empty canvas in the ${name} theme`);
    await ui.screenshot(`chart-theme-${name}`);
  }
  log('backgrounds by theme', colours);
  assert.notEqual(colours.light, colours.dark, 'the chart follows the theme');

  // 4. Hostile labels are text: nothing runs, nothing is fetched.
  const xss = await openChart(ui, 'chart-xss.csv');
  const labels = await xss.locator('table.data tbody th').allTextContents();
  log('xss labels', labels);
  assert.ok(labels.includes(`<img src=x onerror="document.title='XSS';alert(1)">`));
  assert.ok(labels.includes("<script>alert('XSS')</script>"));
  const dom = await xss.evaluate(() => ({
    imgs: document.querySelectorAll('img').length,
    // VS Code injects its own script into the frame; none may come from the page's data.
    inlineScripts: document.querySelectorAll('#app script').length,
    bold: document.querySelectorAll('#app b, #app i').length,
    title: document.title,
  }));
  log('xss dom', dom);
  assert.deepEqual({ imgs: dom.imgs, inlineScripts: dom.inlineScripts, bold: dom.bold }, { imgs: 0, inlineScripts: 0, bold: 0 });
  assert.notEqual(dom.title, 'XSS');
  assert.ok((await canvasInk(xss)).share > 0.01);
  await ui.screenshot('chart-xss');
  await ui.page.waitForTimeout(1000);
  assert.deepEqual(dialogs, [], 'a label opened a dialog');
  assert.deepEqual(xRequests, [], 'a label made the browser fetch "x"');
  assert.deepEqual(cspErrors, [], 'CSP violations');

  // 5. After a window reload the panel serializer brings the chart back (state from setState).
  await ui.runCommand('Developer: Reload Window');
  // Let the old page go before looking for the new workbench.
  await ui.page.waitForTimeout(1500);
  await ui.page.waitForLoadState('load');
  await ui.page.locator('.monaco-workbench').waitFor();
  const revived = await chartFrame(ui, 'chart-xss.csv');
  await revived.locator('table.data tbody tr').first().waitFor();
  assert.ok((await canvasInk(revived)).share > 0.01, 'the revived chart is empty');
  await ui.screenshot('chart-revived');
  log('OK: canvas drawn, data table, save, export, themes, labels inert, revived after reload');
});
