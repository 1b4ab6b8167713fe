// The grid editor as a person uses it, in the real host: keys move the selected cell where a
// spreadsheet program does and the grid draws it with its value; switching between two sheets
// longer than a page shows each one's own rows; hiding the editor or reloading its webview
// gives back the sheet, the scroll position and the selected cell. The workbook is written here
// (exceljs): sheet "Alpha" 1 000 rows × 5 columns, "Beta" 600 rows × 3, every cell a text
// naming its sheet, row and column ("A734:2"), so that what is drawn tells where it comes from.
import * as assert from 'assert';
import * as vscode from 'vscode';
import ExcelJS from 'exceljs';
import type { GridSeen } from '../../src/protocol/grid';
import { api, wsFile } from './lint.test';
import { GRID, gridInput, gridState, seenWhere, selectedAt, until } from './grid-probe';

const SHEETS = { Alpha: { rows: 1000, columns: 5 }, Beta: { rows: 600, columns: 3 } } as const;
type Sheet = keyof typeof SHEETS;
const HEADS = ['un', 'deux', 'trois', 'quatre', 'cinq'];

/** The text of a cell, as written. */
const cell = (sheet: Sheet, row: number, column: number) =>
  row === 1 ? `${sheet[0].toLowerCase()}-${HEADS[column - 1]}` : `${sheet[0]}${row}:${column}`;
const rowOf = (sheet: Sheet, row: number) => Array.from({ length: SHEETS[sheet].columns }, (_, c) => cell(sheet, row, c + 1));

async function workbook(name: string): Promise<vscode.Uri> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of Object.keys(SHEETS) as Sheet[]) {
    const ws = wb.addWorksheet(sheet);
    for (let r = 1; r <= SHEETS[sheet].rows; r++) ws.addRow(rowOf(sheet, r));
  }
  const uri = wsFile(name);
  await vscode.workspace.fs.writeFile(uri, new Uint8Array(await wb.xlsx.writeBuffer()));
  return uri;
}

/** The grid shows `sheet`'s cell at `row`, `column` selected, with its value in the status line and its row's cells drawn. */
async function showsSelected(uri: vscode.Uri, sheet: Sheet, row: number, column: number, what: string): Promise<GridSeen> {
  const text = cell(sheet, row, column);
  const s = await seenWhere(uri, what, (v) => v.sheet === sheet && selectedAt(row, column, text)(v) && v.waiting === 0);
  const ref = `${sheet}!${String.fromCharCode(64 + column)}${row}`;
  assert.strictEqual(s.status, `${ref}${text}`, `${what}: the status line names the cell and its value`);
  assert.ok(s.rows.first <= row && row <= s.rows.last, `${what}: row ${row} in view (${s.rows.first}–${s.rows.last})`);
  const drawn = rowOf(sheet, row);
  assert.ok(
    s.selected!.cells.length > 0 && s.selected!.cells.every((c) => drawn.includes(c)),
    `${what}: ${JSON.stringify(s.selected!.cells)}`,
  );
  return s;
}

const press = async (uri: vscode.Uri, key: string, ctrl = false) => void (await gridInput(uri, { key, ctrl }));

