// Cleaning in the real extension host: quick fixes on exact cells, fix-all, Clean Dataset
// as one undoable edit, recorded recipes replayed on another file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestProbes as Api } from '../../src/vscode/test-probes';
import { api, diagnosticsWhere, wsFile } from './lint.test';
import { warningsShownDuring } from './shown';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ORIGINAL = 'nom;montant;date\n ASSO ;12;01/02/2020\nB;1 234,50;15/03/2021\n;;\n';
const CLEANED = 'nom;montant;date\nASSO;12;2020-02-01\nB;1234.50;2021-03-15\n';

async function openBasic(): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; ds: vscode.Diagnostic[] }> {
  await api();
  const uri = wsFile('fixes-basic.csv');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'cell-whitespace') && d.some((x) => codeOf(x) === 'blank-row'));
  return { uri, doc, ds };
}

/** Code actions once the lint has caught up with the text (a stale lint offers no fix). */
async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string, ms = 15000): Promise<vscode.CodeAction[]> {
  const t0 = Date.now();
  for (;;) {
    const got = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
    if (got.some((a) => a.edit) || Date.now() - t0 > ms) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Picks the second item of the date-order QuickPick with the keyboard's commands. They do nothing
 * while no QuickPick is open, so they wait for the extension to have opened one and for it to show:
 * a QuickPick appearing between "select next" and "accept" would otherwise take its first item.
 */
async function answerSecondItem(a: Api, before: number, done: () => boolean, tries: number): Promise<void> {
  for (let i = 0; i < tries && !done() && a.dateOrderQuestionsShown() === before; i++) await new Promise((r) => setTimeout(r, 250));
  for (let i = 0; i < 20 && !done(); i++) {
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
}

async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('Fixes and cleaning', () => {
  test('the quick fix of a diagnostic repairs exactly that cell', async () => {
    const { uri, doc, ds } = await openBasic();
    assert.equal(doc.getText(), ORIGINAL);
    const ws = ds.find((d) => codeOf(d) === 'cell-whitespace')!;
    const actions = await actionsAt(uri, ws.range);
    const fix = actions.find((a) => a.title.startsWith('Fix:'));
    assert.ok(fix?.edit, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true, JSON.stringify({ p: fix.isPreferred, k: fix.kind, d: fix.diagnostics?.map(codeOf) }));
    assert.ok(
      actions.some((a) => a.command?.command === 'openData.showRuleDocs'),
      'learn more offered',
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(1).text, 'ASSO;12;01/02/2020');
    await revert(doc);
  });

  test('fix all of a rule and source.fixAll.opendata edit the whole file', async () => {
    const { uri, doc, ds } = await openBasic();
    const date = ds.find((d) => codeOf(d) === 'date-format')!;
    const actions = await actionsAt(uri, date.range);
    const all = actions.find((a) => /date-format/.test(a.title) && !a.isPreferred && a.edit);
    assert.ok(all?.edit, `fix-all offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(doc.getText(), 'nom;montant;date\n ASSO ;12;2020-02-01\nB;1 234,50;2021-03-15\n;;\n');
    await revert(doc);
    const src = await actionsAt(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.opendata');
    assert.equal(src.length, 1, JSON.stringify(src.map((a) => [a.title, a.kind?.value])));
    assert.equal(src[0].kind?.value, 'source.fixAll.opendata');
    assert.ok(await vscode.workspace.applyEdit(src[0].edit!));
    assert.equal(doc.getText(), CLEANED);
    await revert(doc);
  });

  test('Clean Dataset applies one undoable edit and records a recipe', async () => {
    const { uri, doc } = await openBasic();
    const ok = await vscode.commands.executeCommand<boolean>('openData.cleanDataset', uri, {
      rules: ['cell-whitespace', 'number-format', 'date-format', 'blank-row'],
      apply: true,
    });
    assert.equal(ok, true);
    assert.equal(doc.getText(), CLEANED);
    const recipeUri = wsFile('.opendata/recipes/fixes-basic.json');
    const recipe = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(recipeUri)));
    assert.deepEqual(recipe.steps.map((s: { rule: string }) => s.rule).sort(), [
      'blank-row',
      'cell-whitespace',
      'date-format',
      'number-format',
    ]);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ORIGINAL, 'one undo restores the original');
    await revert(doc);
  });

  test('Replay Recipe on another file gives the same cleaning', async () => {
    const uri = wsFile('fixes-replay.csv');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'date-format'));
    const recipeUri = wsFile('.opendata/recipes/fixes-basic.json');
    const ok = await vscode.commands.executeCommand<boolean>('openData.replayRecipe', uri, recipeUri, { apply: true });
    assert.equal(ok, true);
    assert.equal(doc.getText(), CLEANED.replace(/\n/g, '\r\n'));
    await revert(doc);
  });

  test('Replay Recipe warns of a misspelt rule, naming the rule meant, and runs the other steps', async () => {
    const uri = wsFile('fixes-replay.csv');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'blank-row'));
    const recipeUri = wsFile('.opendata/recipes/typo-rule.json');
    const recipe = { version: 1, steps: [{ rule: 'cell-whitespace' }, { rule: 'blank-rwo' }] };
    await vscode.workspace.fs.writeFile(recipeUri, new TextEncoder().encode(JSON.stringify(recipe)));
    try {
      const { result, shown } = await warningsShownDuring(() =>
        vscode.commands.executeCommand<boolean>('openData.replayRecipe', uri, recipeUri, { apply: true }),
      );
      assert.equal(result, true);
      assert.deepEqual(shown, [
        'Recipe .opendata/recipes/typo-rule.json: /steps/1 (step 2): no rule is named "blank-rwo": did you mean blank-row? This step fixes nothing.',
      ]);
      // The whitespace step ran; the blank row the misspelt step meant is still there.
      assert.equal(doc.getText(), 'nom;montant;date\r\nASSO;12;01/02/2020\r\nB;1 234,50;15/03/2021\r\n;;\r\n');
    } finally {
      await revert(doc);
      await vscode.workspace.fs.delete(recipeUri).then(undefined, () => undefined);
    }
  });

  test('Clean Dataset converts a Windows-1252 file to UTF-8 and keeps the original bytes as a backup', async () => {
    await api();
    const text = 'nom;montant\nCafé des Arts;12 €\nThéâtre;7\n';
    // Windows-1252 bytes: é = E9, â = E2, € = 80.
    const cp1252 = Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
    const uri = wsFile('fixes-cp1252.csv');
    await vscode.workspace.fs.writeFile(uri, cp1252);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // Our configurationDefaults let VS Code guess the encoding of tables: the letters show, not U+FFFD.
    assert.equal(doc.getText(), text, 'the editor reads the Windows-1252 bytes right');
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'encoding'));
    const enc = ds.find((x) => codeOf(x) === 'encoding')!;
    const offered = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, enc.range)).map(
      (a) => a.command?.command,
    );
    assert.ok(
      offered.includes('openData.cleanDataset') && offered.includes('workbench.action.editor.changeEncoding'),
      `convert / reopen offered: ${offered.join(', ')}`,
    );
    const ok = await vscode.commands.executeCommand<boolean>('openData.cleanDataset', uri, { rules: ['encoding'], apply: true });
    assert.equal(ok, true);
    assert.equal(
      new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)),
      text,
      'the file on disk is UTF-8',
    );
    assert.deepEqual([...(await vscode.workspace.fs.readFile(wsFile('fixes-cp1252.bak.csv')))], [...cp1252], 'the original bytes are kept');
    assert.equal(doc.getText(), text, 'the editor shows the letters');
    await diagnosticsWhere(uri, (d) => !d.some((x) => codeOf(x) === 'encoding'));
    const recipe = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(wsFile('.opendata/recipes/fixes-cp1252.json'))));
    assert.deepEqual(
      recipe.steps.map((s: { rule: string }) => s.rule),
      ['encoding'],
    );
  });

  test('a .txt table misread as UTF-8 is flagged on its first edit, before a save can destroy its accents', async () => {
    const a = await api();
    const text = 'nom;ville;montant\nÉlodie;Orléans;12\nAndré;Bègles;5\n';
    const uri = wsFile('fixes-misread.txt');
    // Windows-1252 bytes in a .txt file: VS Code does not guess plain text's encoding, it reads UTF-8.
    await vscode.workspace.fs.writeFile(uri, Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().includes('\uFFFD'), 'the editor shows replacement characters');
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'encoding'));
    assert.equal(a.misreadWarned(uri), false, 'no warning before an edit');
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'X'));
    for (let i = 0; i < 50 && !a.misreadWarned(uri); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(a.misreadWarned(uri), true, 'warned on the first edit');
    // A sound UTF-8 table is not flagged when edited.
    const ok = wsFile('fixes-sound.txt');
    await vscode.workspace.fs.writeFile(ok, new TextEncoder().encode(text));
    const okDoc = await vscode.workspace.openTextDocument(ok);
    const okEditor = await vscode.window.showTextDocument(okDoc);
    await diagnosticsWhere(ok, () => true);
    await okEditor.edit((e) => e.insert(new vscode.Position(2, 0), 'X'));
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(a.misreadWarned(ok), false);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an ambiguous date column offers a question, not a guess; the chosen order converts it and goes into the recipe', async () => {
    await api();
    const uri = wsFile('fixes-ambiguous.csv');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('nom;d\nA;03/04/2019\nB;05/06/2019\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'date-format'));
    const date = ds.find((d) => codeOf(d) === 'date-format')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, date.range);
    assert.ok(!actions.some((a) => a.edit && /date/i.test(a.title)), `no guessed edit: ${actions.map((a) => a.title).join(' | ')}`);
    const ask = actions.find((a) => a.command?.command === 'openData.cleanDataset');
    assert.ok(ask, `a "choose the date order" action: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(ask.title, /date order of “d”/);
    const ok = await vscode.commands.executeCommand<boolean>('openData.cleanDataset', uri, {
      rules: ['date-format'],
      dateOrders: { d: 'mm/dd/yyyy' },
      apply: true,
    });
    assert.equal(ok, true);
    assert.equal(doc.getText(), 'nom;d\nA;2019-03-04\nB;2019-05-06\n');
    const recipe = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(wsFile('.opendata/recipes/fixes-ambiguous.json'))),
    );
    assert.deepEqual(
      recipe.steps.map((s: { formats?: unknown }) => s.formats),
      [{ d: 'mm/dd/yyyy' }],
    );
  });

  test('the date order is asked in a real QuickPick: picking "Month first" converts month-first', async () => {
    await api();
    const uri = wsFile('fixes-ambiguous-ask.csv');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('nom;d\nA;03/04/2019\nB;05/06/2019\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'date-format'));
    const a = await api();
    const asked = a.dateOrderQuestionsShown();
    let done = false;
    const running = vscode.commands
      .executeCommand<boolean>('openData.cleanDataset', uri, { rules: ['date-format'], apply: true })
      .then((r) => ((done = true), r));
    await answerSecondItem(a, asked, () => done, 40);
    assert.equal(await running, true);
    assert.equal(doc.getText(), 'nom;d\nA;2019-03-04\nB;2019-05-06\n');
    const recipe = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(wsFile('.opendata/recipes/fixes-ambiguous-ask.json'))),
    );
    assert.deepEqual(
      recipe.steps.map((s: { formats?: unknown }) => s.formats),
      [{ d: 'mm/dd/yyyy' }],
    );
  });

  test('a file over 50 MB: the date order is asked in the QuickPick, then the cleaned copy follows it', async () => {
    await api();
    const uri = wsFile('fixes-large.csv');
    // 51 MB: streamed to a copy (never opened in an editor). Every date reads both ways.
    const rows = ['nom,d,montant'];
    let size = 0;
    for (let i = 0; size < 51 * 1024 * 1024; i++) {
      const row = `Association numéro ${i},0${(i % 9) + 1}/0${(i % 3) + 1}/2019,${i} `;
      rows.push(row);
      size += row.length + 2;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(rows.join('\n') + '\n'));
    const a = await api();
    const asked = a.dateOrderQuestionsShown();
    let done = false;
    const running = vscode.commands.executeCommand<boolean>('openData.cleanDataset', uri).then((r) => ((done = true), r));
    // The question comes once the first pass has read the file: "Month first" is the second item.
    await answerSecondItem(a, asked, () => done, 240);
    assert.equal(await running, true);
    const out = wsFile('fixes-large.clean.csv');
    const head = new TextDecoder().decode((await vscode.workspace.fs.readFile(out)).subarray(0, 200)).split('\n');
    // 04/01/2019 (row 5) read month first; the amounts' padding trimmed.
    assert.deepEqual(head.slice(0, 5), [
      'nom,d,montant',
      'Association numéro 0,2019-01-01,0',
      'Association numéro 1,2019-02-02,1',
      'Association numéro 2,2019-03-03,2',
      'Association numéro 3,2019-04-01,3',
    ]);
    const recipe = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(wsFile('.opendata/recipes/fixes-large.json'))));
    assert.deepEqual(recipe.steps.find((s: { rule: string }) => s.rule === 'date-format')?.formats, { d: 'mm/dd/yyyy' });
    await vscode.workspace.fs.delete(uri);
    await vscode.workspace.fs.delete(out);
  });

  test('openData.fixAllOnSave applies the certain fixes when saving', async () => {
    await api();
    const uri = wsFile('fixes-save.csv');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const config = vscode.workspace.getConfiguration('openData');
    await config.update('fixAllOnSave', true, vscode.ConfigurationTarget.Workspace);
    try {
      await editor.edit((e) => e.insert(doc.lineAt(3).range.end, ';'));
      // Wait for the lint of the edited text (a stale lint offers no fix).
      await actionsAt(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.opendata');
      await doc.save();
      assert.equal(doc.getText(), CLEANED);
    } finally {
      await config.update('fixAllOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
