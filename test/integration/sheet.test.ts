// Spreadsheets in the real extension host: the grid editor opens, the Problems panel holds
// `Sheet!cell` diagnostics, and "Export Sheet as CSV" writes a clean CSV beside the workbook.
// Fixtures (test/fixtures/workspace): sheet-aube.xlsx is the corpus's Aube file (merged banner
// above the header, two empty sheets); sheet-export.xlsx was written with exceljs: sheet
// "Subventions" = merged title A1:E1, header on row 2, real dates, 1234.5 and 0.1+0.2,
// formulas C*1.2 with saved results, B3:B4 merged; sheet "Vide" empty.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GridProbe } from '../../src/vscode/grid/index';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { readGrid } from '../../src/core/sheet/grid-data';
import { GRID_PAGE_ROWS } from '../../src/core/sheet/grid-page';

const GRID = 'openData.grid';
const folder = () => vscode.workspace.workspaceFolders![0].uri;

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const gridTab = (uri: vscode.Uri) =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === GRID && t.input.uri.toString() === uri.toString());

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

suite('Spreadsheets', () => {
  const aube = () => vscode.Uri.joinPath(folder(), 'sheet-aube.xlsx');

  test('opening an XLSX with openData.grid opens the grid editor', async () => {
    await vscode.commands.executeCommand('vscode.openWith', aube(), GRID);
    await until('the grid tab', () => gridTab(aube()));
  });

  test('a workbook the text editor shows (opened before activation) is reopened in the grid', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'sheet-export.xlsx');
    const textTab = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    const ext = vscode.extensions.getExtension<{ reopenWorkbooksShownAsText: () => Promise<number> }>(
      'opendata-workbench.open-data-workbench',
    )!;
    const api = await ext.activate();
    // As VS Code does before the grid editor is registered: the text editor's binary placeholder.
    await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    await until('the text tab', () => textTab());
    // Long after activation, the user's choice stays: only activation reopens such tabs.
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(textTab(), 'the text tab is left alone outside activation');
    assert.strictEqual(await api.reopenWorkbooksShownAsText(), 1);
    await until('the grid tab', () => gridTab(uri));
    await until('no text tab', () => (textTab() ? undefined : true));
  });

  test('the Problems panel lists the workbook’s problems as Sheet!cell', async () => {
    await vscode.commands.executeCommand('vscode.openWith', aube(), GRID);
    const ds = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(aube());
      return d.length > 0 ? d : undefined;
    });
    const header = ds.find((d) => codeOf(d) === 'sheet-header-row');
    assert.ok(header, 'sheet-header-row');
    assert.match(header.message, /^Feuil1!A1: /);
    const merged = ds.filter((d) => codeOf(d) === 'sheet-merged-cells').map((d) => d.message.split(':')[0]);
    assert.deepStrictEqual(merged, ['Feuil1!A1', 'Feuil1!E1', 'Feuil1!G1']);
    const e1 = ds.find((d) => d.message.startsWith('Feuil1!E1: '))!;
    assert.deepStrictEqual([e1.range.start.line, e1.range.start.character], [0, 4], 'row 1 → line 0, column E → character 4');
    assert.ok(ds.some((d) => d.message.startsWith('Feuil2!A1: ') && codeOf(d) === 'sheet-empty'));
  });

  test('Export Sheet as CSV writes a clean CSV beside the workbook and opens it', async () => {
    const src = vscode.Uri.joinPath(folder(), 'sheet-export.xlsx');
    const out = await vscode.commands.executeCommand<vscode.Uri>('openData.exportSheetCsv', src, 'Subventions', 'detected');
    assert.ok(out, 'the command returns the new file');
    assert.strictEqual(out.path.split('/').pop(), 'sheet-export-Subventions.csv');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(out));
    assert.strictEqual(
      text,
      'nom,thème,montant,date,total TTC\nAsso A,CULTURE,1234.5,2017-01-30,1481.4\nAsso B,CULTURE,0.3,2017-02-01,0.36\nAsso C,SPORT,1000,2017-12-31,1200\n',
    );
    await until('the CSV opened in an editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === out.toString()),
    );
    // The CSV linter checks the new file: none of the spreadsheet artefacts may remain.
    await new Promise((r) => setTimeout(r, 1500));
    const leftovers = vscode.languages
      .getDiagnostics(out)
      .filter((d) =>
        ['header-not-first-row', 'blank-label', 'date-format', 'number-format', 'missing-cell', 'extra-cell', 'encoding'].includes(
          codeOf(d),
        ),
      );
    assert.deepStrictEqual(
      leftovers.map((d) => d.message),
      [],
    );
    // A second export never overwrites the first.
    const again = await vscode.commands.executeCommand<vscode.Uri>('openData.exportSheetCsv', src, 'Subventions', 'detected');
    assert.strictEqual(again.path.split('/').pop(), 'sheet-export-Subventions-2.csv');
  });

  test('a sheet longer than a page: the first load holds one page, a problem far down is revealed with its cells', async function () {
    this.timeout(120_000);
    // 3 000 rows (gen-xlsx.mjs): every 997th town has a trailing space, the last on row 2 992.
    const uri = vscode.Uri.joinPath(folder(), 'sheet-pages.xlsx');
    const repo = resolve(__dirname, '../../..');
    await promisify(execFile)(process.execPath, [resolve(repo, 'scripts/bench/gen-xlsx.mjs'), uri.fsPath, '3000', '0', '--problems'], {
      cwd: repo,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    await vscode.commands.executeCommand('vscode.openWith', uri, GRID);
    const state = () => vscode.commands.executeCommand<GridProbe>('openData._gridState', uri);
    const whole = await until('the whole sheet drawn', async () => ((await state()).whole ? state() : undefined));
    assert.strictEqual(whole.rows, 3001, 'the grid is sized for every row');
    assert.strictEqual(whole.firstRows, GRID_PAGE_ROWS, 'the first load carries the first page only');
    // 3 000 rows of 16 cells are ≈ 600 000 characters of JSON; a page of them ≈ 50 000.
    assert.ok(whole.firstLoad!.sheet < 80_000, `first load's sheet part ${whole.firstLoad!.sheet} characters`);
    assert.ok(whole.wholeLoad!.sheet < 80_000, `whole shape's sheet part ${whole.wholeLoad!.sheet} characters`);
    const far = await until('the problem of row 2 992', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === 2991 && codeOf(d) === 'cell-whitespace'),
    );
    const column = far.range.start.character + 1;
    const pagesBefore = whole.pages ?? 0;
    await vscode.commands.executeCommand('openData.revealSheetCell', uri, 'Subventions', 2992, column);
    const shown = await until('row 2 992 drawn with its cells', async () => {
      const r = (await state()).revealed;
      return r?.row === 2992 ? r : undefined;
    });
    // The cells drawn are the row's own (not empty placeholders), the problem's cell among them.
    const values = (await readGrid(uri.fsPath)).rows[2991]!;
    assert.ok(shown.cells.includes(values[column - 1]), `"${values[column - 1]}" drawn in ${JSON.stringify(shown.cells)}`);
    assert.match(values[column - 1], / $/, 'the cell with the trailing space');
    assert.ok(
      shown.cells.every((c) => c === '' || values.includes(c)),
      JSON.stringify(shown.cells),
    );
    assert.ok(((await state()).pages ?? 0) > pagesBefore, 'its page was asked for and sent');
  });
});
