// datapackage.json as the project's list of datasets: each resource is a file, resources
// sharing a `dataset` name form one portal dataset, whose metadata sits in `datasets`.
// Every change returns a new object built from a deep copy, so unknown fields survive.
import schema from '../../../schemas/datapackage.schema.json';
import { parseJsonFile, type ParsedFile } from './json-file';
import type { DataPackage, DatasetMeta, Resource } from './types';

export const DATAPACKAGE_FILE = 'datapackage.json';

export interface DatasetView {
  meta: DatasetMeta;
  resources: Resource[];
}

export interface NewFile {
  /** Relative to the folder of datapackage.json, `/` separators. */
  path: string;
  /** A catalog name such as `scdl/subventions`, when detected. */
  schema?: string;
}

export function parseDataPackage(text: string): ParsedFile<DataPackage> {
  return parseJsonFile<DataPackage>(text, schema);
}

export function serializeDataPackage(dp: DataPackage): string {
  return JSON.stringify(dp, null, 2) + '\n';
}

/** `Subventions 2024.csv` → `subventions-2024`: the Frictionless name pattern. */
function nameFrom(text: string): string {
  const base = text.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'data';
}

function unique(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}-${i}`;
  taken.add(n);
  return n;
}

export function resourcePaths(r: Resource): string[] {
  return Array.isArray(r.path) ? r.path : typeof r.path === 'string' ? [r.path] : [];
}

const datasetNameOf = (r: Resource) => r.dataset ?? r.name;

/** Declared datasets first (in file order), then datasets only named by resources. */
export function datasetsOf(dp: DataPackage | null): DatasetView[] {
  if (!dp) return [];
  const resources = Array.isArray(dp.resources) ? dp.resources.filter((r) => r && typeof r === 'object') : [];
  const views = new Map<string, DatasetView>();
  for (const m of Array.isArray(dp.datasets) ? dp.datasets : []) {
    if (m && typeof m.name === 'string' && !views.has(m.name)) views.set(m.name, { meta: m, resources: [] });
  }
  for (const r of resources) {
    const name = datasetNameOf(r);
    if (typeof name !== 'string') continue;
    if (!views.has(name)) views.set(name, { meta: { name }, resources: [] });
    views.get(name)!.resources.push(r);
  }
  return [...views.values()];
}

/** The dataset a file belongs to, by its path relative to datapackage.json. */
export function datasetOfPath(dp: DataPackage | null, path: string): DatasetView | undefined {
  return datasetsOf(dp).find((d) => d.resources.some((r) => resourcePaths(r).includes(path)));
}

const FORMATS: Record<string, string> = { csv: 'csv', tsv: 'tsv', tab: 'tsv', txt: 'csv', xlsx: 'xlsx', ods: 'ods' };

/**
 * Adds `files` as one dataset (`into`: an existing dataset name, else a new one named after
 * the first file). Files already listed are not added twice.
 */
export function addDataset(dp: DataPackage | null, files: NewFile[], into?: string): { dp: DataPackage; name: string } {
  const next: DataPackage = structuredClone(dp ?? {});
  if (!next.name) next.name = 'open-data';
  const resources = (next.resources = Array.isArray(next.resources) ? next.resources : []);
  const datasets = (next.datasets = Array.isArray(next.datasets) ? next.datasets : []);
  const datasetNames = new Set(datasetsOf(next).map((d) => d.meta.name));
  const name = into ?? unique(nameFrom(files[0]?.path ?? 'data'), datasetNames);
  if (!datasets.some((d) => d.name === name))
    datasets.push({ name, title: files[0] ? files[0].path.replace(/^.*\//, '').replace(/\.[^.]+$/, '') : name });
  const listed = new Set(resources.flatMap(resourcePaths));
  const resourceNames = new Set(resources.map((r) => r.name));
  for (const f of files) {
    if (listed.has(f.path)) continue;
    listed.add(f.path);
    const ext = f.path.split('.').pop()!.toLowerCase();
    const r: Resource = { name: unique(nameFrom(f.path), resourceNames), path: f.path, format: FORMATS[ext] ?? ext, dataset: name };
    if (f.schema) r.schema = f.schema;
    resources.push(r);
  }
  return { dp: next, name };
}

/** Replaces the known metadata fields of dataset `meta.name`, keeping its other fields. Empty values remove the field. */
export function setDatasetMeta(dp: DataPackage | null, meta: DatasetMeta): DataPackage {
  const next: DataPackage = structuredClone(dp ?? {});
  const datasets = (next.datasets = Array.isArray(next.datasets) ? next.datasets : []);
  let target = datasets.find((d) => d.name === meta.name);
  if (!target) datasets.push((target = { name: meta.name }));
  for (const [k, v] of Object.entries(meta)) {
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) delete target[k];
    else target[k] = structuredClone(v);
  }
  return next;
}

/** Sets the description of the resources holding each path (empty = removed). */
export function setResourceDescriptions(dp: DataPackage, descriptions: { path: string; description: string }[]): DataPackage {
  const next: DataPackage = structuredClone(dp);
  for (const r of next.resources ?? []) {
    const d = descriptions.find((x) => resourcePaths(r).includes(x.path));
    if (!d) continue;
    if (d.description.trim()) r.description = d.description.trim();
    else delete r.description;
  }
  return next;
}
