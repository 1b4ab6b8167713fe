// Entry of the "publish" feature area: the publish commands (data.gouv.fr, any portal, dry
// run), the API key commands and the read-only document of dry runs.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { DRY_RUN_SCHEME, DryRunDocuments } from './dry-run';
import { runPublish, type Deps, type PublishArgs } from './flow';
import { dataGouvProfile, pickPortal, PortalKeys, portalUrl, type PortalSetting } from './portals';
import { runPublishReuse, type ReuseArgs } from './reuse';

interface KeyArgs {
  portal?: PortalSetting;
  apiKey?: string;
}

export function registerPublishing(context: vscode.ExtensionContext, services: Services): void {
  const keys = new PortalKeys(context.secrets);
  const dryRunDocs = new DryRunDocuments();
  const deps: Deps = { services, keys, dryRunDocs };
  // Commands run from the palette get no argument; a URI from a context menu is not PublishArgs.
  const argsOf = (a: unknown): PublishArgs => (a && typeof a === 'object' && !(a instanceof vscode.Uri) ? (a as PublishArgs) : {});
  const portalOf = async (a: KeyArgs | undefined, placeHolder: string) =>
    a?.portal ? { ...a.portal, url: portalUrl(a.portal) } : pickPortal(placeHolder);

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DRY_RUN_SCHEME, dryRunDocs),
    vscode.commands.registerCommand('openData.publish', (a?: unknown) => runPublish(deps, argsOf(a))),
    vscode.commands.registerCommand('openData.publishDataGouv', (a?: unknown) =>
      runPublish(deps, argsOf(a), { portal: dataGouvProfile() }),
    ),
    vscode.commands.registerCommand('openData.publishDryRun', (a?: unknown) => runPublish(deps, argsOf(a), { dryRun: true })),
    // From a Valorisation tree item the argument is its node ({kind: 'chart', uri}); from the panel's title bar, nothing.
    vscode.commands.registerCommand('openData.publishReuse', (a?: unknown) => {
      const r = a && typeof a === 'object' ? (a as ReuseArgs & { kind?: string; uri?: vscode.Uri }) : {};
      return runPublishReuse(keys, r.kind === 'chart' && r.uri ? { chart: r.uri } : a instanceof vscode.Uri ? { chart: a } : r);
    }),
    vscode.commands.registerCommand('openData.setPortalApiKey', async (a?: KeyArgs) => {
      const portal = await portalOf(a, vscode.l10n.t('Set the API key of which portal?'));
      if (!portal) return false;
      if (a?.apiKey) await keys.set(portal, a.apiKey);
      else if (!(await keys.ask(portal))) return false;
      void vscode.window.showInformationMessage(vscode.l10n.t('API key of {0} saved in the system keychain.', portal.name));
      return true;
    }),
    vscode.commands.registerCommand('openData.forgetPortalApiKey', async (a?: KeyArgs) => {
      const portal = await portalOf(a, vscode.l10n.t('Forget the API key of which portal?'));
      if (!portal) return false;
      await keys.forget(portal);
      void vscode.window.showInformationMessage(vscode.l10n.t('API key of {0} forgotten.', portal.name));
      return true;
    }),
  );
}