suite('Grid view', () => {
  let uri: vscode.Uri;

  suiteSetup(async function () {
    this.timeout(60_000);
    await api();
    uri = await workbook('grid-view.xlsx');
    // Let the file watchers see the new file before it is opened.
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('vscode.openWith', uri, GRID);
    await until('the whole sheet drawn', async () => ((await gridState(uri)).whole ? true : undefined));
  });

  test('keys move the selected cell and the grid draws it with its value', async () => {
    const first = await seenWhere(uri, 'the first sheet', (s) => s.sheet === 'Alpha' && s.rows.first === 1 && s.waiting === 0);
    assert.deepStrictEqual(first.rows.cells, rowOf('Alpha', 1), 'the first row drawn');
    assert.strictEqual(first.selected, null, 'nothing selected yet');
    // Reached with Tab, nothing selected: an arrow selects the first cell in view.
    await press(uri, 'ArrowDown');
    const start = await showsSelected(uri, 'Alpha', 1, 1, 'the first key');
    assert.ok(start.focused, 'the grid has the keyboard focus');
    const moves: [string, boolean, number, number][] = [
      ['ArrowDown', false, 2, 1],
      ['ArrowRight', false, 2, 2],
      ['End', false, 2, 5],
      ['ArrowRight', false, 2, 5],
      ['Home', false, 2, 1],
      ['PageDown', false, 22, 1],
      ['End', true, 1000, 5],
      ['ArrowDown', false, 1000, 5],
      ['PageUp', false, 980, 5],
      ['ArrowLeft', false, 980, 4],
      ['Home', true, 1, 1],
    ];
    for (const [key, ctrl, row, column] of moves) {
      await press(uri, key, ctrl);
      await showsSelected(uri, 'Alpha', row, column, `${ctrl ? 'Ctrl+' : ''}${key}`);
    }
    const top = (await gridState(uri)).seen!;
    assert.strictEqual(top.rows.first, 1, 'Ctrl+Home scrolls back to the top');
  });

  test('switching between two sheets longer than a page shows each one’s own rows', async () => {
    await press(uri, 'End', true);
    await showsSelected(uri, 'Alpha', 1000, 5, 'Alpha’s last cell');
    await gridInput(uri, { tab: 'Beta' });
    const beta = await seenWhere(uri, 'Beta shown', (s) => s.sheet === 'Beta' && s.rows.first === 1 && s.waiting === 0);
    assert.deepStrictEqual(beta.rows.cells, rowOf('Beta', 1), 'Beta’s first row, from its top');
    assert.strictEqual(beta.selected, null, 'Alpha’s selected cell is not carried over');
    assert.strictEqual(beta.status, '');
    const pages = (await gridState(uri)).pages ?? 0;
    // Beta's last row is on its third page, asked from Beta's rows (not Alpha's, which has a row 600 too).
    await press(uri, 'End', true);
    await showsSelected(uri, 'Beta', 600, 3, 'Beta’s last cell');
    await press(uri, 'PageUp');
    await showsSelected(uri, 'Beta', 580, 3, 'PageUp in Beta');
    assert.ok(((await gridState(uri)).pages ?? 0) > pages, 'Beta’s pages were asked for');
    await gridInput(uri, { tab: 'Alpha' });
    const alpha = await seenWhere(uri, 'Alpha again', (s) => s.sheet === 'Alpha' && s.rows.first === 1 && s.waiting === 0);
    assert.deepStrictEqual(alpha.rows.cells, rowOf('Alpha', 1));
    await press(uri, 'End', true);
    await showsSelected(uri, 'Alpha', 1000, 5, 'Alpha’s last cell again');
  });

  test('hidden then shown again, or reloaded, the grid gives back its sheet, scroll and selected cell', async function () {
    this.timeout(90_000);
    await gridInput(uri, { tab: 'Beta' });
    await seenWhere(uri, 'Beta shown', (s) => s.sheet === 'Beta' && s.waiting === 0);
    await vscode.commands.executeCommand('openData.revealSheetCell', uri, 'Beta', 500, 2);
    await press(uri, 'ArrowDown');
    const before = await showsSelected(uri, 'Beta', 501, 2, 'before hiding');
    const started = async () => (await gridState(uri)).readies ?? 0;
    const again = async (what: string, readies: number) => {
      await until(`${what}: the webview started again`, async () => ((await started()) > readies ? true : undefined));
      const after = await showsSelected(uri, 'Beta', 501, 2, what);
      assert.deepStrictEqual([after.rows.first, after.rows.last], [before.rows.first, before.rows.last], `${what}: the same rows in view`);
    };
    // Another editor in front: the grid's webview is dropped, and made again when its tab is shown.
    let readies = await started();
    const csv = await vscode.workspace.openTextDocument(wsFile('lint-basic.csv'));
    await vscode.window.showTextDocument(csv, { preview: false });
    await vscode.commands.executeCommand('vscode.openWith', uri, GRID);
    await again('shown again', readies);
    readies = await started();
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await again('reloaded', readies);
    // Still the keyboard's: the next key goes on from the cell given back.
    await press(uri, 'ArrowDown');
    await showsSelected(uri, 'Beta', 502, 2, 'a key after the reload');
  });
});
