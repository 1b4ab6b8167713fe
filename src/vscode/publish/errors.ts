// Turns a failure into what the person reads: the PortalError's own sentence in the UI
// language, with the portal's field errors, plus the action that fixes it when there is one.
import * as vscode from 'vscode';
import { failureMessage, isPortalError, redact } from '../../core/portal';
import { uiLang } from '../settings';

export function errorText(e: unknown, secrets: readonly string[]): string {
  const fields = isPortalError(e) ? Object.entries(e.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v.join(' ')}`) : [];
  return redact([failureMessage(e, uiLang()), ...fields].join(' — '), secrets);
}

export type ErrorAction = 'set-key' | 'recreate' | 'relink' | undefined;

/** Shows the error; returns the action the person picked (new key, recreate or relink a deleted dataset). */
export async function showPublishError(e: unknown, secrets: readonly string[]): Promise<ErrorAction> {
  const text = errorText(e, secrets);
  if (isPortalError(e, 'unauthorized')) {
    const setKey = vscode.l10n.t('Set API Key…');
    return (await vscode.window.showErrorMessage(text, setKey)) === setKey ? 'set-key' : undefined;
  }
  if (isPortalError(e, 'linked-dataset-gone')) {
    const recreate = vscode.l10n.t('Recreate the dataset');
    const relink = vscode.l10n.t('Link to another dataset…');
    const pick = await vscode.window.showErrorMessage(text, { modal: true }, recreate, relink);
    return pick === recreate ? 'recreate' : pick === relink ? 'relink' : undefined;
  }
  if (!isPortalError(e, 'cancelled')) void vscode.window.showErrorMessage(text);
  return undefined;
}

/** A dataset id from what the person pasted: the id itself or the dataset's page URL. */
export async function askDatasetId(): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({
    title: vscode.l10n.t('Id or URL of the dataset on the portal'),
    ignoreFocusOut: true,
    validateInput: (s) => (s.trim() ? undefined : vscode.l10n.t('Paste the dataset id or its page URL.')),
  });
  return v?.trim().replace(/\/+$/, '').split('/').pop();
}
