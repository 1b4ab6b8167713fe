// Diagnostic and Identification in the real host: the published inventory read from a udata
// emulator started in the extension host (flags on the tree, the column check, the last
// known inventory once the portal is gone), the Socle coverage feeding the Wanted Data List,
// the maturity questionnaire and the referents stored in .opendata/project.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stagesSnapshot, type SnapshotNode } from './stages-snapshot';
import { startUdataEmulator, type UdataEmulator } from '../emulator/udata';
import { DIAG_ORG, diagUser, seedUdataDiagnose } from '../emulator/udata-diagnose';
import { api, wsFile } from './lint.test';

const snapshot = () => stagesSnapshot();
const stage = (tree: SnapshotNode[], n: number) => tree.find((s) => s.label.startsWith(`${n}. `))!;
const child = (n: SnapshotNode | undefined, ctx: string) => n?.children?.find((c) => c.contextValue === ctx);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const project = async () => JSON.parse(decode(await vscode.workspace.fs.readFile(wsFile('.opendata/project.json'))));

async function treeWhere(pred: (t: SnapshotNode[]) => boolean, ms = 15000): Promise<SnapshotNode[]> {
  const t0 = Date.now();
  for (;;) {
    const t = await snapshot();
    if (pred(t)) return t;
    if (Date.now() - t0 > ms) throw new Error(`timeout; tree was: ${JSON.stringify(t, null, 1).slice(0, 6000)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

suite('Diagnostic and Identification', () => {
  let emu: UdataEmulator | undefined;
  // Only the project file: other suites keep saved charts in .opendata/charts.
  const projectFile = wsFile('.opendata/project.json');

  suiteTeardown(async () => {
    await emu?.stop();
    for (const u of [projectFile, wsFile('datapackage.json')]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await vscode.commands.executeCommand('openData.refreshStages');
    // The stages suite expects a fresh project: wait until the tree has forgotten this one.
    await treeWhere((t) => stage(t, 1).description === '0/3' && !JSON.stringify(stage(t, 2)).includes('odw.file.added'));
  });

  test('the published inventory shows every flag, the column check and the Socle coverage', async () => {
    await api();
    emu = await startUdataEmulator({ users: [diagUser()] });
    seedUdataDiagnose(emu.state, emu.url, 100); // 105 public datasets: two pages of 100
    await vscode.commands.executeCommand('openData.diagnose.run', {
      kind: 'udata',
      portal: emu.url,
      organization: DIAG_ORG.id,
      checkColumns: true,
    });
    const tree = await treeWhere(
      (t) =>
        /105 datasets/.test(child(stage(t, 1), 'odw.diag.inventory')?.description ?? '') &&
        JSON.stringify(t).includes('no schema declared'),
    );
    const inv = child(stage(tree, 1), 'odw.diag.inventory')!;
    assert.match(inv.label, /^Published on 127\.0\.0\.1:\d+$/);
    const ds = (title: string) => inv.children!.find((c) => c.label === title)!;
    assert.equal(ds('Budget primitif 2019').description, 'stale');
    assert.equal(ds('Délibérations du conseil municipal').description, 'no open format');
    assert.match(ds('Délibérations du conseil municipal').children![0].label, /ask the service for the source file/);
    assert.equal(ds('Équipements sportifs').description, 'no schema declared');
    assert.match(ds('Équipements sportifs').children![0].label, /scdl\/equipements/);
    assert.equal(ds('Liste des parkings').description, 'low quality');
    assert.match(ds('Liste des parkings').children![0].label, /Quality score 2\/9; missing: licence/);
    assert.equal(ds('Subventions 2024').description, 'no flag');
    assert.equal(inv.description, '105 datasets · 4 flagged');
    assert.deepEqual(
      emu.log.filter((e) => e.path.endsWith('/datasets/')).map((e) => e.query),
      ['?page=1&page_size=100', '?page=2&page_size=100'],
    );
    const socle = child(stage(tree, 1), 'odw.diag.socle')!;
    assert.equal(socle.label, 'Socle Commun des Données Locales: 2/14 published');
    assert.equal(socle.children!.find((c) => c.description?.startsWith('scdl/equipements'))!.contextValue, 'odw.diag.socle.missing');
    assert.deepEqual((await project()).diagnosis, { kind: 'udata', portal: emu.url, organization: DIAG_ORG.id });
  });

  test('an unreachable portal gives a clear message and keeps the last known inventory', async () => {
    await emu!.stop();
    emu = undefined;
    await vscode.commands.executeCommand('openData.diagnose.run', { checkColumns: false });
    const tree = await treeWhere((t) => /last known/.test(child(stage(t, 1), 'odw.diag.inventory')?.description ?? ''));
    const inv = child(stage(tree, 1), 'odw.diag.inventory')!;
    assert.match(child(inv, 'odw.diag.error')!.label, /Network error: the portal could not be reached/);
    assert.ok(inv.children!.some((c) => c.label === 'Budget primitif 2019' && c.description === 'stale'));
  });

  test('missing Socle schemas and a hand-made entry feed the Wanted Data List; statuses and the link to the received file', async () => {
    let tree = await snapshot();
    const socleNode = child(stage(tree, 1), 'odw.diag.socle')!;
    assert.ok(socleNode);
    await vscode.commands.executeCommand('openData.diagnose.addSocleToWanted', ['scdl/equipements', 'scdl/deliberations']);
    const id = await vscode.commands.executeCommand<string>('openData.diagnose.addWanted', {
      title: 'Menus des cantines',
      service: 'Restauration',
    });
    tree = await treeWhere((t) => child(stage(t, 2), 'odw.diag.wanted')?.children?.length === 3);
    const wanted = child(stage(tree, 2), 'odw.diag.wanted')!;
    assert.equal(wanted.description, '0/3 received · 0 published');
    assert.deepEqual(
      wanted.children!.map((c) => c.label),
      ['Équipements', 'Délibérations', 'Menus des cantines'],
    );
    assert.equal(wanted.children![2].description, 'wished · Restauration');
    assert.equal(
      child(stage(tree, 1), 'odw.diag.socle')!.children!.find((c) => c.description?.startsWith('scdl/equipements'))!.contextValue,
      'odw.diag.socle.wanted',
    );

    const equip = (await project()).wanted.find((w: { schema?: string }) => w.schema === 'scdl/equipements');
    await vscode.commands.executeCommand('openData.diagnose.setWantedStatus', { id: equip.id, status: 'asked' });
    await vscode.commands.executeCommand('openData.diagnose.setWantedStatus', {
      id: equip.id,
      status: 'received',
      file: 'stages-communes.csv',
    });
    await vscode.commands.executeCommand('openData.diagnose.setWantedStatus', { id, status: 'published' });
    tree = await treeWhere((t) => child(stage(t, 2), 'odw.diag.wanted')?.description === '2/3 received · 1 published');
    const entry = child(stage(tree, 2), 'odw.diag.wanted')!.children![0];
    assert.equal(entry.contextValue, 'odw.diag.wantedEntry.linked');
    assert.match(entry.description!, /^received · scdl\/equipements$/);
    const saved = (await project()).wanted.find((w: { id: string }) => w.id === equip.id);
    assert.equal(saved.file, 'stages-communes.csv');
    assert.deepEqual(Object.keys(saved.dates), ['wished', 'asked', 'received']);
    await vscode.commands.executeCommand('openData.addDataset', wsFile('stages-communes.csv'));
    tree = await treeWhere((t) =>
      /in dataset stages-communes$/.test(child(stage(t, 2), 'odw.diag.wanted')?.children?.[0]?.description ?? ''),
    );
    await vscode.commands.executeCommand('openData.diagnose.openWanted', equip.id);
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /stages-communes\.csv$/);
  });

  test('the maturity questionnaire is stored in the project and its result shown on Diagnostic; referents with status and dates', async () => {
    await vscode.commands.executeCommand('openData.diagnose.maturity', {
      answers: { governance: 2, inventory: 3, publication: 2, quality: 1, reuse: 1 },
    });
    let tree = await treeWhere((t) => /^Maturity: level/.test(child(stage(t, 1), 'odw.diag.maturity')?.label ?? ''));
    const m = child(stage(tree, 1), 'odw.diag.maturity')!;
    assert.equal(m.label, 'Maturity: level 1/5');
    assert.equal(m.description, '5/5 axes · mean 1.8 · start with Quality, Reuse');
    assert.equal(m.children![0].description, '2/5 · A referent is named, without time or mandate');
    const p = await project();
    assert.deepEqual(p.maturity.answers, { governance: 2, inventory: 3, publication: 2, quality: 1, reuse: 1 });
    assert.equal(p.stages, undefined, 'the checklist item is not written: it follows the answers');
    assert.equal(stage(tree, 1).children!.find((c) => c.label === 'Maturity self-assessment done')!.checked, true);
    assert.equal(stage(tree, 1).description, '1/3');

    const ref = await vscode.commands.executeCommand<string>('openData.diagnose.addReferent', {
      service: 'Finances',
      contact: 'Mme Martin',
    });
    await vscode.commands.executeCommand('openData.diagnose.setReferentStatus', { id: ref, status: 'no-answer' });
    tree = await treeWhere((t) => child(stage(t, 1), 'odw.diag.referents')?.children?.[0]?.description?.startsWith('no answer') === true);
    const r = child(stage(tree, 1), 'odw.diag.referents')!;
    assert.equal(r.label, 'Referents (1)');
    assert.equal(r.children![0].label, 'Finances — Mme Martin');
    assert.match(r.children![0].description!, /^no answer · \d{4}-\d\d-\d\d$/);
    const saved = (await project()).referents[0];
    assert.equal(saved.status, 'no-answer');
    assert.deepEqual(Object.keys(saved.dates), ['to-contact', 'no-answer']);
  });

  test('the questionnaire asked interactively: one QuickPick per axis, each answer saved', async () => {
    let done = false;
    const run = Promise.resolve(vscode.commands.executeCommand('openData.diagnose.maturity')).finally(() => (done = true));
    // Accepting does nothing until a QuickPick is open; each accept answers one question with its first level.
    for (let i = 0; i < 60 && !done; i++) {
      await new Promise((r) => setTimeout(r, 300));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await run;
    assert.deepEqual((await project()).maturity.answers, { governance: 1, inventory: 1, publication: 1, quality: 1, reuse: 1 });
    const tree = await treeWhere((t) => child(stage(t, 1), 'odw.diag.maturity')?.description?.startsWith('5/5 axes · mean 1 ') === true);
    assert.equal(child(stage(tree, 1), 'odw.diag.maturity')!.label, 'Maturity: level 1/5');
  });

  test('extra inventory folders list their tables with schema, size and freshness; PDFs say to ask for the source file', async () => {
    const share = mkdtempSync(join(tmpdir(), 'odw-share-'));
    const pdf = wsFile('rapport-activite.pdf');
    try {
      mkdirSync(join(share, 'Sports'));
      writeFileSync(
        join(share, 'Sports', 'equipements.csv'),
        'COLL_NOM,COLL_SIRET,EQUIP_UID,EQUIP_THEME,EQUIP_CODE,EQUIP_TYPE,EQUIP_NOM,ADR_NUMERO,ADR_NOMVOIE,ADR_CODEPOSTAL,ADR_COMMUNE,EQUIP_LAT,EQUIP_LONG\nVille,1,2,Sport,,Gymnase,Nord,1,rue,38000,Grenoble,45.1,5.7\n',
      );
      writeFileSync(join(share, 'Sports', 'bilan.pdf'), '%PDF-1.4\n');
      await vscode.workspace.fs.writeFile(pdf, new TextEncoder().encode('%PDF-1.4\n'));
      await vscode.workspace
        .getConfiguration()
        .update('openData.identification.extraFolders', [share], vscode.ConfigurationTarget.Workspace);
      const tree = await treeWhere(
        (t) => !!child(stage(t, 2), 'odw.diag.folder')?.children?.length && JSON.stringify(stage(t, 2)).includes('rapport-activite.pdf'),
      );
      const folder = child(stage(tree, 2), 'odw.diag.folder')!;
      assert.equal(folder.label, share);
      assert.equal(folder.description, '1 tables');
      assert.equal(folder.children![0].label, 'Sports/equipements.csv');
      assert.match(
        folder.children![0].description!,
        /^1 KB · 1 rows · modified \d{4}-\d\d-\d\d · scdl\/equipements 13\/21 · \d+ errors, \d+ warnings$/,
      );
      const pdfs = stage(tree, 2).children!.find((c) => /^PDF files \(\d+\)$/.test(c.label))!;
      assert.deepEqual(pdfs.children!.map((c) => c.label).sort(), ['Sports/bilan.pdf', 'rapport-activite.pdf']);
      assert.ok(pdfs.children!.every((c) => c.description === 'ask the service for the source file'));
    } finally {
      await vscode.workspace
        .getConfiguration()
        .update('openData.identification.extraFolders', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(pdf).then(undefined, () => undefined);
      rmSync(share, { recursive: true, force: true });
    }
  });
});
