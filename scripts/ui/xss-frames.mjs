// The XSS run's eyes in the webview frames: monitors installed in each frame (dialogs, CSP
// violations, title changes, requests), the audit of what they saw, the texts a grid shows, and
// opening files and saved charts. Used by scripts/ui-xss.mjs.
import { join } from 'node:path';

const t0 = Date.now();
export const log = (...a) => console.log(`[ui-xss +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

// ---------------------------------------------------------------------------------------------
// Webview frames.

/** The first webview frame where `test(frame)` holds, polled (ui-lib's, which logs what the webviews show). */
export const findFrame = (ui, what, test, timeoutMs) => ui.findWebview(what, test, timeoutMs);

/** In-frame monitor: alert/confirm/prompt/print/open hooked, CSP violation events, title changes. */
export function installMonitor(frame) {
  return frame.evaluate(() => {
    if (window.__xssMonitor) return;
    const m = (window.__xssMonitor = { calls: [], violations: [], titles: [], title0: document.title });
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
      window[name] = (...args) => {
        m.calls.push(`${name}(${args.map(String).join(', ')})`);
        return null;
      };
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      m.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`),
    );
    // Titles set from script (the setter) or by markup (a <title> element appearing).
    const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
    Object.defineProperty(document, 'title', {
      configurable: true,
      get: () => desc.get.call(document),
      set: (v) => (m.titles.push(String(v)), desc.set.call(document, v)),
    });
    new MutationObserver(() => document.title !== m.title0 && m.titles.push(document.title)).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

/** What the monitor saw, plus a DOM audit of the page's content (#app): no element or attribute came from the data. */
export function audit(frame) {
  return frame.evaluate(() => {
    const m = window.__xssMonitor ?? { calls: [], violations: [], titles: [], title0: '' };
    const app = document.getElementById('app');
    const injected = [
      ...(app?.querySelectorAll(
        'script,img,iframe,frame,svg,math,object,embed,base,meta,link,style,form,input,textarea,button:not(.tab):not(.others button),video,audio,source,details,marquee,xmp,noscript,template,x,body,animate,a:not(.rule)',
      ) ?? []),
    ]
      // The grid's own buttons: sheet tabs and "other sheets" links.
      .filter((e) => !(e.tagName === 'BUTTON' && (e.classList.contains('tab') || e.parentElement?.classList.contains('others'))))
      .map((e) => e.outerHTML.slice(0, 100));
    const handlers = [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`),
    );
    const urls = [...document.querySelectorAll('[href],[src],[action],[formaction],[data],[srcdoc]')].flatMap((e) =>
      ['href', 'src', 'action', 'formaction', 'data', 'srcdoc']
        .map((k) => e.getAttribute(k))
        .filter((v) => v !== null && /javascript:|xss-|127\.0\.0\.1/i.test(v)),
    );
    return { calls: m.calls, violations: m.violations, titles: m.titles, title: document.title, injected, handlers, urls };
  });
}

export const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Which of `texts` appear (whole, as the text of one element / value) in `seen`. */
export function found(texts, seen) {
  const set = new Set([...seen].map(norm));
  const hit = texts.filter((t) => set.has(norm(t)));
  return { hit, missing: texts.filter((t) => !set.has(norm(t))) };
}

/** Every cell text the virtual grid renders while its scroller is moved over the whole sheet (rows, then columns). */
export async function gridTexts(frame) {
  return frame.evaluate(async () => {
    const s = document.querySelector('.scroller');
    const texts = new Set();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const collect = () => document.querySelectorAll('.scroller .cell').forEach((c) => texts.add(c.textContent));
    for (const [axis, size, view] of [
      ['scrollTop', 'scrollHeight', 'clientHeight'],
      ['scrollLeft', 'scrollWidth', 'clientWidth'],
    ]) {
      s.scrollTop = 0;
      s.scrollLeft = 0;
      for (let at = 0; ; at += Math.max(100, s[view] - 60)) {
        s[axis] = at;
        await frame();
        collect();
        if (at >= s[size]) break;
      }
    }
    s.scrollTop = 0;
    s.scrollLeft = 0;
    await frame();
    return [...texts];
  });
}

/** Sweeps the mouse over the webview area (payloads with pointer handlers would fire). */
export async function sweepMouse(ui) {
  const v = ui.page.viewportSize();
  for (let y = 120; y < v.height - 40; y += 90)
    await ui.page.mouse.move(v.width - 60, y, { steps: 2 }).then(() => ui.page.mouse.move(300, y + 45, { steps: 4 }));
}

// ---------------------------------------------------------------------------------------------
export async function openFromExplorer(ui, name) {
  const page = ui.page;
  const open = async () => {
    if (!(await page.locator('.explorer-folders-view').isVisible())) await ui.runCommand('View: Show Explorer');
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${esc}$`) }) })
      .first()
      .click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  };
  await open();
  if (/\.(xlsx|ods)$/i.test(name)) await ui.ensureGrid(name, open);
}

/**
 * "Open Data: Open Saved Chart", then the chart titled `title` in the QuickPick. Retried: right after a
 * webview had the focus, the QuickPick can open and close at once (it loses the focus to the webview).
 */
export async function openSavedChart(ui, title) {
  const page = ui.page;
  for (let attempt = 1; ; attempt++) {
    try {
      await ui.runCommand('Open Data: Open Saved Chart');
      const input = page.locator('.quick-input-widget input[placeholder="Saved chart to open"]');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(title);
      await page
        .locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) })
        .first()
        .click({ timeout: 5000 });
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden' })
        .catch(() => {});
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`  (the saved-chart QuickPick closed early, attempt ${attempt}: ${String(e.message).split('\n')[0]})`);
      await page.keyboard.press('Escape');
      await page
        .locator('.statusbar')
        .click({ position: { x: 5, y: 5 } })
        .catch(() => {});
    }
  }
}
