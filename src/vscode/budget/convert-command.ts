// "Open Data: Convert Budget to SCDL CSV": writes `<act>.csv` beside the act (or a chosen path,
// never overwriting without asking), opens it, and adds it to the project as a dataset with
// its metadata prefilled (title, temporal coverage, organisation, SIRET, schema).
import * as vscode from 'vscode';
import { DATAPACKAGE_FILE, parseDataPackage, serializeDataPackage, setDatasetMeta } from '../../core/project/datapackage';
import type { BudgetDatasetMeta } from '../../core/budget/metadata';
import { log } from '../log';
import type { Services } from '../services';
import { uiLang } from '../settings';

export interface ConvertBudgetOptions {
  /** Tests: the output file, and whether replacing it was already agreed. */
  out?: vscode.Uri;
  overwrite?: boolean;
}

export interface ConvertBudgetOutcome {
  out: vscode.Uri;
  rows: number;
  dataset?: string;
}

const exists = async (u: vscode.Uri) =>
  vscode.workspace.fs.stat(u).then(
    () => true,
    () => false,
  );

export function plansTaskArgs(context: vscode.ExtensionContext, path: string) {
  return {
    path,
    lang: uiLang(),
    cacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'plans').fsPath,
    baseUrl: process.env.ODW_OFFLINE === '1' ? null : process.env.ODW_PLANS_URL || undefined,
  };
}

async function outputFor(act: vscode.Uri, o: ConvertBudgetOptions): Promise<vscode.Uri | undefined> {
  const out = o.out ?? act.with({ path: act.path.replace(/\.xml$/i, '') + '.csv' });
  if (o.overwrite || !(await exists(out))) return out;
  const replace = vscode.l10n.t('Replace');
  const other = vscode.l10n.t('Choose Another File…');
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(out)),
    { modal: true },
    replace,
    other,
  );
  if (pick === replace) return out;
  if (pick === other) return vscode.window.showSaveDialog({ defaultUri: out, filters: { CSV: ['csv'] } });
  return undefined;
}

/** Adds the CSV to the project (stage tree) and fills the dataset's metadata from the act. */
async function addToProject(out: vscode.Uri, meta: BudgetDatasetMeta): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(out);
  if (!folder || !(await vscode.commands.getCommands(true)).includes('openData.addDataset')) return undefined;
  const name = await vscode.commands.executeCommand<string | undefined>('openData.addDataset', out);
  if (!name) return undefined;
  const dpUri = vscode.Uri.joinPath(folder.uri, DATAPACKAGE_FILE);
  const parsed = parseDataPackage(new TextDecoder().decode(await vscode.workspace.fs.readFile(dpUri)));
  if (!parsed.value) return name;
  let dp = setDatasetMeta(parsed.value, {
    name,
    title: meta.title,
    temporalCoverage: meta.temporalCoverage,
    organization: meta.organization,
    siret: meta.siret,
  });
  const rel = out.path.slice(folder.uri.path.length + 1);
  for (const r of dp.resources ?? [])
    if (r.path === rel) Object.assign(r, { schema: meta.schema.name, schemaVersion: meta.schema.version ?? undefined, title: meta.title });
  dp = { ...dp };
  await vscode.workspace.fs.writeFile(dpUri, new TextEncoder().encode(serializeDataPackage(dp)));
  return name;
}

export async function convertBudgetCommand(
  context: vscode.ExtensionContext,
  services: Services,
  act: vscode.Uri | undefined,
  o: ConvertBudgetOptions = {},
): Promise<ConvertBudgetOutcome | undefined> {
  if (!act) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open or select a budget act (.xml) to convert.'));
    return undefined;
  }
  const out = await outputFor(act, o);
  if (!out) return undefined;
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Converting the budget act…'), cancellable: true },
    (_p, token) => services.worker.run('budgetConvert', { ...plansTaskArgs(context, act.fsPath), out: out.fsPath }, { token }),
  );
  if (!r.ok) {
    void vscode.window.showErrorMessage(r.message);
    return undefined;
  }
  for (const p of r.problems) (p.severity === 'warning' ? log.warn : log.info)(`${vscode.workspace.asRelativePath(act)}: ${p.message}`);
  const warnings = r.problems.filter((p) => p.severity !== 'info');
  const dataset = await addToProject(out, r.meta).catch((e) => void log.error(String(e)));
  await vscode.window.showTextDocument(out, { preview: false });
  const done = vscode.l10n.t('{0} budget lines written to {1}.', r.rows, vscode.workspace.asRelativePath(out));
  if (warnings.length) void vscode.window.showWarningMessage(`${done} ${warnings.map((w) => w.message).join(' ')}`);
  else void vscode.window.showInformationMessage(done);
  return { out, rows: r.rows, dataset: dataset ?? undefined };
}
