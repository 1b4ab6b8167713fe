#!/usr/bin/env node
// The whole story, end to end in a real browser (code-server + headless Chromium, see docs/journey.md):
// five-stage tree → messy CSV with squiggles and Problems → quick fix → Clean Dataset (rules, diff, Apply)
// → XLSX grid → chart → publish to a local udata emulator ("Sandbox") → the Publication node shows the link
// → Standardise to Schema on a real export.
// One screenshot per step in artifacts/journey/NN-name.png; on failure artifacts/journey/failure.png.
//   node scripts/build.mjs && node scripts/ui/journey.mjs
//   node scripts/ui/journey.mjs --vsix dist/open-data-workbench.vsix     (the packaged extension instead)
import { isUtf8 } from 'node:buffer';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, withUi } from '../vscode-host/ui-lib.mjs';
import {
  log,
  sleep,
  startEmulator,
  webviewWith,
  canvasInk,
  activeEditor,
  visibleText,
  clickNotificationButton,
  clickDialogButton,
  quickInput,
  waitQuickInput,
  openFile,
  waitNote,
  closeNotificationCenter,
} from './journey-lib.mjs';
import { budgetAndStandardiseSteps } from './journey-budget-standardise.mjs';
const vsixAt = process.argv.indexOf('--vsix');
const source = vsixAt !== -1 ? { vsix: process.argv[vsixAt + 1] } : { extensionDevelopmentPath: process.env.ODW_EXT_PATH || REPO };
const ARTIFACTS = join(REPO, 'artifacts', 'journey');
const t0 = Date.now();

// ---------------------------------------------------------------------------------------------
mkdirSync(ARTIFACTS, { recursive: true });
rmSync(join(ARTIFACTS, 'failure.png'), { force: true });
const scratch = mkdtempSync(join(tmpdir(), 'odw-journey-'));
const ws = join(scratch, 'journey');
cpSync(join(REPO, 'test/fixtures/journey'), ws, { recursive: true });
const emulator = await startEmulator(scratch);
// `openData.portals` has "scope": "application": VS Code ignores it in a workspace's .vscode/settings.json
// (a shared folder cannot redirect API keys), so the Sandbox portal goes into the user settings.
const portals = [{ name: 'Sandbox', type: 'udata', url: emulator.url, organization: 'org-demo' }];

