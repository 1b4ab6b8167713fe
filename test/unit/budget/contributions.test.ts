// Where "Open Data: Convert Budget to SCDL CSV" is offered: the budget view's title bar, the
// explorer's context menu on .xml files and the palette, in English and French.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
const entries = (menu: string) =>
  (pkg.contributes.menus[menu] as { command: string; when?: string }[]).filter((m) => m.command === 'openData.convertBudget');

test('convert is in the view title bar, the explorer context menu of .xml files and the palette', () => {
  const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'openData.convertBudget');
  assert.equal(cmd.category, 'Open Data');
  assert.equal(nls('package.nls.json')[cmd.title.slice(1, -1)], 'Convert Budget to SCDL CSV');
  assert.match(nls('package.nls.fr.json')[cmd.title.slice(1, -1)], /SCDL/);
  assert.match(entries('explorer/context')[0].when!, /xml/);
  assert.match(entries('editor/title')[0].when!, /openData\.budget/);
  assert.equal(entries('commandPalette').length, 1);
  const editor = pkg.contributes.customEditors.find((e: { viewType: string }) => e.viewType === 'openData.budget');
  assert.equal(editor.priority, 'option', 'other XML files keep their text editor');
});
