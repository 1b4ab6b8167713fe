// Entry of the "fixes" feature area: quick fixes, fix-all on save, Clean Dataset with a diff
// preview, and replayable recipes.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { cleanDataset, type CleanArgs } from './clean-dataset';
import { FixProvider } from './code-actions';
import { freshState } from './edits';
import { PREVIEW_SCHEME, PreviewProvider } from './preview';
import { replayRecipe } from './replay';
import { MisreadGuard } from './misread-guard';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'csv', scheme: 'file' },
  { language: 'tsv', scheme: 'file' },
  { language: 'csv', scheme: 'untitled' },
  { language: 'tsv', scheme: 'untitled' },
];

// Menus pass (uri, selectedUris[]); scripts and tests pass (uri, {rules, apply}).
const asUri = (v: unknown) => (v instanceof vscode.Uri ? v : undefined);
const asArgs = (v: unknown): CleanArgs => (v && typeof v === 'object' && !Array.isArray(v) ? (v as CleanArgs) : {});

export function registerFixes(context: vscode.ExtensionContext, services: Services): { misread: MisreadGuard } {
  const fixes = new FixProvider(services);
  const preview = new PreviewProvider();
  const misread = new MisreadGuard(services);
  context.subscriptions.push(
    misread,
    vscode.languages.registerCodeActionsProvider(SELECTOR, fixes, { providedCodeActionKinds: FixProvider.kinds }),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    vscode.commands.registerCommand('openData.cleanDataset', (uri?: unknown, args?: unknown) =>
      cleanDataset(services, preview, asUri(uri), asArgs(args)),
    ),
    vscode.commands.registerCommand('openData.replayRecipe', (uri?: unknown, recipe?: unknown, args?: unknown) =>
      replayRecipe(services, preview, asUri(uri), asUri(recipe), asArgs(args)),
    ),
    // Opt-in fix-all on save (the same fixes as `source.fixAll.opendata` in codeActionsOnSave).
    vscode.workspace.onWillSaveTextDocument((e) => {
      if (!vscode.workspace.getConfiguration('openData', e.document.uri).get<boolean>('fixAllOnSave', false)) return;
      const state = freshState(services, e.document);
      const action = state && fixes.fixAll(e.document, state.core);
      const edits = action?.edit?.get(e.document.uri);
      if (edits?.length) e.waitUntil(Promise.resolve(edits));
    }),
  );
  return { misread };
}
