// .opendata/project.json: checklists, notes, target portal and publications. Pure text
// transforms (parse → change → serialise, unknown fields kept) plus node-fs helpers for the
// worker, the CLI and the publish flow, which runs outside the editor's document model.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import schema from '../../../schemas/project.schema.json';
import { parseJsonFile, type ParsedFile } from './json-file';
import type { ProjectState, Publication } from './types';
import { maturityResult, MATURITY_AXES, type MaturityState } from '../diagnose/maturity';

export const PROJECT_FILE = join('.opendata', 'project.json');

export function parseProject(text: string): ParsedFile<ProjectState> {
  return parseJsonFile<ProjectState>(text, schema);
}

export function serializeProject(p: ProjectState): string {
  return JSON.stringify(p, null, 2) + '\n';
}

function copy(p: ProjectState | null): ProjectState {
  const next: ProjectState = structuredClone(p ?? {});
  next.version ??= 1;
  return next;
}

/**
 * A ticked item. "Published" follows the publication records and "Maturity self-assessment
 * done" the five answers, unless the user set them by hand (an explicit untick wins).
 */
export function isChecked(p: ProjectState | null, stage: string, item: string): boolean {
  const set = p?.stages?.[stage]?.checklist?.[item];
  if (set !== undefined) return set === true;
  if (stage === 'diagnostic' && item === 'maturity')
    return maturityResult(p?.maturity as MaturityState | undefined).answered === MATURITY_AXES.length;
  return stage === 'publication' && item === 'published' && latestPublication(p) !== undefined;
}

/** The most recent publication of any dataset of the project. */
export function latestPublication(p: ProjectState | null): Publication | undefined {
  let latest: Publication | undefined;
  for (const d of Object.values(p?.datasets ?? {})) {
    const pub = d.publication;
    if (pub && (!latest || pub.publishedAt > latest.publishedAt)) latest = pub;
  }
  return latest;
}

/** The portal chosen in the Publication stage, or else the one last published to. */
export function targetPortalOf(p: ProjectState | null): string | undefined {
  return p?.targetPortal ?? latestPublication(p)?.portal;
}

export function setChecked(p: ProjectState | null, stage: string, item: string, checked: boolean): ProjectState {
  const next = copy(p);
  const stages = (next.stages ??= {});
  const s = (stages[stage] ??= {});
  (s.checklist ??= {})[item] = checked;
  return next;
}

export function setNotes(p: ProjectState | null, stage: string, notes: string): ProjectState {
  const next = copy(p);
  const s = ((next.stages ??= {})[stage] ??= {});
  if (notes) s.notes = notes;
  else delete s.notes;
  return next;
}

export function setTargetPortal(p: ProjectState | null, portal: string): ProjectState {
  const next = copy(p);
  if (portal) next.targetPortal = portal;
  else delete next.targetPortal;
  return next;
}

export function publicationOf(p: ProjectState | null, dataset: string): Publication | undefined {
  return p?.datasets?.[dataset]?.publication;
}

export function withPublication(p: ProjectState | null, dataset: string, pub: Publication): ProjectState {
  const next = copy(p);
  const d = ((next.datasets ??= {})[dataset] ??= {});
  d.publication = { ...d.publication, ...pub };
  return next;
}

/** The project of a workspace folder; a missing file is an empty project, a broken one has issues. */
export async function readProjectFile(root: string): Promise<ParsedFile<ProjectState>> {
  let text: string;
  try {
    text = await readFile(join(root, PROJECT_FILE), 'utf8');
  } catch {
    return { value: {}, issues: [] };
  }
  return parseProject(text);
}

/**
 * Read-modify-write of the project file. Refuses (throws) when the file exists but is not
 * JSON: overwriting it would lose what the person typed. Writes to a temporary file then
 * renames, so a crash never leaves half a file.
 */
export async function updateProjectFile(root: string, change: (p: ProjectState) => ProjectState): Promise<ProjectState> {
  const read = await readProjectFile(root);
  if (!read.value) throw new Error(`${PROJECT_FILE}: ${read.issues[0]?.message.en ?? 'unreadable'}`);
  const next = change(read.value);
  const file = join(root, PROJECT_FILE);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, serializeProject(next));
  await rename(tmp, file);
  return next;
}

/** For the publish flow: records (or refreshes) where `dataset` was published. */
export function recordPublication(root: string, dataset: string, pub: Publication): Promise<ProjectState> {
  return updateProjectFile(root, (p) => withPublication(p, dataset, pub));
}
