// Step 2 of the flow: runs the gate under a progress notification and turns its report into
// a decision. Personal data stops the publication (turn the rule off in the settings for a
// false positive); lint errors stop it unless overridden with a reason; the rest warns.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { DatasetChoice, DatasetFile } from './datasets';
import { describeErrors, runGate, type GateReport } from './gate';
import type { RunLog } from './log';
import { offerRename } from './rename';

export interface Override {
  reason: string;
}

export async function passGate(
  services: Services,
  dataset: DatasetChoice,
  files: DatasetFile[],
  log: RunLog,
  headless: boolean,
  override?: Override,
): Promise<{ files?: DatasetFile[]; stopped?: string; schemas?: GateReport['schemas']; ignoredOverrides?: string[] }> {
  // The portal gets the file on disk: unsaved edits would be checked here but not published.
  const dirty = vscode.workspace.textDocuments.filter((doc) => doc.isDirty && files.some((f) => f.abs === doc.uri.fsPath));
  if (dirty.length > 0) {
    const save = vscode.l10n.t('Save and Publish');
    const names = dirty.map((doc) => vscode.workspace.asRelativePath(doc.uri)).join(', ');
    if (headless) log.warn(vscode.l10n.t('unsaved changes are not published: {0}', names));
    else if ((await vscode.window.showWarningMessage(vscode.l10n.t('{0} has unsaved changes.', names), { modal: true }, save)) !== save)
      return { stopped: 'cancelled' };
    else for (const doc of dirty) await doc.save();
  }
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the files before publishing…'), cancellable: true },
    (_p, token) => runGate(services, files, token),
  );
  if (report.ignoredOverrides.length > 0)
    log.warn(
      vscode.l10n.t(
        'openData.lint.rules overrides ignored before publishing (personal data always blocks): {0}',
        report.ignoredOverrides.join(', '),
      ),
    );
  const done = (f: DatasetFile[]) => ({ files: f, schemas: report.schemas, ignoredOverrides: report.ignoredOverrides });
  if (report.personal.length > 0) {
    const msg = vscode.l10n.t('Publication blocked: personal data found (RGPD).\n{0}', describeErrors(report.personal));
    log.error(msg);
    if (!headless) void vscode.window.showErrorMessage(msg, { modal: true });
    return { stopped: 'personal-data' };
  }
  if (report.errors.length > 0) {
    const msg = describeErrors(report.errors);
    let reason = override?.reason?.trim();
    if (!reason && !headless) {
      const anyway = vscode.l10n.t('Publish anyway…');
      if (
        (await vscode.window.showErrorMessage(vscode.l10n.t('The files have lint errors:\n{0}', msg), { modal: true }, anyway)) === anyway
      )
        reason = (
          await vscode.window.showInputBox({
            title: vscode.l10n.t('Why publish despite the errors? (kept in the log)'),
            ignoreFocusOut: true,
          })
        )?.trim();
    }
    if (!reason) {
      log.error(vscode.l10n.t('lint errors block the publication: {0}', msg));
      return { stopped: 'lint-errors' };
    }
    log.warn(vscode.l10n.t('publishing despite lint errors ({0}); reason: {1}', msg, reason));
  }
  if (report.noSchema.length > 0) {
    const msg = vscode.l10n.t(
      'No schema declared for {0}: declare one (e.g. scdl/subventions) so the portal validates the file.',
      report.noSchema.join(', '),
    );
    log.warn(msg);
    if (!headless) void vscode.window.showWarningMessage(msg);
  }
  if (report.offName.length === 0) return done(files);
  if (headless) {
    log.info(
      vscode.l10n.t('not named after the Etalab convention AAAAMMJJ_<SIREN>_<nom>: {0}', report.offName.map((f) => f.rel).join(', ')),
    );
    return done(files);
  }
  const renamed = await offerRename(dataset, files, report.offName);
  // The linted schema follows its file through the rename.
  const schemas = { ...report.schemas };
  files.forEach((f, i) => {
    if (schemas[f.abs] && renamed[i] && renamed[i].abs !== f.abs) schemas[renamed[i].abs] = schemas[f.abs];
  });
  return { files: renamed, schemas, ignoredOverrides: report.ignoredOverrides };
}
