// The rename offer of the gate: files named AAAAMMJJ_<SIREN>_<nom>.csv (Etalab convention)
// sort by date and tell who produced them once downloaded. Renames on disk and in
// datapackage.json and .opendata/project.json together, so the project keeps pointing at
// the file and its portal resource.
import * as path from 'node:path';
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { serializeDataPackage, resourcePaths } from '../../core/project';
import { readDataPackage, type DatasetChoice, type DatasetFile } from './datasets';
import { etalabName } from './gate';
import { renameLinkedPaths } from './linkage';

/** Asks once; returns the files with their new names (unchanged when the person declines). */
export async function offerRename(d: DatasetChoice, files: DatasetFile[], offName: DatasetFile[]): Promise<DatasetFile[]> {
  if (offName.length === 0) return files;
  const rename = vscode.l10n.t('Rename…');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} is not named after the Etalab convention AAAAMMJJ_<SIREN>_<nom>.csv. Rename it?',
      offName.map((f) => f.rel).join(', '),
    ),
    { modal: true },
    rename,
    vscode.l10n.t('Keep the name'),
  );
  if (answer !== rename) return files;
  const siren = await vscode.window.showInputBox({
    title: vscode.l10n.t('SIREN of the producer (9 digits)'),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d{9}$/.test(v.trim()) ? undefined : vscode.l10n.t('A SIREN has 9 digits.')),
  });
  if (!siren) return files;
  const renamed = new Map<string, DatasetFile>();
  for (const f of offName) {
    const abs = path.join(path.dirname(f.abs), etalabName(f.abs, siren.trim()));
    await vscode.workspace.fs.rename(vscode.Uri.file(f.abs), vscode.Uri.file(abs));
    renamed.set(f.abs, { ...f, abs, rel: path.relative(d.root, abs).split(path.sep).join('/') });
  }
  if (d.datapackage) await renameInPackage(d.datapackage, offName, renamed);
  await renameLinkedPaths(
    d.root,
    d.meta.name,
    offName.map((f) => [f.rel, renamed.get(f.abs)!.rel]),
  );
  return files.map((f) => renamed.get(f.abs) ?? f);
}

async function renameInPackage(file: string, before: DatasetFile[], after: Map<string, DatasetFile>): Promise<void> {
  const dp = await readDataPackage(file);
  if (!dp?.resources) return;
  const next = structuredClone(dp);
  for (const r of next.resources ?? []) {
    const paths = resourcePaths(r).map((p) => {
      const old = before.find((f) => f.rel === p);
      return old ? after.get(old.abs)!.rel : p;
    });
    r.path = Array.isArray(r.path) ? paths : paths[0];
  }
  await writeFile(file, serializeDataPackage(next));
}
