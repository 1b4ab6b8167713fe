// What a UI test does in the workbench once it is open (ui-lib.mjs starts it): the command palette,
// webview frames, the explorer, screenshots and notifications, as methods of the `ui` object.
import { join } from 'node:path';
import { escapeRe, log, sleep } from './ui-util.mjs';

/** Adds the actions to `ui` (its `page` is the open workbench). */
export function addActions(ui, { stepTimeout, artifactsDir }) {
  /** Polls the command palette until `title` is listed (extension contributions registered). */
  ui.waitForCommand = async (title, timeoutMs = stepTimeout) => {
    const page = ui.page;
    const t0 = Date.now();
    for (;;) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>' + title);
      const found = await page
        .locator('.quick-input-list .monaco-list-row', { hasText: title })
        .first()
        .waitFor({ timeout: 2000 })
        .then(
          () => true,
          () => false,
        );
      await page.keyboard.press('Escape');
      if (found) return;
      if (Date.now() - t0 > timeoutMs) throw new Error(`command "${title}" never appeared in the palette`);
      await sleep(500);
    }
  };

  /** The inner document frames (#active-frame) of every webview on the page. */
  ui.webviewFrames = async () => {
    const frames = [];
    for (const outer of await ui.page.locator('iframe.webview').elementHandles()) {
      try {
        const inner = await (await outer.contentFrame())?.$('#active-frame');
        const frame = await inner?.contentFrame();
        if (frame) frames.push(frame);
      } catch {
        // A webview being created, navigated or discarded ("context was destroyed", "detached",
        // "adopt element handle"…): skipped this time, the caller polls again.
      }
    }
    return frames;
  };

  /** What each webview shows, for a failure message: its URL's path and the start of its text. */
  const describeWebviews = async () => {
    const out = [];
    for (const f of await ui.webviewFrames()) {
      const text = await f
        .evaluate(() => document.body?.innerText ?? '(no body)')
        .catch((e) => `(unreadable: ${String(e).split('\n')[0]})`);
      out.push(`${new URL(f.url()).pathname.split('/').pop() || f.url()}: ${JSON.stringify(text.slice(0, 200))}`);
    }
    return out.length ? out.join('\n  ') : '(no webview frame)';
  };

  /**
   * The first webview frame where `test(frame)` holds, polled. Half-way through the wait, what the
   * webviews show is logged and "Developer: Reload Webviews" is run once: on a loaded machine a
   * webview's first load can stay blank (its service worker not ready), which a reload cures —
   * a webview that never shows the expected content still fails, with what it showed.
   */
  ui.findWebview = async (what, test, timeoutMs = 60_000) => {
    const t0 = Date.now();
    let reloaded = false;
    while (Date.now() - t0 < timeoutMs) {
      for (const f of await ui.webviewFrames()) if (await test(f).catch(() => false)) return f;
      if (!reloaded && Date.now() - t0 > timeoutMs / 2) {
        reloaded = true;
        log(
          `no webview shows ${what} after ${Math.round((Date.now() - t0) / 1000)} s; webviews:\n  ${await describeWebviews()}\n  reloading the webviews once`,
        );
        await ui.runCommand('Developer: Reload Webviews').catch((e) => log('reload failed:', String(e).split('\n')[0]));
      }
      await sleep(250);
    }
    throw new Error(`no webview shows ${what}; webviews:\n  ${await describeWebviews()}`);
  };

  /** F1, type the command title, pick the matching row, Enter. */
  ui.runCommand = async (title) => {
    const page = ui.page;
    const input = page.locator('.quick-input-widget input');
    // F1 can be swallowed (an open Notification Center or a webview holds the focus): give the
    // focus back to the workbench and try again.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('F1');
      if (
        await input.waitFor({ state: 'visible', timeout: 5000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (attempt === 3) await input.waitFor({ state: 'visible' });
      // The title bar's Command Center opens the same quick input with a click, whatever has the focus.
      await page
        .locator('.command-center .command-center-center, .command-center .search-label')
        .first()
        .click({ timeout: 3000 })
        .catch(() => {});
      if (
        await input.waitFor({ state: 'visible', timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.keyboard.press('Escape');
    }
    await input.fill('>' + title);
    const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: title });
    await rows.first().waitFor();
    // Click the row whose label is exactly the title: Enter takes the top row, and a longer title can rank first.
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    const exact = labels.findIndex((l) => l === title || l.startsWith(title + ',') || l.split(/\s{2,}|\n/)[0] === title);
    if (exact > 0) await rows.nth(exact).click();
    else await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden' })
      .catch(() => {});
  };

  /**
   * Until the status bar's "Activating Extensions…" has been gone for a second (it can come after
   * the extension's commands are listed in the palette).
   */
  ui.waitForActivation = async (timeoutMs = 60_000) => {
    const busy = ui.page.locator('.statusbar-item', { hasText: 'Activating Extensions' });
    const t0 = Date.now();
    let quietSince = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      if ((await busy.count()) > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 1000) return;
      await sleep(200);
    }
    throw new Error('extensions still activating');
  };

  /**
   * After opening a workbook with `open()`: seen on CI, a workbook opened in the first seconds
   * after start-up (the palette already lists the extension's commands, "Activating Extensions…"
   * still in the status bar) goes to VS Code's text editor — the "binary file" placeholder, with
   * no other editor offered — instead of the grid the extension contributes as the default. Then
   * wait for the activation to end, close it and open it again; the log says so.
   */
  ui.ensureGrid = async (name, open) => {
    const page = ui.page;
    const placeholder = page.getByText('The file is not displayed in the text editor');
    if (
      !(await placeholder
        .first()
        .waitFor({ timeout: 3000 })
        .then(
          () => true,
          () => false,
        ))
    )
      return;
    log(`${name} opened in the text editor (binary placeholder), not the grid: waiting for the activation, then opening it again`);
    await ui.waitForActivation();
    await ui.runCommand('View: Close Editor');
    await placeholder.first().waitFor({ state: 'hidden' });
    await open();
    if (
      await placeholder
        .first()
        .waitFor({ timeout: 3000 })
        .then(
          () => true,
          () => false,
        )
    )
      throw new Error(`${name} opens in the text editor, not the grid`);
  };

  /** Opens a workspace file by clicking it in the Explorer; `name` may be a relative path ("sub/x.csv"). */
  ui.openFileFromExplorer = async (name) => {
    const page = ui.page;
    const view = page.locator('.explorer-folders-view');
    if (!(await view.isVisible())) await ui.runCommand('View: Show Explorer');
    const parts = name.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const row = view
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(parts[i])}$`) }) })
        .first();
      await row.waitFor();
      const isFolder = i < parts.length - 1;
      if (isFolder) {
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      } else await row.click();
    }
    const file = parts[parts.length - 1];
    await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
    await page
      .locator('.editor-group-container.active .monaco-editor, .editor-group-container.active iframe.webview')
      .first()
      .waitFor()
      .catch(() => {});
  };

  /** PNG of the whole window into artifactsDir; returns its path. */
  ui.screenshot = async (name) => {
    const file = join(artifactsDir, name.endsWith('.png') ? name : `${name}.png`);
    await ui.page
      .locator('.statusbar-item', { hasText: 'Activating Extensions' })
      .first()
      .waitFor({ state: 'hidden', timeout: 15000 })
      .catch(() => {});
    await ui.page.waitForTimeout(300); // let layout settle
    await ui.page.screenshot({ path: file });
    log('saved', file);
    return file;
  };

  /** The content frame of a webview (editor/panel). With several webviews open, pass the index. */
  ui.webviewFrame = (index) =>
    (index === undefined
      ? ui.page.frameLocator('iframe.webview')
      : ui.page.locator('iframe.webview').nth(index).contentFrame()
    ).frameLocator('#active-frame');

  /** Waits for a notification containing `text`: as a toast (vsix mode) or, in extensionDevelopmentPath mode,
   *  in the Notification Center, because the smoke-test driver that mode needs suppresses all toasts
   *  (workbench.js addToast: `!this.environmentService.enableSmokeTestDriver`). */
  ui.waitForNotification = async (text) => {
    if (!ui.devMode) {
      await ui.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first().waitFor();
      return;
    }
    if (!(await ui.page.locator('.notifications-center.visible').isVisible())) await ui.runCommand('Notifications: Show Notifications');
    await ui.page.locator('.notifications-center .notification-list-item', { hasText: text }).first().waitFor();
  };
}
