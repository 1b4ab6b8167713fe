// The questionnaire, the referents and the Wanted Data List: each command takes a tree
// node, plain arguments (tests, scripts) or asks. Everything is written to
// .opendata/project.json through the project store.
import * as vscode from 'vscode';
import { isLevel, MATURITY_AXES, MATURITY_QUESTIONS, type Level, type MaturityAxis } from '../../core/diagnose/maturity';
import {
  addReferent,
  addWanted,
  maturityOf,
  referentsOf,
  REFERENT_STATUSES,
  removeReferent,
  removeWanted,
  setMaturity,
  setReferentStatus,
  updateWanted,
  wantedOf,
  WANTED_STATUSES,
  type ReferentStatus,
  type WantedStatus,
} from '../../core/diagnose/project-state';
import { SOCLE } from '../../core/diagnose/socle';
import { datasetOfPath } from '../../core/project/datapackage';
import type { Inventory } from '../stages/inventory';
import type { ProjectStore } from '../stages/project-store';
import { uiLang } from '../settings';
import { referentStatusLabel, wantedStatusLabel } from './labels';
import type { DiagNode } from './nodes';

export interface Deps {
  store: ProjectStore;
  inventory: Inventory;
}

type Of<K extends DiagNode['kind']> = Extract<DiagNode, { kind: K }>;
const isNode = <K extends DiagNode['kind']>(x: unknown, kind: K): x is Of<K> =>
  !!x && typeof x === 'object' && (x as DiagNode).kind === kind;

async function askLevel(axis: MaturityAxis, current: Level | undefined, step: number): Promise<Level | undefined> {
  const lang = uiLang();
  const q = MATURITY_QUESTIONS.find((x) => x.axis === axis)!;
  const items = q.levels.map((l, i) => ({ label: `${i + 1}. ${l[lang]}`, level: (i + 1) as Level, picked: current === i + 1 }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Maturity ({0}/5): {1}', step, q.title[lang]),
    placeHolder: vscode.l10n.t('Which sentence describes the authority best today?'),
    ignoreFocusOut: true,
  });
  return pick?.level;
}

/** Answers given as arguments are saved at once; otherwise one QuickPick per axis, each answer saved as it comes. */
export async function maturityCommand(
  d: Deps,
  arg?: { axis?: MaturityAxis; answers?: Partial<Record<MaturityAxis, number>> },
): Promise<void> {
  // The checklist item "Maturity self-assessment done" follows the answers (isChecked).
  if (arg?.answers) {
    const given = Object.entries(arg.answers).filter(
      (e): e is [MaturityAxis, Level] => (MATURITY_AXES as readonly string[]).includes(e[0]) && isLevel(e[1]),
    );
    await d.store.updateProject((p) => given.reduce((next, [axis, level]) => setMaturity(next, axis, level), p));
    return;
  }
  const current = maturityOf(d.store.state).answers;
  const axes = arg?.axis ? [arg.axis] : MATURITY_AXES;
  for (const [i, axis] of axes.entries()) {
    const level = await askLevel(axis, current[axis], arg?.axis ? MATURITY_AXES.indexOf(axis) + 1 : i + 1);
    if (!level) return; // Escape stops; what was answered is kept
    await d.store.updateProject((p) => setMaturity(p, axis, level));
  }
}

export async function addReferentCommand(
  d: Deps,
  arg?: { service?: string; contact?: string; email?: string },
): Promise<string | undefined> {
  const service =
    arg?.service ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Add a Referent'),
      prompt: vscode.l10n.t('Service (e.g. Finances, Sports)'),
      ignoreFocusOut: true,
    }));
  if (!service?.trim()) return undefined;
  const contact = arg
    ? arg.contact
    : await vscode.window.showInputBox({
        title: vscode.l10n.t('Add a Referent'),
        prompt: vscode.l10n.t('Contact person (optional)'),
        ignoreFocusOut: true,
      });
  let id: string | undefined;
  await d.store.updateProject((p) => {
    const r = addReferent(p, { service, contact, email: arg?.email });
    id = r.id;
    return r.state;
  });
  return id;
}

export async function setReferentStatusCommand(d: Deps, arg?: unknown, status?: ReferentStatus): Promise<void> {
  const id = isNode(arg, 'diag.referent') ? arg.referent.id : typeof arg === 'string' ? arg : (arg as { id?: string } | undefined)?.id;
  const r = referentsOf(d.store.state).find((x) => x.id === id);
  if (!r) return;
  let s = status ?? (arg as { status?: ReferentStatus } | undefined)?.status;
  if (!s) {
    const pick = await vscode.window.showQuickPick(
      REFERENT_STATUSES.map((x) => ({ label: referentStatusLabel(x), status: x, picked: x === r.status })),
      { title: vscode.l10n.t('Status of {0}', r.service) },
    );
    s = pick?.status;
  }
  if (s && (REFERENT_STATUSES as readonly string[]).includes(s)) await d.store.updateProject((p) => setReferentStatus(p, r.id, s!));
}

