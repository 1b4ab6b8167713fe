// Screenshots of the Diagnostic and Identification nodes against the udata emulator seeded
// with the flagged organisation: `npm run build && npx tsc -p . && node scripts/ui/diagnose-shot.mjs`
// → artifacts/ui/diagnose-*.png. The project file holds the portal, maturity answers,
// referents and a wanted list, so the tree shows every part after one "Read".
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, withUi } from '../vscode-host/ui-lib.mjs';

const require = createRequire(import.meta.url);
const { startUdataEmulator } = require(join(REPO, 'out-test/test/emulator/udata.js'));
const seed = require(join(REPO, 'out-test/test/emulator/udata-diagnose.js'));

const emu = await startUdataEmulator({ users: [seed.diagUser()] });
seed.seedUdataDiagnose(emu.state, emu.url, 2);
const ws = join(mkdtempSync(join(tmpdir(), 'odw-diag-ui-')), 'ville');
mkdirSync(join(ws, '.opendata'), { recursive: true });
cpSync(join(REPO, 'test/fixtures/workspace/stages-subventions.csv'), join(ws, 'subventions.csv'));
writeFileSync(join(ws, 'rapport-activite.pdf'), '%PDF-1.4\n');
const day = new Date().toISOString().slice(0, 10);
writeFileSync(
  join(ws, '.opendata', 'project.json'),
  JSON.stringify(
    {
      version: 1,
      diagnosis: { kind: 'udata', portal: emu.url, organization: seed.DIAG_ORG.id },
      maturity: { answers: { governance: 2, inventory: 3, publication: 2, quality: 2, reuse: 1 }, assessedAt: day },
      referents: [
        { id: 'ref-1', service: 'Finances', contact: 'Mme Martin', status: 'received', dates: { 'to-contact': day, received: day } },
        { id: 'ref-2', service: 'Sports', status: 'no-answer', dates: { 'to-contact': day, 'no-answer': day } },
      ],
      wanted: [
        {
          id: 'want-1',
          title: 'Équipements',
          schema: 'scdl/equipements',
          service: 'Sports',
          status: 'asked',
          dates: { wished: day, asked: day },
          origin: 'socle',
        },
        { id: 'want-2', title: 'Délibérations', schema: 'scdl/deliberations', status: 'wished', dates: { wished: day }, origin: 'socle' },
      ],
    },
    null,
    2,
  ),
);

try {
  await withUi({ workspace: ws, extensionDevelopmentPath: REPO, readyCommand: 'Open Data: Read the Published Datasets' }, async (ui) => {
    const page = ui.page;
    await page.locator('.activitybar .action-item a[aria-label^="Open Data"]').first().click();
    // A wider side bar, so the descriptions are readable: drag its edge.
    const bar = await page.locator('.part.sidebar').first().boundingBox();
    if (bar) {
      const x = bar.x + bar.width + 2;
      await page.mouse.move(x, 450);
      await page.mouse.down();
      await page.mouse.move(x + 520, 450, { steps: 8 });
      await page.mouse.up();
    }
    await ui.runCommand('Open Data: Read the Published Datasets');
    const tree = page.locator('.pane', { hasText: 'Stages' }).locator('.monaco-list').first();
    await tree.locator('.monaco-list-row', { hasText: 'Budget primitif 2019' }).first().waitFor();
    for (const t of ['Budget primitif 2019', 'Délibérations du conseil', 'Liste des parkings'])
      await tree.locator('.monaco-list-row', { hasText: t }).first().locator('.monaco-tl-twistie').click();
    await ui.screenshot('diagnose-1-inventory');
    await tree.locator('.monaco-list-row', { hasText: 'Socle Commun' }).first().click();
    await tree.locator('.monaco-list-row', { hasText: 'Maturity' }).first().click();
    await tree
      .locator('.monaco-list-row', { hasText: /^Referents|Référents/ })
      .first()
      .click()
      .catch(() => {});
    await ui.screenshot('diagnose-2-socle-maturity');
    await tree.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Diagnostic' }).first().click();
    await tree.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Identification' }).first().click();
    await tree.locator('.monaco-list-row', { hasText: 'Wanted Data List' }).first().waitFor();
    await ui.screenshot('diagnose-3-identification');
  });
} finally {
  await emu.stop();
}