const results = [];
let step = 0;
let current = '';
try {
  await withUi(
    {
      workspace: ws,
      ...source,
      artifactsDir: ARTIFACTS,
      settings: { 'openData.portals': portals, 'openData.dataGouvUrl': emulator.url },
      readyCommand: 'Open Data: Lint File on Disk',
    },
    async (ui) => {
      const run = async (name, claim, fn) => {
        step++;
        // ODW_JOURNEY_ONLY=<name>: only the steps whose name contains it (a quick look at one area).
        if (process.env.ODW_JOURNEY_ONLY && !name.includes(process.env.ODW_JOURNEY_ONLY)) return;
        current = `${String(step).padStart(2, '0')}-${name}`;
        const s0 = Date.now();
        log(`step ${step}: ${claim}`);
        try {
          const note = await fn();
          await ui.screenshot(current);
          results.push({ step: current, ok: true, ms: Date.now() - s0, note });
          log(`  ok (${((Date.now() - s0) / 1000).toFixed(1)} s)${note ? ': ' + note : ''}`);
        } catch (e) {
          await ui.page.screenshot({ path: join(ARTIFACTS, `${current}-failed.png`) }).catch(() => {});
          log(
            `  at ${String(e?.stack || '')
              .split('\n')
              .filter((l) => /journey\.mjs|ui-lib\.mjs/.test(l))
              .slice(0, 3)
              .join(' ← ')
              .trim()}`,
          );
          throw new Error(`step ${current} failed (${claim}): ${String(e?.message || e).split('\n')[0]}`);
        }
      };
      const page = ui.page;

      // 1. The "Open Data" activity bar view lists the five stages.
      await run('stages', 'the "Open Data" view shows the five stages', async () => {
        await page.locator('.activitybar .action-item a[aria-label^="Open Data"]').first().click();
        const tree = page.locator('.pane', { hasText: 'Stages' }).locator('.monaco-list').first();
        // The titles follow the display language: French names, or their English versions in an English VS Code.
        const stages = [
          /Diagnostic/,
          /Identification/,
          /Préparation et mise en qualité|Preparation and quality/,
          /Publication/,
          /Valorisation|Promotion/,
        ];
        const seen = [];
        for (const stage of stages) {
          const row = tree.locator('.monaco-list-row[aria-level="1"]', { hasText: stage }).first();
          await row.waitFor();
          seen.push((await row.innerText()).replace(/\s+/g, ' ').trim());
        }
        return seen.join(' | ');
      });

      // 2. The messy Windows-1252 sample: squiggles on the cells and Problems entries.
      await run('squiggles', 'subventions-2024.csv shows squiggles and Problems entries', async () => {
        await ui.openFileFromExplorer('subventions-2024.csv');
        await activeEditor(ui).locator('.squiggly-error, .squiggly-warning').first().waitFor();
        await ui.runCommand('Problems: Focus on Problems View');
        await page.locator('.markers-panel .monaco-list-row').first().waitFor();
        const squiggles = await activeEditor(ui).locator('.squiggly-error, .squiggly-warning, .squiggly-info').count();
        const badge = (
          await page
            .locator('.panel .composite-bar .action-item', { hasText: 'Problems' })
            .first()
            .innerText()
            .catch(() => '')
        ).replace(/\s+/g, ' ');
        if (squiggles === 0) throw new Error('no squiggle');
        return `${squiggles} visible squiggles, Problems tab "${badge}"`;
      });

      // 3. A quick fix from the light bulb (Ctrl+.) on a squiggled cell.
      await run('quick-fix', 'Ctrl+. on a squiggled cell offers "Fix: …" and applying it changes the text', async () => {
        const before = await visibleText(ui);
        // Put the cursor on a faulty cell with Go to Line (clicking squiggles can hit hovers and links):
        // the padded "ASSOCIATION SPORTIVE DU BOCAGE " (cell-whitespace), then other cells of line 2 as fallbacks.
        const candidates = [
          [2, 80],
          [2, 45],
          [2, 150],
          [2, 30],
        ];
        let applied;
        for (const [line, col] of candidates) {
          await openFile(ui, 'subventions-2024.csv');
          await page.keyboard.press('F1');
          await quickInput(ui).locator('input').fill(`:${line}:${col}`);
          await page.keyboard.press('Enter');
          await page.keyboard.press('Control+Period');
          const widget = page
            .locator('.action-widget')
            .filter({ has: page.locator('.monaco-list-row') })
            .first();
          if (
            !(await widget.waitFor({ timeout: 5000 }).then(
              () => true,
              () => false,
            ))
          ) {
            await page.keyboard.press('Escape');
            continue;
          }
          const fix = widget.locator('.monaco-list-row', { hasText: 'Fix: ' }).first();
          if (!(await fix.count())) {
            log(`  no "Fix: …" at ${line}:${col}: ${(await widget.innerText()).replace(/\s+/g, ' ').slice(0, 150)}`);
            await page.keyboard.press('Escape');
            continue;
          }
          applied = `${(await fix.innerText()).trim()} (at ${line}:${col})`;
          await ui.screenshot(`${String(step).padStart(2, '0')}-quick-fix-menu`);
          await fix.click();
          break;
        }
        if (!applied) throw new Error(`none of ${JSON.stringify(candidates)} offered a "Fix: …" action`);
        for (let i = 0; i < 50 && (await visibleText(ui)) === before; i++) await sleep(100);
        if ((await visibleText(ui)) === before) throw new Error(`"${applied}" did not change the text`);
        return `applied "${applied}"`;
      });

      // 4. Clean Dataset: accept the rule list, the encoding conversion, then Apply the diff preview.
      await run('clean-dataset', '"Open Data: Clean Dataset…" → rules → diff preview → Apply changes the text', async () => {
        const before = await visibleText(ui);
        await ui.runCommand('Open Data: Clean Dataset…');
        await waitQuickInput(ui, 'Clean Dataset');
        const rules = (await quickInput(ui).locator('.quick-input-list .monaco-list-row').allInnerTexts()).map((t) => t.split('\n')[0]);
        log(`  rules offered: ${rules.join(' | ')}`);
        await ui.screenshot(`${String(step).padStart(2, '0')}-clean-rules`);
        await page.keyboard.press('Enter');
        // With the encoding rule ticked, a modal asks before rewriting the file as UTF-8 (the original kept as .bak).
        const dialog = page.locator('.monaco-dialog-box', { hasText: 'UTF-8' }).first();
        const diff = page.locator('.editor-group-container.active .monaco-diff-editor').first();
        await Promise.race([dialog.waitFor(), diff.waitFor()]);
        if (!(await dialog.isVisible())) throw new Error('no confirmation before the UTF-8 conversion');
        await ui.screenshot(`${String(step).padStart(2, '0')}-clean-encoding`);
        // "Convert to UTF-8", or "Discard Changes and Convert" while the quick fix is not yet auto-saved.
        await clickDialogButton(ui, 'UTF-8', 'Convert');
        await diff.waitFor();
        const bytes = readFileSync(join(ui.workspace, 'subventions-2024.csv'));
        if (!isUtf8(bytes) || !bytes.toString('utf8').includes('é'))
          throw new Error(
            `the file on disk was not converted to UTF-8 (${isUtf8(bytes) ? 'UTF-8' : 'not UTF-8'}: ${JSON.stringify(bytes.toString('latin1').slice(0, 300))})`,
          );
        if (!existsSync(join(ui.workspace, 'subventions-2024.bak.csv'))) throw new Error('no backup of the Windows-1252 original');
        await ui.page.waitForTimeout(1000);
        await ui.screenshot(`${String(step).padStart(2, '0')}-clean-diff`);
        await clickNotificationButton(ui, 'Apply these changes', 'Apply');
        await ui.waitForNotification('Cleaned:');
        const summary = (await page.locator('.notification-list-item', { hasText: 'Cleaned:' }).first().innerText()).split('\n')[0];
        await closeNotificationCenter(ui);
        // The diff closes or stays: show the cleaned file itself.
        await ui.openFileFromExplorer('subventions-2024.csv');
        for (let i = 0; i < 50 && (await visibleText(ui)) === before; i++) await sleep(100);
        if ((await visibleText(ui)) === before) throw new Error('the text did not change after Apply');
        return `${rules.length} rule(s), converted to UTF-8 (original kept as subventions-2024.bak.csv); ${summary}`;
      });

      // 5. The XLSX grid editor.
      await run('xlsx-grid', 'sheet-aube.xlsx opens in the grid editor with cells', async () => {
        await openFile(ui, 'sheet-aube.xlsx');
        const frame = await webviewWith(ui, '.scroller .cell');
        await ui.page.waitForTimeout(800);
        const cells = await frame.locator('.scroller .cell').count();
        const tabs = await frame
          .locator('.tabs .tab')
          .allInnerTexts()
          .catch(() => []);
        if (cells < 10) throw new Error(`only ${cells} cells rendered`);
        return `${cells} cells rendered, sheets: ${tabs.join(', ')}`;
      });

      // 6. The chart side panel.
      await run('chart', '"Open Data: Preview Chart" on a CSV draws a non-empty canvas', async () => {
        await ui.openFileFromExplorer('budget-primitif-2024.csv');
        await ui.runCommand('Open Data: Preview Chart');
        const frame = await webviewWith(ui, 'canvas.chart');
        await frame.locator('table.data tbody tr').first().waitFor();
        let ink = { share: 0 };
        for (let i = 0; i < 20 && ink.share <= 0.01; i++) {
          ink = await canvasInk(frame);
          if (ink.share <= 0.01) await sleep(250);
        }
        if (!(ink.width > 100 && ink.share > 0.01)) throw new Error(`the canvas is empty (${JSON.stringify(ink)})`);
        const heading =
          (await frame
            .locator('h2.heading')
            .first()
            .textContent()
            .catch(() => '')) ?? '';
        return `canvas ${ink.width}px wide, ${(ink.share * 100).toFixed(1)}% ink, "${heading.trim()}"`;
      });

      // 7. Publish to the local emulator ("Sandbox") through the prompts; the Publication node shows the link.
      await run('publish-key', '"Open Data: Set Portal API Key…" stores the Sandbox key', async () => {
        await closeNotificationCenter(ui);
        await ui.runCommand('Open Data: Set Portal API Key…');
        await waitQuickInput(ui, 'Set the API key of which portal');
        await quickInput(ui).locator('input').fill('Sandbox');
        await quickInput(ui).locator('.quick-input-list .monaco-list-row', { hasText: 'Sandbox' }).first().waitFor();
        await page.keyboard.press('Enter');
        await waitQuickInput(ui, 'API key for Sandbox');
        await quickInput(ui).locator('input').fill(emulator.key);
        await ui.screenshot(`${String(step).padStart(2, '0')}-publish-key-typed`);
        await sleep(300); // the input box validates asynchronously: an early Enter can be dropped
        await page.keyboard.press('Enter');
        await waitNote(ui, 'API key of Sandbox saved');
        return 'key saved';
      });
      await closeNotificationCenter(ui);

      // `openData.dataGouvUrl` points "Publish to data.gouv.fr" at the emulator (as it would at demo.data.gouv.fr).
      await run('publish', '"Open Data: Publish to data.gouv.fr" → prompts → private dataset on the local udata', async () => {
        await page.keyboard.press('F1');
        await quickInput(ui).locator('input').fill('>Open Data: Publish to data.gouv.fr');
        await quickInput(ui)
          .locator('.quick-input-list .monaco-list-row', {
            has: page.locator('.label-name', { hasText: /^Open Data: Publish to data\.gouv\.fr/ }),
          })
          .first()
          .click();
        // The only metadata datapackage.json lacks is the temporal coverage: type it.
        await waitQuickInput(ui, 'Temporal coverage');
        await quickInput(ui).locator('input').fill('2024-01-01/2024-12-31');
        await page.keyboard.press('Enter');
        // The spatial coverage is picked from the portal's own zones; left empty here.
        await waitQuickInput(ui, 'Spatial coverage');
        await page.keyboard.press('Enter');
        // The confirmation names the dataset and lists its files (#16).
        const confirm = ui.page
          .locator('.monaco-dialog-box', { hasText: 'Create a new private dataset' })
          .filter({ hasText: 'on Sandbox' })
          .first();
        await confirm.waitFor();
        await ui.screenshot(`${String(step).padStart(2, '0')}-publish-confirm`);
        await clickDialogButton(ui, 'Create a new private dataset', 'Publish');
        await waitNote(ui, 'Published as a private dataset');
        const text = await page.locator('.notification-list-item', { hasText: 'Published as a private dataset' }).first().innerText();
        const url = /(https?:\/\/\S+?)\.?\s/.exec(text + ' ')?.[1];
        if (!url?.startsWith(emulator.url)) throw new Error(`the notification does not name a Sandbox URL: ${text}`);
        return `published: ${url}`;
      });

      await run('publication-node', 'the Publication stage of the tree shows the published link', async () => {
        await clickNotificationButton(ui, 'Published as a private dataset', 'Make Public').catch(() => {});
        await closeNotificationCenter(ui);
        await page.locator('.activitybar .action-item a[aria-label^="Open Data"]').first().click();
        const tree = page.locator('.pane', { hasText: 'Stages' }).locator('.monaco-list').first();
        const expand = async (row) => {
          if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
        };
        await expand(tree.locator('.monaco-list-row[aria-level="1"]', { hasText: /\d\. Publication/ }).first());
        const datasetRow = tree.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Équipements publics' }).last();
        await datasetRow.waitFor();
        await expand(datasetRow);
        // The dataset's "Published <date> · <portal URL>" node (not the "Published on data.gouv.fr…" checklist item).
        const published = tree.locator('.monaco-list-row[aria-level="3"]', { hasText: /Published\s*\d/ }).first();
        await published.waitFor({ timeout: 30_000 });
        const label = (await published.innerText()).replace(/\s+/g, ' ').trim();
        await published.hover();
        await page
          .locator('.monaco-hover, .workbench-hover', { hasText: emulator.url })
          .first()
          .waitFor({ timeout: 10_000 })
          .catch(() => log('  (no hover with the URL appeared)'));
        const project = JSON.parse(readFileSync(join(ui.workspace, '.opendata', 'project.json'), 'utf8'));
        const pub = project.datasets?.equipements?.publication;
        if (!pub?.url?.startsWith(emulator.url))
          throw new Error(`.opendata/project.json has no Sandbox publication: ${JSON.stringify(project)}`);
        // The stage follows the publication record: "Published…" ticked, the target portal named.
        const stageRows = tree.locator('.monaco-list-row[aria-level="2"]');
        const portalRow = stageRows.filter({ hasText: 'Target portal' }).first();
        const portalText = (await portalRow.innerText()).replace(/\s+/g, ' ');
        if (!portalText.includes(emulator.url)) throw new Error(`"Target portal" does not name the portal published to: ${portalText}`);
        const checkRow = stageRows.filter({ hasText: 'Published on data.gouv.fr or the local portal' }).first();
        const ticked = await checkRow.evaluate(
          (el) => !!el.querySelector('.codicon-check, [aria-checked="true"], input:checked') || el.getAttribute('aria-checked') === 'true',
        );
        if (!ticked)
          throw new Error(
            `the checklist item "Published on data.gouv.fr or the local portal" is not ticked: ${(await checkRow.innerHTML()).slice(0, 400)}`,
          );
        return `tree: "${label}", link ${pub.url}; "${portalText.trim()}", "Published…" ticked`;
      });

      await budgetAndStandardiseSteps(ui, run, () => String(step).padStart(2, '0'));
    },
  );
} catch (e) {
  console.error(`[journey] FAILED at ${current}: ${String(e?.message || e).split('\n')[0]}`);
  console.error(`[journey] screenshot: ${join(ARTIFACTS, 'failure.png')}`);
  process.exitCode = 1;
} finally {
  emulator.stop();
  rmSync(scratch, { recursive: true, force: true });
  const total = ((Date.now() - t0) / 1000).toFixed(1);
  writeFileSync(
    join(ARTIFACTS, 'journey-results.json'),
    JSON.stringify({ ok: process.exitCode !== 1, seconds: Number(total), steps: results }, null, 2),
  );
  log(`${results.length} step(s) passed${process.exitCode === 1 ? `, failed at ${current}` : ''}; ${total} s in all`);
}