export async function removeReferentCommand(d: Deps, arg?: unknown): Promise<void> {
  if (isNode(arg, 'diag.referent')) await d.store.updateProject((p) => removeReferent(p, arg.referent.id));
}

export async function addWantedCommand(d: Deps, arg?: { title?: string; service?: string; schema?: string }): Promise<string | undefined> {
  let { title, service, schema } = arg ?? {};
  if (!title) {
    title = await vscode.window.showInputBox({
      title: vscode.l10n.t('Add to the Wanted Data List'),
      prompt: vscode.l10n.t('Which dataset? (e.g. Menus of the school canteens)'),
      ignoreFocusOut: true,
    });
    if (!title?.trim()) return undefined;
    const none = vscode.l10n.t('No target schema');
    const pick = await vscode.window.showQuickPick(
      [
        { label: none, name: undefined as string | undefined },
        ...SOCLE.map((s) => ({ label: s.title, description: s.name, name: s.name as string | undefined })),
      ],
      { title: vscode.l10n.t('Target schema') },
    );
    if (!pick) return undefined;
    schema = pick.name;
    service = await vscode.window.showInputBox({
      title: vscode.l10n.t('Add to the Wanted Data List'),
      prompt: vscode.l10n.t('Service that holds it (optional)'),
      ignoreFocusOut: true,
    });
  }
  let id: string | undefined;
  await d.store.updateProject((p) => {
    const r = addWanted(p, { title: title!, service, schema, origin: 'manual' });
    id = r.id;
    return r.state;
  });
  return id;
}

/** From a missing Socle schema (or the Socle node: every missing one). */
export async function addSocleToWantedCommand(d: Deps, arg?: unknown): Promise<number> {
  const names = isNode(arg, 'diag.socleSchema')
    ? [arg.name]
    : isNode(arg, 'diag.socle')
      ? arg.coverage.missing
      : Array.isArray(arg)
        ? arg.filter((x): x is string => typeof x === 'string')
        : [];
  const schemas = SOCLE.filter((s) => names.includes(s.name));
  if (!schemas.length) return 0;
  const before = wantedOf(d.store.state).length;
  const next = await d.store.updateProject((p) =>
    schemas.reduce((acc, s) => addWanted(acc, { title: s.title, schema: s.name, origin: 'socle' }).state, p),
  );
  return wantedOf(next).length - before;
}

function wantedId(arg: unknown): string | undefined {
  return isNode(arg, 'diag.wantedEntry') ? arg.entry.id : typeof arg === 'string' ? arg : (arg as { id?: string } | undefined)?.id;
}

/** On "received", offers to link the file that came in (a table of the workspace). */
export async function setWantedStatusCommand(d: Deps, arg?: unknown): Promise<void> {
  const id = wantedId(arg);
  const w = wantedOf(d.store.state).find((x) => x.id === id);
  if (!w) return;
  const given = arg as { status?: WantedStatus; file?: string } | undefined;
  let status = isNode(arg, 'diag.wantedEntry') ? undefined : given?.status;
  let file = isNode(arg, 'diag.wantedEntry') ? undefined : given?.file;
  if (!status) {
    const pick = await vscode.window.showQuickPick(
      WANTED_STATUSES.map((s) => ({ label: wantedStatusLabel(s), status: s, picked: s === w.status })),
      { title: vscode.l10n.t('Status of {0}', w.title) },
    );
    status = pick?.status;
    if (!status) return;
    if (status === 'received' && !w.file && !w.dataset) {
      await d.inventory.scan();
      const later = vscode.l10n.t('Later');
      const files = d.inventory
        .list()
        .map((e) => ({ label: vscode.workspace.asRelativePath(e.uri, false), description: e.facts?.schema?.name }));
      const pickFile = await vscode.window.showQuickPick([{ label: later, description: undefined as string | undefined }, ...files], {
        title: vscode.l10n.t('Which file did the service send?'),
      });
      if (pickFile && pickFile.label !== later) file = pickFile.label;
    }
  }
  if (!(WANTED_STATUSES as readonly string[]).includes(status)) return;
  const dataset = file ? datasetOfPath(d.store.datapackage, file)?.meta.name : undefined;
  await d.store.updateProject((p) => updateWanted(p, w.id, { status, ...(file ? { file } : {}), ...(dataset ? { dataset } : {}) }));
}

export async function openWantedCommand(d: Deps, arg?: unknown): Promise<void> {
  const w = wantedOf(d.store.state).find((x) => x.id === wantedId(arg));
  const root = d.store.root;
  if (!w || !root) return;
  if (w.file) await vscode.commands.executeCommand('vscode.open', vscode.Uri.joinPath(root, ...w.file.split('/')));
  else if (w.dataset) await vscode.commands.executeCommand('openData.editMetadata', w.dataset);
}

export async function removeWantedCommand(d: Deps, arg?: unknown): Promise<void> {
  const id = wantedId(arg);
  if (id) await d.store.updateProject((p) => removeWanted(p, id));
}
