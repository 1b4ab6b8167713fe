// What `.opendata/project.json` remembers of a publication, shared by the editor and
// `odw publish` (so either resumes the other's run), through the project model's helpers
// (src/core/project): `datasets[<name>].publication` = {portal, datasetId, url,
// publishedAt} plus `resources` (relative path → resource id) and `marker`. While a run is
// under way, each checkpoint goes to `datasets[<name>].publishing`, so a crash between the
// dataset create and the end never leads to a duplicate on the next run.
import * as path from 'node:path';
import type { Linkage } from './types';
import { publicationOf, readProjectFile, updateProjectFile, withPublication, type ProjectState } from '../project';

interface StoredLinkage {
  portal: string;
  datasetId?: string;
  marker?: string;
  resources?: Record<string, string>;
}

const toAbs = (root: string, rec: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(rec ?? {}).map(([rel, id]) => [path.resolve(root, rel), id]));
const toRel = (root: string, rec: Record<string, string>) =>
  Object.fromEntries(Object.entries(rec).map(([abs, id]) => [path.relative(root, abs).split(path.sep).join('/'), id]));

function entry(p: ProjectState, dataset: string): Record<string, unknown> {
  return ((p.datasets ??= {})[dataset] ??= {});
}

/** The linkage to resume from for this portal: an interrupted run first, else the last publication. */
export async function loadLinkage(root: string, dataset: string, portal: string): Promise<Linkage> {
  const p = (await readProjectFile(root)).value;
  const pending = p?.datasets?.[dataset]?.publishing as StoredLinkage | undefined;
  if (pending && pending.portal === portal)
    return { datasetId: pending.datasetId, marker: pending.marker, resources: toAbs(root, pending.resources) };
  const pub = publicationOf(p, dataset) as (StoredLinkage & { datasetId: string }) | undefined;
  if (pub && pub.portal === portal) return { datasetId: pub.datasetId, marker: pub.marker, resources: toAbs(root, pub.resources) };
  return { resources: {} };
}

export async function saveCheckpoint(root: string, dataset: string, portal: string, l: Linkage): Promise<void> {
  await updateProjectFile(root, (p) => {
    const next = structuredClone(p);
    const stored: StoredLinkage = { portal, datasetId: l.datasetId, marker: l.marker, resources: toRel(root, l.resources) };
    entry(next, dataset).publishing = stored;
    return next;
  });
}

export async function recordDone(
  root: string,
  dataset: string,
  pub: { portal: string; datasetId: string; url: string; marker?: string; resources: Record<string, string> },
): Promise<void> {
  await updateProjectFile(root, (p) => {
    const next = withPublication(p, dataset, {
      portal: pub.portal,
      datasetId: pub.datasetId,
      url: pub.url,
      publishedAt: new Date().toISOString(),
      marker: pub.marker,
      resources: toRel(root, pub.resources),
    });
    delete entry(next, dataset).publishing;
    return next;
  });
}

/** After a rename (Etalab convention), the resource ids follow the file, so it is replaced, not re-added. */
export async function renameLinkedPaths(root: string, dataset: string, renames: [from: string, to: string][]): Promise<void> {
  const p = (await readProjectFile(root)).value;
  const e = p?.datasets?.[dataset];
  if (!e || (!e.publication && !e.publishing)) return;
  await updateProjectFile(root, (prev) => {
    const next = structuredClone(prev);
    const d = entry(next, dataset);
    for (const stored of [d.publication, d.publishing] as (StoredLinkage | undefined)[]) {
      if (!stored?.resources) continue;
      for (const [from, to] of renames) {
        if (stored.resources[from] === undefined) continue;
        stored.resources[to] = stored.resources[from];
        delete stored.resources[from];
      }
    }
    return next;
  });
}
