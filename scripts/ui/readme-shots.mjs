// Takes the README screenshots in the real workbench (code-server + headless Chromium):
// the messy sample open with squiggles, a hover, and the Problems panel.
//   node scripts/ui/readme-shots.mjs   → media/readme/*.png
import { withSamplesUi } from './readme-shots-lib.mjs';

await withSamplesUi(async (ui) => {
  await ui.openFileFromExplorer('subventions-2024.csv');
  await ui.page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor();
  await ui.runCommand('Problems: Focus on Problems View');
  await ui.page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await ui.screenshot('lint-problems');
});
