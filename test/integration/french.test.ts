// The extension's own French in the real host, run with the display language French
// (npm run test:host:fr): Replay Recipe's refusal of a misspelt recipe and its warning for a
// misspelt rule, and the tooltip and description of a published dataset on the Diagnostic
// tree. Skipped under another language.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startUdataEmulator, type UdataEmulator } from '../emulator/udata';
import { DIAG_ORG, diagUser, seedUdataDiagnose } from '../emulator/udata-diagnose';
import { frequencyWord } from '../../src/core/diagnose/messages';
import { api, diagnosticsWhere, wsFile } from './lint.test';
import { warningsShownDuring } from './shown';

/** Every tree item under `nodes`, depth first, as the tree view reads them. */
async function items(tree: vscode.TreeDataProvider<unknown>, nodes: readonly unknown[] = []): Promise<vscode.TreeItem[]> {
  const out: vscode.TreeItem[] = [];
  for (const n of nodes) out.push(await tree.getTreeItem(n), ...(await items(tree, (await tree.getChildren(n)) ?? [])));
  return out;
}

const labelOf = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : (i.label?.label ?? ''));
/** A Markdown tooltip as the person reads it: appendText's escapes, non-breaking spaces and blank lines removed. */
const tooltipText = (i: vscode.TreeItem) =>
  typeof i.tooltip === 'string'
    ? i.tooltip
    : (i.tooltip?.value ?? '')
        .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
        .replace(/&nbsp;/g, ' ')
        .replace(/\n{2,}/g, '\n');

suite('Extension in French (fr)', () => {
  let emu: UdataEmulator | undefined;

  suiteSetup(function () {
    if (!vscode.env.language.toLowerCase().startsWith('fr')) this.skip();
  });
  suiteTeardown(async () => {
    await emu?.stop();
    await vscode.workspace.fs.delete(wsFile('.opendata/project.json')).then(undefined, () => undefined);
  });

  test('Replay Recipe refuses a misspelt source in one French line', async () => {
    const probes = await api();
    const recipeUri = wsFile('.opendata/recipes/source-mal-ecrite.json');
    const recipe = {
      version: 1,
      steps: [{ rule: 'standardise', standardise: { schema: { name: 'scdl/subventions' }, fields: { nomAttribuant: { colum: 'Nom' } } } }],
    };
    await vscode.workspace.fs.writeFile(recipeUri, new TextEncoder().encode(JSON.stringify(recipe)));
    const before = probes.recipeRefusals().length;
    const ok = await vscode.commands.executeCommand<boolean>('openData.replayRecipe', wsFile('fixes-replay.csv'), recipeUri, {
      apply: true,
    });
    assert.equal(ok, false);
    assert.deepEqual(probes.recipeRefusals().slice(before), [
      'Recette invalide .opendata/recipes/source-mal-ecrite.json : /steps/0/standardise/fields/nomAttribuant (étape 1) a une source inconnue « colum » : vouliez-vous dire column ?',
    ]);
  });

  test('Replay Recipe warns of a misspelt rule in French, naming the rule meant', async () => {
    await api();
    const uri = wsFile('fixes-replay.csv');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (d) => d.length > 0);
    const recipeUri = wsFile('.opendata/recipes/regle-mal-ecrite.json');
    const recipe = { version: 1, steps: [{ rule: 'cell-whitespace' }, { rule: 'blank-rwo' }] };
    await vscode.workspace.fs.writeFile(recipeUri, new TextEncoder().encode(JSON.stringify(recipe)));
    try {
      const { result, shown } = await warningsShownDuring(() =>
        vscode.commands.executeCommand<boolean>('openData.replayRecipe', uri, recipeUri, { apply: true }),
      );
      assert.equal(result, true);
      assert.deepEqual(shown, [
        'Recette .opendata/recipes/regle-mal-ecrite.json : /steps/1 (étape 2) : aucune règle ne s’appelle « blank-rwo », vouliez-vous dire blank-row ? Cette étape ne corrige rien.',
      ]);
      assert.equal(doc.getText(), 'nom;montant;date\r\nASSO;12;01/02/2020\r\nB;1 234,50;15/03/2021\r\n;;\r\n');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.workspace.fs.delete(recipeUri).then(undefined, () => undefined);
    }
  });

  test('the Diagnostic tree describes a published dataset in French, tooltip included', async () => {
    const probes = await api();
    emu = await startUdataEmulator({ users: [diagUser()] });
    seedUdataDiagnose(emu.state, emu.url, 0);
    await vscode.commands.executeCommand('openData.diagnose.run', {
      kind: 'udata',
      portal: emu.url,
      organization: DIAG_ORG.id,
      checkColumns: false,
    });
    const tree = await probes.stages();
    let all: vscode.TreeItem[] = [];
    for (const t0 = Date.now(); Date.now() - t0 < 15000; await new Promise((r) => setTimeout(r, 150))) {
      all = await items(tree, (await tree.getChildren()) ?? []);
      if (all.some((i) => i.contextValue === 'odw.diag.dataset')) break;
    }
    const inventory = all.find((i) => i.contextValue === 'odw.diag.inventory')!;
    assert.match(labelOf(inventory), /^Publié sur 127\.0\.0\.1:\d+$/);
    assert.match(String(inventory.description), /^\d+ jeux de données · \d+ signalés$/);
    const ds = all.find((i) => i.contextValue === 'odw.diag.dataset' && labelOf(i) === 'Subventions 2024')!;
    assert.ok(ds, 'the dataset is on the tree');
    assert.equal(ds.description, 'aucun signalement');
    const tip = tooltipText(ds);
    assert.match(tip, /^Subventions 2024$/m);
    assert.match(tip, /^Dernière mise à jour : \d{4}-\d{2}-\d{2}$/m);
    assert.match(tip, new RegExp(`^Fréquence : ${frequencyWord('annual', 'fr')}$`, 'm'));
    assert.match(tip, /^Formats : csv$/m);
    assert.match(tip, /^Schéma : scdl\/subventions$/m);
    assert.match(tip, /^Score de qualité data\.gouv\.fr : \d\/9$/m);
    assert.doesNotMatch(tip, /Last update|Frequency|Schema:|quality score|annual/);
  });
});
