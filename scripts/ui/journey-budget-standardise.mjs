// The journey's last stages: a budget act (view, conversion, treemap) and Standardise to Schema on a
// real export. Steps of scripts/ui/journey.mjs, given its `run` and the number of the current step.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../vscode-host/ui-lib.mjs';
import { closeNotificationCenter, openFile, sleep, webviewWith } from './journey-lib.mjs';

/** `ui` and `run` as journey.mjs has them; `num()` is the current step's number, two digits. */
export async function budgetAndStandardiseSteps(ui, run, num) {
  const page = ui.page;
  // The budget act (TOTEM XML) opens in the budget view: header card, lines, problems.
  await run('budget-view', 'a budget act opens in the budget view with its header and lines', async () => {
    await closeNotificationCenter(ui);
    await ui.openFileFromExplorer('budget-primitif-2022-crach.xml');
    const frame = await ui.findWebview(
      'the budget view',
      async (f) => (await f.locator('.card h2', { hasText: 'Budget primitif 2022' }).count()) > 0,
    );
    await frame.locator('table.lines tbody tr').first().waitFor();
    const rows = await frame.locator('table.lines tbody tr').count();
    if (rows < 100) throw new Error(`only ${rows} lines shown`);
    // The chapter filter: only the lines of chapter 011, the code kept with its zero.
    await frame.evaluate(() => {
      const s = document.querySelector('[data-filter="chapter"]');
      s.value = '011';
      s.dispatchEvent(new Event('change'));
    });
    const firsts = await frame.locator('table.lines tbody tr td:first-child').allInnerTexts();
    if (!firsts.length || firsts.length >= rows || firsts.some((c) => c.trim() !== '011'))
      throw new Error(`the chapter filter kept ${firsts.length} lines: ${firsts.slice(0, 5).join(', ')}`);
    return `${(await frame.locator('.card h2').first().innerText()).trim()}; ${rows} lines, ${firsts.length} in chapter 011`;
  });

  // Convert it: the CSV opens beside, then its suggested chart is the treemap of the dépenses.
  await run('budget-treemap', '"Convert Budget to SCDL CSV" writes the CSV, and its chart is a treemap', async () => {
    const view = await ui.findWebview('the budget view', async (f) => (await f.locator('.card h2').count()) > 0);
    await view
      .locator('vscode-button', { hasText: /Convert|Convertir/ })
      .first()
      .click();
    await page.locator('.tab', { hasText: 'budget-primitif-2022-crach.csv' }).first().waitFor({ timeout: 60_000 });
    await closeNotificationCenter(ui);
    await ui.runCommand('Open Data: Preview Chart');
    await ui.findWebview(
      'the budget treemap',
      async (f) =>
        (await f.locator('canvas').count()) > 0 && (await f.evaluate(() => document.body.innerText)).includes('BGT_CONTNAT_LABEL'),
    );
    await sleep(1000);
    // Two levels: the heading says "…, then by BGT_NATURE_LABEL" and the table lists chapter › nature rows.
    const chart = await ui.findWebview('the budget treemap', async (f) => (await f.locator('canvas').count()) > 0);
    const heading = await chart.locator('h2.heading').innerText();
    const nested = await chart.locator('table.data tr.child').count();
    if (!heading.includes('BGT_NATURE_LABEL') || nested < 10) throw new Error(`one level only: "${heading}", ${nested} nature rows`);
    // The row filter switches the treemap to the recettes, and back.
    const pick = (v) =>
      chart.evaluate((value) => {
        const sel = [...document.querySelectorAll('vscode-single-select')].find((e) =>
          [...e.querySelectorAll('vscode-option')].some((o) => o.value === 'recette'),
        );
        sel.value = value;
        sel.dispatchEvent(new Event('change'));
      }, v);
    await pick('recette');
    await chart.locator('table.data', { hasText: 'Dotations et participations' }).waitFor({ timeout: 20_000 });
    await pick('dépense');
    await chart.locator('table.data', { hasText: 'Charges à caractère général' }).waitFor({ timeout: 20_000 });
    const csv = join(ui.workspace, 'budget-primitif-2022-crach.csv');
    if (!existsSync(csv)) throw new Error('no CSV written beside the act');
    return `${readFileSync(csv, 'utf8').split('\n').length - 2} rows written; "${heading}", ${nested} chapter › nature rows; switched to the recettes and back`;
  });

  // The explorer's context menu converts too; on an act already converted it asks before replacing the CSV.
  await run(
    'budget-context-menu',
    'the explorer context menu of the act offers "Convert Budget to SCDL CSV", which asks before replacing the CSV',
    async () => {
      await closeNotificationCenter(ui);
      const csv = join(ui.workspace, 'budget-primitif-2022-crach.csv');
      const before = readFileSync(csv);
      const view = page.locator('.explorer-folders-view');
      if (!(await view.isVisible())) await ui.runCommand('View: Show Explorer');
      const row = view
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: /^budget-primitif-2022-crach\.xml$/ }) })
        .first();
      await row.click({ button: 'right' });
      const item = page.locator('.monaco-menu .action-item', { hasText: 'Convert Budget to SCDL CSV' }).first();
      await item.waitFor({ timeout: 20_000 });
      await ui.screenshot(`${num()}-budget-context-menu-open`);
      await item.click();
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'already exists. Replace it?' });
      await dialog.waitFor({ timeout: 20_000 });
      const buttons = (await dialog.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await dialog.waitFor({ state: 'detached', timeout: 20_000 });
      await sleep(500);
      if (!readFileSync(csv).equals(before)) throw new Error('the CSV changed although Cancel was chosen');
      return `menu entry shown; the replace question offered ${buttons.join(' / ')}; Cancel left the CSV as it was`;
    },
  );

  // 10. Standardise a real export (the Aube workbook, French labels of the arrêté) to scdl/subventions.
  await run(
    'standardise',
    '"Open Data: Standardise to Schema…" maps sheet-aube.xlsx, previews the result with its validation counts, writes the CSV',
    async () => {
      await closeNotificationCenter(ui);
      // The panel alone in the window, for the screenshots.
      await ui.runCommand('View: Close All Editor Groups');
      if (
        await page
          .locator('.part.panel')
          .isVisible()
          .catch(() => false)
      )
        await page.keyboard.press('Control+J');
      // Next year's rows of the same export, as a CSV with the same labels: stacked under the sheet below.
      cpSync(join(REPO, 'test/fixtures/standardise/aube-2018.csv'), join(ui.workspace, 'aube-2018.csv'));
      await openFile(ui, 'sheet-aube.xlsx');
      await ui.runCommand('Open Data: Standardise to Schema…');
      const frame = await webviewWith(ui, 'table.fields');
      await frame.locator('#counts', { hasText: /\d+ errors/ }).waitFor({ timeout: 60_000 });
      const mapped = await frame.locator('table.fields .note').count();
      await ui.screenshot(`${num()}-standardise-map`);
      // notificationUE holds the template's "Ne rien indiquer": make it the constant "non" and watch the counts fall.
      const before = (await frame.locator('#counts').innerText()).trim();
      const row = frame.locator('tr[data-field="notificationUE"]');
      await row
        .locator('vscode-single-select')
        .first()
        .evaluate((s) => {
          s.value = 'const';
          s.dispatchEvent(new Event('change'));
        });
      await row
        .locator('.params vscode-textfield')
        .first()
        .evaluate((t) => {
          t.value = 'non';
          t.dispatchEvent(new Event('input'));
        });
      await frame
        .locator('#counts', { hasText: /errors/ })
        .filter({ hasNotText: before })
        .waitFor({ timeout: 30_000 });
      if ((await row.locator('td.bad').innerText()).trim() !== '') throw new Error('notificationUE still has problems after the constant');
      await frame.locator('.preview table').scrollIntoViewIfNeeded();
      const counts = (await frame.locator('#counts').innerText()).trim();
      const previewCols = await frame.locator('.preview table tr').first().locator('th').count();
      await ui.screenshot(`${num()}-standardise-preview`);
      // Stack aube-2018.csv under the sheet (Table operations), the rows saying where they came from.
      await frame.locator('details.ops summary').click();
      await frame.locator('#stack').evaluate((m) => {
        const o = [...m.querySelectorAll('vscode-option')].find((x) => x.textContent.trim() === 'aube-2018.csv');
        if (!o) throw new Error('aube-2018.csv is not offered to stack');
        m.value = [o.getAttribute('value')];
      });
      await frame.locator('#stack-column').evaluate((t) => (t.value = 'Fichier'));
      const rowsBefore = await frame.locator('.preview table tr').count();
      await frame.locator('#apply-table').click();
      await frame.locator('.preview table tr').nth(rowsBefore).waitFor({ timeout: 60_000 });
      const rowsAfter = (await frame.locator('.preview table tr').count()) - 1;
      if (
        (await frame
          .locator('tr[data-field="notificationUE"] .params vscode-textfield')
          .first()
          .evaluate((t) => t.value)) !== 'non'
      )
        throw new Error('the constant was lost when the table changed');
      await frame.locator('details.ops').scrollIntoViewIfNeeded();
      await ui.screenshot(`${num()}-standardise-stack`);
      // Write: a save dialog proposes a new file beside the source; accept it.
      await frame.locator('#write').click();
      const dialog = page.locator('.quick-input-widget input');
      await dialog.waitFor({ timeout: 30_000 });
      await page.waitForFunction(
        () => /sheet-aube-subventions\.csv$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''),
        null,
        {
          timeout: 30_000,
        },
      );
      await ui.screenshot(`${num()}-standardise-write`);
      await dialog.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'sheet-aube-subventions.csv' }).first().waitFor({ timeout: 60_000 });
      const out = join(ui.workspace, 'sheet-aube-subventions.csv');
      if (!existsSync(out)) throw new Error('sheet-aube-subventions.csv was not written');
      const header = readFileSync(out, 'utf8').split('\r\n')[0];
      if (!header.startsWith('nomAttribuant,idAttribuant,dateConvention')) throw new Error(`unexpected header: ${header}`);
      if (!/,non,/.test(readFileSync(out, 'utf8').split('\r\n')[1]))
        throw new Error('the constant notificationUE=non is not in the written file');
      const written = readFileSync(out, 'utf8').trim().split('\r\n').length - 1;
      if (written !== 9) throw new Error(`${written} rows written, not the 7 + 2 stacked`);
      return `${mapped} fields proposed, preview ${previewCols} columns, "${before}" → notificationUE = "non" → "${counts}"; aube-2018.csv stacked (${rowsAfter} rows); wrote sheet-aube-subventions.csv (${written} rows) from the save dialog`;
    },
  );

  // Several "drop where" rules in the panel: each drops its rows, and removing one gives its rows back.
  await run('standardise-drop-rules', 'Table operations hold several "drop the rows whose column…" rules, added and removed', async () => {
    const frame = await webviewWith(ui, 'table.fields');
    const previewRows = async (n) => {
      await frame.locator('.preview table').waitFor({ timeout: 60_000 });
      await frame.waitForFunction((want) => document.querySelectorAll('.preview table tr').length - 1 === want, n, { timeout: 60_000 });
    };
    await previewRows(9);
    if ((await frame.locator('details.ops').getAttribute('open')) === null) await frame.locator('details.ops summary').click();
    const setRule = (n, column, values) =>
      frame.evaluate(
        ([id, c, v]) => {
          const s = document.getElementById(id === 1 ? 'drop-where' : `drop-where-${id}`);
          if (![...s.querySelectorAll('vscode-option')].some((o) => o.getAttribute('value') === c)) throw new Error(`no column ${c}`);
          s.value = c;
          document.getElementById(id === 1 ? 'drop-values' : `drop-values-${id}`).value = v;
        },
        [n, column, values],
      );
    // The sheet's rows 5 and 9 and both stacked rows are paid once; row 7 is in money and in kind.
    await setRule(1, 'Conditions de versement', 'unique');
    await frame.locator('#add-where').click();
    await setRule(2, 'Nature de la subvention', 'Aide en numéraire et en nature');
    await frame.locator('details.ops').scrollIntoViewIfNeeded();
    await ui.screenshot(`${num()}-standardise-drop-rules-set`);
    await frame.locator('#apply-table').click();
    await previewRows(4);
    const rules = await frame.locator('.remove-where').count();
    if (rules !== 2) throw new Error(`${rules} rules shown after Apply, not the 2 applied`);
    // Remove the first rule: only the row in money and in kind stays dropped.
    await frame.locator('.remove-where').first().click();
    await frame.locator('#apply-table').click();
    await previewRows(8);
    return `2 rules: 9 → 4 rows in the preview; the first removed: 8 rows`;
  });

  // The notices: a small export with a spacer row and two totals rows. The proposal drops the
  // totals ("Drop totals rows" ticked, its reason under it) and the preview says so; unticked and
  // applied, the totals notice's "Drop totals rows" (reached with Tab, pressed with Enter) applies
  // the table operation again; the blank row's notice stays (blank rows are never written).
  await run(
    'standardise-notices',
    'the proposal drops the totals rows and says why; unticked, the notice’s "Drop totals rows" leaves them out again',
    async () => {
      await closeNotificationCenter(ui);
      await ui.runCommand('View: Close All Editor Groups');
      cpSync(join(REPO, 'test/fixtures/standardise/subventions-totaux.csv'), join(ui.workspace, 'subventions-totaux.csv'));
      await openFile(ui, 'subventions-totaux.csv');
      await ui.runCommand('Open Data: Standardise to Schema…');
      const frame = await webviewWith(ui, '#notices li', 60_000);
      const notices = async () => (await frame.locator('#notices li > span').allInnerTexts()).map((t) => t.trim());
      const proposed = await notices();
      const wantProposed = ['1 blank row not written (line 4).', '2 totals rows not written: “Drop totals rows” is on (lines 6, 8).'];
      if (JSON.stringify(proposed) !== JSON.stringify(wantProposed)) throw new Error(`notices shown: ${JSON.stringify(proposed)}`);
      const heading = (await frame.locator('#notices h3').innerText()).trim();
      if (!heading.startsWith('In the whole file')) throw new Error(`notices heading: ${heading}`);
      const reason = (await frame.locator('#totals-reason').innerText()).trim();
      if (!reason.startsWith('Proposed: 2 totals rows in the rows read (lines 6, 8)')) throw new Error(`reason shown: ${reason}`);
      // Untick "Drop totals rows" and apply: the totals are written, and said with the button.
      await frame.locator('details.ops vscode-checkbox').filter({ hasText: 'Drop totals rows' }).click();
      await frame.locator('#apply-table').click();
      await frame.waitForFunction(() => !!document.querySelector('#notices li[data-kind="totalsWritten"]'), null, { timeout: 60_000 });
      const before = await notices();
      const want = ['1 blank row not written (line 4).', '2 totals rows written as records (lines 6, 8).'];
      if (JSON.stringify(before) !== JSON.stringify(want)) throw new Error(`notices shown: ${JSON.stringify(before)}`);
      const previewRows = () => frame.evaluate(() => document.querySelectorAll('.preview table tr').length - 1);
      const rowsBefore = await previewRows();
      await frame.locator('#notices').scrollIntoViewIfNeeded();
      await ui.screenshot(`${num()}-standardise-notices-totals`);
      // Keyboard only: focus the button, Enter.
      await frame.locator('#notices .notice-action').focus();
      await page.keyboard.press('Enter');
      await frame.waitForFunction(
        () =>
          [...document.querySelectorAll('#notices li')].map((li) => li.dataset.kind).join() === 'blank,totalsDropped' &&
          document.querySelectorAll('.preview table tr').length - 1 === 4,
        null,
        { timeout: 60_000 },
      );
      const after = await notices();
      if ((await frame.locator('details.ops').getAttribute('open')) === null) await frame.locator('details.ops summary').click();
      const ticked = await frame.evaluate(
        () =>
          [...document.querySelectorAll('details.ops vscode-checkbox')].find((c) => /Drop totals rows/.test(c.textContent ?? ''))
            ?.checked === true,
      );
      if (!ticked) throw new Error('"Drop totals rows" is not ticked under Table operations after the notice’s button');
      await frame.locator('#notices').scrollIntoViewIfNeeded();
      return `notices "${before.join('" / "')}"; Enter on "Drop totals rows": ${rowsBefore} → ${await previewRows()} rows, left "${after.join('" / "')}", the operation ticked`;
    },
  );
}
