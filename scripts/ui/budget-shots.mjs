// The README screenshots of budget acts, in the real workbench (code-server + headless Chromium):
// the sample act in the budget view, then its converted CSV's treemap.
//   node scripts/build.mjs && node scripts/ui/budget-shots.mjs   → media/readme/budget-*.png
import { withSamplesUi } from './readme-shots-lib.mjs';

await withSamplesUi(async (ui) => {
  await ui.openFileFromExplorer('budget-primitif-2022-crach.xml');
  const view = await ui.findWebview('the budget view', async (f) => (await f.locator('table.lines tbody tr').count()) > 0);
  await ui.page.keyboard.press('Escape');
  await ui.screenshot('budget-view');
  await view.locator('vscode-button').first().click();
  await ui.page.locator('.tab', { hasText: 'budget-primitif-2022-crach.csv' }).first().waitFor({ timeout: 60_000 });
  await ui.runCommand('Open Data: Preview Chart');
  const chart = await ui.findWebview(
    'the treemap',
    async (f) => (await f.locator('canvas').count()) > 0 && (await f.evaluate(() => document.body.innerText)).includes('BGT_CONTNAT_LABEL'),
  );
  await ui.page.keyboard.press('Escape');
  // Scrolled to the treemap itself and the data table under it.
  await chart.evaluate(() => document.querySelector('.notes')?.scrollIntoView());
  await ui.runCommand('Notifications: Clear All Notifications').catch(() => {});
  await new Promise((r) => setTimeout(r, 1000));
  await ui.screenshot('budget-treemap');
});
