// "Open Data: Update Schema Catalog": refreshes the catalog cache in the extension's global
// storage from schema.data.gouv.fr and says which catalog is in use afterwards. The worker
// (which lints) reads the same cache: the folder is set before it starts.
import * as vscode from 'vscode';
import { join } from 'path';
import { updateCatalog } from '../core/catalog/update';
import type { Services } from './services';
import { uiLang } from './settings';

export function registerCatalog(context: vscode.ExtensionContext, services: Services): void {
  const dir = join(context.globalStorageUri.fsPath, 'catalog');
  // Inherited by the lint worker and its part workers, which start later.
  process.env.ODW_CATALOG_CACHE = dir;
  context.subscriptions.push(
    vscode.commands.registerCommand('openData.updateSchemaCatalog', async () => {
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating the schema catalog from schema.data.gouv.fr…') },
        () => updateCatalog(dir, { lang: uiLang() }),
      );
      const listing = await services.worker.run('catalogListing', { reload: true });
      const inUse =
        listing.source === 'cache'
          ? vscode.l10n.t('the cache of {0}', listing.fetchedAt ?? '?')
          : vscode.l10n.t('the bundled copy (2026-08-22)');
      if (!r.ok) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Could not update the schema catalog: {0}. Still using {1}.', r.error ?? '?', inUse),
        );
        return r;
      }
      // Open tables are checked again against the catalog now in use.
      services.lint.relintAll();
      const what = r.notModified
        ? vscode.l10n.t('Schema catalog already up to date.')
        : vscode.l10n.t('Schema catalog updated: {0} entries, {1} files fetched.', r.schemas, r.filesFetched);
      const failed = r.filesFailed.length ? ' ' + vscode.l10n.t('{0} files could not be fetched.', r.filesFailed.length) : '';
      void vscode.window.showInformationMessage(`${what}${failed} ${vscode.l10n.t('In use: {0}.', inUse)}`);
      return r;
    }),
  );
}
