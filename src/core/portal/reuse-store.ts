// Reuses in `.opendata/project.json`: `datasets[<name>].reuses[<chart slug>]` = {portal,
// reuseId, page (the reuse on the portal), url (where the chart lives), marker,
// pageResourceId, title, publishedAt}. Written at each checkpoint, so an interrupted
// publication resumes with the same reuse.
import { readProjectFile, updateProjectFile } from '../project';
import type { ReuseLinkage } from './reuse';

export interface StoredReuse extends ReuseLinkage {
  portal: string;
  title?: string;
  page?: string;
  url?: string;
  publishedAt?: string;
}

type Entry = { reuses?: Record<string, StoredReuse> };

export async function reusesOf(root: string, dataset: string): Promise<Record<string, StoredReuse>> {
  const p = (await readProjectFile(root)).value;
  const e = p?.datasets?.[dataset] as Entry | undefined;
  return e?.reuses && typeof e.reuses === 'object' ? e.reuses : {};
}

export async function loadReuseLinkage(root: string, dataset: string, slug: string, portal: string): Promise<ReuseLinkage> {
  const r = (await reusesOf(root, dataset))[slug];
  return r && r.portal === portal ? { marker: r.marker, reuseId: r.reuseId, pageResourceId: r.pageResourceId } : {};
}

export async function saveReuse(root: string, dataset: string, slug: string, value: StoredReuse): Promise<void> {
  await updateProjectFile(root, (p) => {
    const next = structuredClone(p);
    const d = ((next.datasets ??= {})[dataset] ??= {}) as Entry;
    const all = (d.reuses ??= {});
    all[slug] = { ...all[slug], ...value };
    return next;
  });
}
