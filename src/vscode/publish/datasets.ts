// Which datasets the workspace holds: every datapackage.json's datasets (see
// src/core/project), or loose files given by the caller. Paths in the plan are absolute;
// paths in the project files are relative to the folder of datapackage.json.
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { confineAbsolute, confinePath, confineReason } from '../../core/portal';
import { datasetsOf, parseDataPackage, resourcePaths, type DataPackage, type DatasetMeta } from '../../core/project';
import { uiLang } from '../settings';

export interface DatasetFile {
  /** Absolute path on disk. */
  abs: string;
  /** Relative to the project root, `/` separators (the key in project files). */
  rel: string;
  title: string;
  description?: string;
  format: string;
  /** Declared schema name (`scdl/subventions`), if any. */
  schema?: string;
}

export interface DatasetChoice {
  /** Folder of datapackage.json (or of the loose files): where `.opendata/project.json` lives. */
  root: string;
  /** Absolute path of datapackage.json, when the dataset comes from one. */
  datapackage?: string;
  meta: DatasetMeta;
  files: DatasetFile[];
  /** Resource paths refused because they leave the project folder (shown, never uploaded). */
  refused?: { path: string; reason: string }[];
}

/** What `openData.publish` accepts as `dataset`: a dataset name, or files (workspace-relative or absolute). */
export type DatasetArg = string | { name?: string; datapackage?: string; files?: string[] };

const schemaName = (s: unknown): string | undefined =>
  typeof s === 'string' && !/[\\/]?\.json$/i.test(s)
    ? s
    : s && typeof s === 'object' && typeof (s as { name?: unknown }).name === 'string'
      ? String((s as { name: string }).name)
      : undefined;

type Extra = { title?: string; description?: string; format?: string; schema?: unknown };

/** A resource path of datapackage.json, confined to its folder (#16: no absolute, no `..`, no link out). */
function confinedFile(root: string, rel: string, extra: Extra, refused: { path: string; reason: string }[]): DatasetFile[] {
  const c = confinePath(root, rel);
  if (!c.ok) {
    // A missing file stays in the list: the gate reports it like any unreadable file.
    if (c.reason !== 'missing') {
      refused.push({ path: rel, reason: confineReason(c.reason, uiLang()) });
      return [];
    }
  }
  return [toFile(root, rel, extra)];
}

function toFile(root: string, rel: string, extra: Extra = {}): DatasetFile {
  const ext = path.extname(rel).slice(1).toLowerCase();
  return {
    abs: path.resolve(root, rel),
    rel: rel.split(path.sep).join('/'),
    title: extra.title ?? path.basename(rel),
    description: extra.description,
    format: (extra.format ?? ext).toLowerCase(),
    schema: schemaName(extra.schema),
  };
}

export async function readDataPackage(file: string): Promise<DataPackage | null> {
  try {
    return parseDataPackage(await readFile(file, 'utf8')).value;
  } catch {
    return null;
  }
}

export async function workspaceDatasets(): Promise<DatasetChoice[]> {
  const uris = await vscode.workspace.findFiles('**/datapackage.json', '**/node_modules/**', 50);
  const out: DatasetChoice[] = [];
  for (const uri of uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
    const dp = await readDataPackage(uri.fsPath);
    const root = path.dirname(uri.fsPath);
    for (const view of datasetsOf(dp)) {
      const refused: { path: string; reason: string }[] = [];
      const files = view.resources.flatMap((r) =>
        resourcePaths(r).flatMap((p) =>
          confinedFile(root, p, { title: r.title ?? r.name, description: r.description, format: r.format, schema: r.schema }, refused),
        ),
      );
      if (files.length > 0 || refused.length > 0) out.push({ root, datapackage: uri.fsPath, meta: view.meta, files, refused });
    }
  }
  return out;
}

function absoluteIn(p: string): string {
  if (path.isAbsolute(p)) return p;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, p) : path.resolve(p);
}

/** Resolves the command argument; undefined when nothing matches. */
export async function datasetFromArg(arg: DatasetArg): Promise<DatasetChoice | undefined> {
  const spec = typeof arg === 'string' ? { name: arg } : arg;
  if (spec.files && spec.files.length > 0 && !spec.datapackage) {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const all = spec.files.map(absoluteIn);
    // Loose files too must lie in a workspace folder (links resolved).
    const abs = all.filter((a) => folders.some((f) => confineAbsolute(f, a).ok));
    const refused = all.filter((a) => !abs.includes(a)).map((a) => ({ path: a, reason: confineReason('outside', uiLang()) }));
    if (abs.length === 0) return { root: folders[0] ?? path.dirname(all[0]), meta: { name: spec.name ?? 'files' }, files: [], refused };
    const root = path.dirname(abs[0]);
    const name = spec.name ?? path.basename(abs[0]).replace(/\.[^.]+$/, '');
    return { root, meta: { name }, files: abs.map((a) => toFile(root, path.relative(root, a))), refused };
  }
  const all = await workspaceDatasets();
  const dpPath = spec.datapackage ? absoluteIn(spec.datapackage) : undefined;
  const found = all.find((d) => (!spec.name || d.meta.name === spec.name) && (!dpPath || d.datapackage === dpPath));
  if (!found || !spec.files) return found;
  const wanted = new Set(spec.files);
  return { ...found, files: found.files.filter((f) => wanted.has(f.rel) || wanted.has(f.abs)) };
}

export async function pickDataset(): Promise<DatasetChoice | undefined> {
  const all = await workspaceDatasets();
  if (all.length === 0) {
    const uris = await vscode.window.showOpenDialog({
      canSelectMany: true,
      filters: { [vscode.l10n.t('Tables')]: ['csv', 'tsv', 'xlsx', 'ods'] },
      openLabel: vscode.l10n.t('Publish'),
    });
    return uris && uris.length > 0 ? datasetFromArg({ files: uris.map((u) => u.fsPath) }) : undefined;
  }
  if (all.length === 1) return all[0];
  const items = all.map((d) => ({
    label: d.meta.title ?? d.meta.name,
    description: d.meta.name,
    detail: d.files.map((f) => f.rel).join(', '),
    d,
  }));
  return (
    await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which dataset do you want to publish?'), ignoreFocusOut: true })
  )?.d;
}

const OPEN_FORMATS = new Set(['csv', 'tsv', 'json', 'geojson']);

/**
 * Lets the person choose the files, CSV first. A spreadsheet is an extra resource only: alone
 * it is not an open format (data.gouv.fr's quality score counts an open format).
 */
export async function pickFiles(d: DatasetChoice): Promise<DatasetFile[] | undefined> {
  const sorted = [...d.files].sort((a, b) => Number(!OPEN_FORMATS.has(a.format)) - Number(!OPEN_FORMATS.has(b.format)));
  if (sorted.length === 1) return sorted;
  const items = sorted.map((f) => ({ label: f.rel, description: f.format.toUpperCase(), picked: true, f }));
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Files to publish (open formats first)'),
    ignoreFocusOut: true,
  });
  return chosen?.map((c) => c.f);
}

export const hasOpenFormat = (files: DatasetFile[]) => files.some((f) => OPEN_FORMATS.has(f.format));

/** Orders files so open formats come first: the portal shows the first resource as the main one. */
export const openFormatsFirst = (files: DatasetFile[]) =>
  [...files].sort((a, b) => Number(!OPEN_FORMATS.has(a.format)) - Number(!OPEN_FORMATS.has(b.format)));
