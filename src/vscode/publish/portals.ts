// Portal profiles: the two built-in data.gouv.fr sites plus `openData.portals` from the
// settings. Profiles carry no secret: the API key of each profile lives in SecretStorage only,
// keyed by the portal URL so a renamed profile keeps its key.
import * as vscode from 'vscode';
import { isDataGouvSetting, type PortalKind } from '../../core/portal';

export interface PortalSetting {
  name: string;
  type: PortalKind;
  url: string;
  /** Default organization id to publish for. */
  organization?: string;
}

export const DATA_GOUV: PortalSetting = { name: 'data.gouv.fr', type: 'udata', url: 'https://www.data.gouv.fr' };
export const DEMO_DATA_GOUV: PortalSetting = { name: 'demo.data.gouv.fr', type: 'udata', url: 'https://demo.data.gouv.fr' };

export const portalUrl = (p: Pick<PortalSetting, 'url'>) => p.url.trim().replace(/\/+$/, '');

/** "Publish to data.gouv.fr": www by default; the demo site or a local udata for rehearsals and tests. */
export function dataGouvProfile(): PortalSetting {
  const setting = vscode.workspace.getConfiguration('openData').get<string>('dataGouvUrl', DATA_GOUV.url);
  const url = isDataGouvSetting(setting) ? portalUrl({ url: setting! }) : DATA_GOUV.url;
  // The built-ins are profiles too: www and demo always match; a loopback portal lends its name and organization.
  const profile = portalProfiles().find((p) => p.url === url);
  return { ...profile, type: 'udata', url, name: profile?.name ?? url.replace(/^https?:\/\//, '') };
}

/** Built-ins first; a setting with the same URL as a built-in replaces it (e.g. to add an organization). */
export function portalProfiles(): PortalSetting[] {
  const configured = vscode.workspace.getConfiguration('openData').get<unknown[]>('portals', []);
  const valid = (Array.isArray(configured) ? configured : []).filter(
    (p): p is PortalSetting =>
      !!p &&
      typeof p === 'object' &&
      typeof (p as PortalSetting).name === 'string' &&
      typeof (p as PortalSetting).url === 'string' &&
      ((p as PortalSetting).type === 'udata' || (p as PortalSetting).type === 'ckan'),
  );
  const byUrl = new Map<string, PortalSetting>();
  for (const p of [DATA_GOUV, DEMO_DATA_GOUV, ...valid]) byUrl.set(portalUrl(p), { ...p, url: portalUrl(p) });
  return [...byUrl.values()];
}

export async function pickPortal(placeHolder: string): Promise<PortalSetting | undefined> {
  const items = portalProfiles().map((p) => ({
    label: p.name,
    description: p.url,
    detail: p.type === 'ckan' ? 'CKAN' : 'udata',
    portal: p,
  }));
  return (await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true }))?.portal;
}

/** The API keys, in the OS keychain through SecretStorage; never in settings or logs. */
export class PortalKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private id(p: Pick<PortalSetting, 'url'>): string {
    return `openData.portalKey:${portalUrl(p)}`;
  }

  get(p: Pick<PortalSetting, 'url'>): Thenable<string | undefined> {
    return this.secrets.get(this.id(p));
  }

  set(p: Pick<PortalSetting, 'url'>, key: string): Thenable<void> {
    return this.secrets.store(this.id(p), key.trim());
  }

  forget(p: Pick<PortalSetting, 'url'>): Thenable<void> {
    return this.secrets.delete(this.id(p));
  }

  /** Asks for a key (password box) and stores it; undefined when the person cancels. */
  async ask(p: PortalSetting): Promise<string | undefined> {
    const key = await vscode.window.showInputBox({
      title: vscode.l10n.t('API key for {0}', p.name),
      prompt: vscode.l10n.t(
        'Create it in your profile on {0} (API key section). It is stored in the system keychain, never in the settings.',
        p.url,
      ),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length < 8 ? vscode.l10n.t('This does not look like an API key.') : undefined),
    });
    if (!key) return undefined;
    await this.set(p, key);
    return key.trim();
  }
}
