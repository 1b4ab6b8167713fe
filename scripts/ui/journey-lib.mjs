// The journey's helpers: the local portal emulator, and waiting for and clicking what VS Code shows
// (notifications, dialogs, quick inputs, webviews, the Explorer). Used by scripts/ui/journey.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO } from '../vscode-host/ui-lib.mjs';

const t0 = Date.now();
export const log = (...a) => console.log(`[journey +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The local portal emulator (udata "Sandbox"), bundled like scripts/demo-vscode.sh does.
export async function startEmulator(dir) {
  const bundle = join(dir, 'sandbox.cjs');
  const r = spawnSync(
    join(REPO, 'node_modules', '.bin', 'esbuild'),
    [join(REPO, 'test/emulator/cli.ts'), '--bundle', '--platform=node', '--format=cjs', `--outfile=${bundle}`, '--log-level=error'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild of test/emulator/cli.ts failed: ${r.stderr}`);
  const port = await freePort();
  const child = spawn(process.execPath, [bundle, '--port', String(port)], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  process.on('exit', stop);
  for (let i = 0; i < 100 && !/Demo API key: (\S+)/.test(out); i++) {
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  const key = /Demo API key: (\S+)/.exec(out)?.[1];
  if (!key) {
    stop();
    throw new Error(`the portal emulator did not print its demo API key:\n${out}`);
  }
  log(`portal emulator on http://127.0.0.1:${port}`);
  return { url: `http://127.0.0.1:${port}`, key, stop };
}

// ---------------------------------------------------------------------------------------------
// Webview helpers: the inner document frame of the first webview that has `selector`.
export const webviewWith = (ui, selector, timeoutMs) =>
  ui.findWebview(selector, async (f) => (await f.locator(selector).count()) > 0, timeoutMs);

/** Share of the chart canvas's pixels that differ from its background (top-left pixel). */
export const canvasInk = (frame) =>
  frame.evaluate(() => {
    const c = document.querySelector('canvas.chart');
    if (!c || c.width === 0) return { share: 0, width: 0 };
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
    return { share: ink / (d.length / 4), width: c.width };
  });

export const activeEditor = (ui) => ui.page.locator('.editor-group-container.active .monaco-editor').first();
export const visibleText = async (ui) => (await activeEditor(ui).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');

/** Clicks a button of a notification (Notification Center in extensionDevelopmentPath mode, toast otherwise). */
export async function clickNotificationButton(ui, text, button) {
  await ui.waitForNotification(text);
  const scope = ui.devMode ? '.notifications-center' : '.notifications-toasts';
  const item = ui.page.locator(`${scope} .notification-list-item`, { hasText: text }).first();
  await item.locator('.monaco-button', { hasText: button }).first().click();
}

/** Clicks a button of a modal dialog whose text contains `text`. */
export async function clickDialogButton(ui, text, button, timeout = 60_000) {
  const box = ui.page.locator('.monaco-dialog-box', { hasText: text }).first();
  await box.waitFor({ timeout });
  await box.locator('.monaco-button', { hasText: button }).first().click();
  await box.waitFor({ state: 'hidden' });
}

export const quickInput = (ui) => ui.page.locator('.quick-input-widget');
export async function waitQuickInput(ui, text, timeoutMs = 60_000) {
  // The prompt's text is its title (in the widget) or its placeholder (an attribute of the input).
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const w = quickInput(ui);
    if (await w.isVisible().catch(() => false)) {
      const shown = `${await w.innerText().catch(() => '')} ${await w
        .locator('input')
        .getAttribute('placeholder')
        .catch(() => '')} ${await w
        .locator('input')
        .getAttribute('aria-label')
        .catch(() => '')}`;
      if (shown.includes(text)) return;
      if (Date.now() > deadline)
        throw new Error(`prompt "${text}" never appeared (widget shows: ${shown.replace(/\s+/g, ' ').slice(0, 200)})`);
    } else if (Date.now() > deadline) throw new Error(`prompt "${text}" never appeared (no prompt open)`);
    await sleep(200);
  }
}
/** Opens a file from the Explorer, waiting only for its tab (works for custom editors too). */
export async function openFile(ui, name) {
  const page = ui.page;
  const open = async () => {
    if (!(await page.locator('.explorer-folders-view').isVisible())) await ui.runCommand('View: Show Explorer');
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
      .first()
      .click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  };
  await open();
  if (/\.(xlsx|ods)$/i.test(name)) await ui.ensureGrid(name, open);
}
/** ui.waitForNotification, retried once with the Notification Center reopened (it can miss items added while open). */
export async function waitNote(ui, text) {
  try {
    await Promise.race([
      ui.waitForNotification(text),
      sleep(20_000).then(() => {
        throw new Error('not yet');
      }),
    ]);
  } catch {
    await closeNotificationCenter(ui);
    await ui.waitForNotification(text);
  }
}
export async function closeNotificationCenter(ui) {
  const center = ui.page.locator('.notifications-center.visible');
  if (!(await center.isVisible())) return;
  for (let i = 0; i < 3 && (await center.isVisible()); i++) {
    // The hide button sometimes only shows its tooltip: focus the center and press Escape as well.
    await center
      .locator('.codicon-notifications-hide, .codicon-chevron-down')
      .first()
      .click({ timeout: 5000 })
      .catch(() => {});
    if (!(await center.isVisible())) break;
    await center
      .locator('.notifications-center-header')
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
    await ui.page.keyboard.press('Escape');
    await sleep(300);
  }
  await center.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => log('  (the Notification Center stayed open)'));
}
