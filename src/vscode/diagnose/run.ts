// "Read the Published Datasets": which portal and organisation (asked once, kept in the
// project file), the stored API key if any (private datasets only), the read itself, and
// the optional column check, which downloads file heads only after the person agrees.
import * as vscode from 'vscode';
import { checkColumns, undeclaredCsv } from '../../core/diagnose';
import { diagnosisTarget, setDiagnosisTarget, type DiagnosisTarget } from '../../core/diagnose/project-state';
import { PortalKeys, pickPortal, portalProfiles } from '../publish/portals';
import type { ProjectStore } from '../stages/project-store';
import { uiLang } from '../settings';
import type { DiagnoseModel } from './model';

export interface RunArgs extends Partial<DiagnosisTarget> {
  /** true/false answers the download question in advance (tests, scripts). */
  checkColumns?: boolean;
  /** Ask for another portal or organisation even if one is saved. */
  change?: boolean;
}

async function askTarget(current: DiagnosisTarget | undefined): Promise<DiagnosisTarget | undefined> {
  const portal = await pickPortal(vscode.l10n.t('Portal where the organisation publishes'));
  if (!portal) return undefined;
  const organization = await vscode.window.showInputBox({
    title: vscode.l10n.t('Organisation on {0}', portal.name),
    prompt: vscode.l10n.t('Its id or slug, as in the address of its page on the portal'),
    value: current?.portal === portal.url ? current.organization : (portal.organization ?? ''),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the organisation id.')),
  });
  return organization ? { kind: portal.type, portal: portal.url, organization: organization.trim() } : undefined;
}

export async function runDiagnostic(store: ProjectStore, model: DiagnoseModel, keys: PortalKeys, args: RunArgs = {}): Promise<void> {
  const saved = diagnosisTarget(store.state);
  let target: DiagnosisTarget | undefined =
    args.portal && args.organization
      ? {
          kind: args.kind ?? portalProfiles().find((p) => p.url === args.portal)?.type ?? 'udata',
          portal: args.portal,
          organization: args.organization,
        }
      : args.change
        ? undefined
        : saved;
  target ??= await askTarget(saved);
  if (!target) return;
  if (!saved || saved.portal !== target.portal || saved.organization !== target.organization || saved.kind !== target.kind) {
    const t = target;
    await store.updateProject((p) => setDiagnosisTarget(p, t));
    model.outcome = undefined;
  }
  const apiKey = await keys.get({ url: target.portal });
  const t = target;
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reading the datasets of {0}…', t.organization),
      cancellable: true,
    },
    (_p, token) => {
      const ctl = new AbortController();
      token.onCancellationRequested(() => ctl.abort());
      return model.run(t, apiKey, ctl.signal);
    },
  );
  const lang = uiLang();
  if (outcome.error) {
    const when = outcome.inventory ? new Date(outcome.inventory.fetchedAt).toLocaleString(lang) : undefined;
    void vscode.window.showWarningMessage(
      when ? vscode.l10n.t('{0} Showing the last known inventory ({1}).', outcome.error[lang], when) : outcome.error[lang],
    );
    return;
  }
  const inv = outcome.inventory!;
  const candidates = undeclaredCsv(inv.datasets).length;
  if (!candidates) return;
  let go = args.checkColumns;
  if (go === undefined) {
    const download = vscode.l10n.t('Download');
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} datasets publish a CSV without declaring a schema. Download the first 64 KB of each to compare its columns with the schema catalog?',
        candidates,
      ),
      download,
      vscode.l10n.t('Not now'),
    );
    go = pick === download;
  }
  if (!go) return;
  await checkColumns(inv.datasets, { timeoutMs: 15_000 });
  await model.changed(t);
}
