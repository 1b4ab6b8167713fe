// The catalog in use: schema.data.gouv.fr's entries, each table schema with all its versions,
// data packages listed as their parts (`etalab/schema-irve` → `etalab/schema-irve-statique`,
// `…-dynamique`). Descriptors are read on demand from the catalog's files.
import type { TableSchema } from '../schema/descriptor';
import type { RawEntry } from './raw';
import { bareVersion, compareVersions } from './version';

export const URL_PREFIX = 'https://schema.data.gouv.fr/schemas/';

export type CatalogSource = 'bundled' | 'cache';

export interface SchemaVersion {
  version: string;
  /** The published URL of this version's file (what datapackage.json pins). */
  url: string;
}

export interface TableEntry {
  name: string;
  title: string;
  labels: string[];
  description?: string;
  /** Oldest first. */
  versions: SchemaVersion[];
  latest: string;
  /** The data package this is a part of, and the part's resource name. */
  partOf?: { name: string; resource: string };
  examples: { title?: string; path: string }[];
}

/** A file of the catalog by its path under `schemas/`: parsed JSON, text, or undefined. */
export type FileLookup = (rel: string) => unknown;

/** A catalog URL's path under `/schemas/` (schema.data.gouv.fr, or a mirror of it). */
function relOf(url: string): string | null {
  if (url.startsWith(URL_PREFIX)) return url.slice(URL_PREFIX.length);
  try {
    const m = /^\/schemas\/(.+)$/.exec(new URL(url).pathname);
    return m ? decodeURIComponent(m[1]) : null;
  } catch {
    return null;
  }
}
const dirOf = (rel: string) => rel.slice(0, rel.lastIndexOf('/') + 1);

/** `etalab/schema-irve` + `irve-statique` → `etalab/schema-irve-statique` (the name udata uses). */
export function partName(pkg: string, resource: string): string {
  const stem = pkg.split('/')[1].replace(/^schema-/, '');
  const rest = resource.startsWith(stem + '-') ? resource.slice(stem.length + 1) : resource;
  return `${pkg}-${rest}`;
}

export class Catalog {
  readonly tables: TableEntry[] = [];
  private readonly byName = new Map<string, TableEntry>();
  /** For a part: the datapackage URL per version, to find the part's file beside it. */
  private readonly partFiles = new Map<string, (version: string) => { url: string; inline?: TableSchema } | null>();

  constructor(
    readonly entries: RawEntry[],
    private readonly file: FileLookup,
    readonly source: CatalogSource,
    readonly fetchedAt: string | null = null,
  ) {
    // Table schemas first: a package's part that the catalog also lists on its own (IRVE
    // statique) keeps its own entry and files.
    for (const pass of ['tableschema', 'datapackage'])
      for (const e of entries) {
        if (e.schema_type !== pass) continue;
        const versions = e.versions
          .map((v) => ({ version: bareVersion(v.version_name), url: v.schema_url }))
          .sort((a, b) => compareVersions(a.version, b.version));
        if (!versions.length) continue;
        const latest = versions[versions.length - 1].version;
        if (pass === 'tableschema')
          this.add({ name: e.name, title: e.title, labels: e.labels, description: e.description, versions, latest, examples: e.examples });
        else this.addParts(e, versions);
      }
  }

  private add(t: TableEntry): void {
    this.tables.push(t);
    this.byName.set(t.name.toLowerCase(), t);
  }

  private addParts(e: RawEntry, versions: SchemaVersion[]): void {
    const parts = new Map<string, SchemaVersion[]>();
    const resources = new Map<string, (v: string) => { url: string; inline?: TableSchema } | null>();
    for (const v of versions) {
      const rel = relOf(v.url);
      const dp = rel ? (this.file(rel) as { resources?: { name?: unknown; schema?: unknown }[] } | undefined) : undefined;
      if (!dp || typeof dp !== 'object' || !Array.isArray(dp.resources)) continue;
      for (const r of dp.resources) {
        if (!r || typeof r.name !== 'string' || !r.schema) continue;
        const name = partName(e.name, r.name);
        const url = typeof r.schema === 'string' ? new URL(r.schema, v.url).href : `${v.url}#${r.name}`;
        if (!parts.has(name)) parts.set(name, []);
        parts.get(name)!.push({ version: v.version, url });
        const inline = typeof r.schema === 'object' ? (r.schema as TableSchema) : undefined;
        const prev = resources.get(name);
        resources.set(name, (ver) => (ver === v.version ? { url, inline } : prev ? prev(ver) : null));
      }
    }
    for (const [name, vs] of parts) {
      const resource = name.slice(e.name.length + 1);
      const own = this.byName.get(name.toLowerCase());
      if (own) {
        own.partOf ??= { name: e.name, resource };
        continue;
      }
      this.add({
        name,
        title: `${e.title} — ${resource}`,
        labels: e.labels,
        description: e.description,
        versions: vs,
        latest: vs[vs.length - 1].version,
        partOf: { name: e.name, resource },
        examples: [],
      });
      this.partFiles.set(name, resources.get(name)!);
    }
  }

  /** Whether the catalog holds a copy of a file (by its path under `schemas/`). */
  hasFile(rel: string): boolean {
    return this.file(rel) !== undefined;
  }

  /** By full name, or by the part after the owner (`subventions`), any case. */
  find(name: string): TableEntry | undefined {
    const n = name.trim().toLowerCase();
    return this.byName.get(n) ?? this.tables.find((t) => t.name.split('/')[1].toLowerCase() === n);
  }

  /** The published URL of a version (null: no such version). */
  urlOf(entry: TableEntry, version: string): string | null {
    return entry.versions.find((v) => v.version === bareVersion(version))?.url ?? null;
  }

  /** A version's descriptor, or null when no copy of its file is at hand (update the catalog). */
  descriptor(entry: TableEntry, version: string = entry.latest): TableSchema | null {
    const d = this.rawDescriptor(entry, version);
    return d && typeof d === 'object' && Array.isArray((d as TableSchema).fields) ? (d as TableSchema) : null;
  }

  /** A version's file as parsed, whatever its shape (undefined: no copy at hand). */
  rawDescriptor(entry: TableEntry, version: string = entry.latest): unknown {
    const part = this.partFiles.get(entry.name)?.(bareVersion(version));
    if (part?.inline) return part.inline;
    const url = part ? part.url : this.urlOf(entry, version);
    const rel = url ? relOf(url) : null;
    return rel ? this.file(rel) : undefined;
  }
}

export { relOf, dirOf };
