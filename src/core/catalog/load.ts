// Where the catalog comes from: the cache that "Update Schema Catalog" / `odw schemas --update`
// fills, else the copy bundled with the product (schemas/catalog/bundle.br, built by
// scripts/catalog-bundle.mjs). Either way it is read once per process, on first use.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { parseCatalogText, checkCatalog, type RawEntry } from './raw';
import { Catalog } from './store';

interface BundleDoc {
  schemas: unknown;
  files: Record<string, number>;
  blobs: unknown[];
}

/** The product's root (the folder holding `schemas/`), from dist/ or from compiled tests. */
function productRoot(): string | null {
  for (let dir = __dirname, i = 0; i < 8; i++, dir = dirname(dir)) if (existsSync(join(dir, 'schemas', 'catalog', 'bundle.br'))) return dir;
  return null;
}

let bundled: { entries: RawEntry[]; file: (rel: string) => unknown } | null = null;
function bundledDoc(): { entries: RawEntry[]; file: (rel: string) => unknown } {
  if (bundled) return bundled;
  const root = productRoot();
  let doc: BundleDoc | null = null;
  if (root) {
    try {
      doc = JSON.parse(brotliDecompressSync(readFileSync(join(root, 'schemas', 'catalog', 'bundle.br'))).toString('utf8')) as BundleDoc;
    } catch {
      doc = null;
    }
  }
  const checked = doc ? checkCatalog(doc) : null;
  const entries = checked?.ok ? checked.value : [];
  bundled = { entries, file: (rel) => (doc && rel in doc.files ? doc.blobs[doc.files[rel]] : undefined) };
  return bundled;
}

/** The CLI's cache folder: $ODW_CATALOG_CACHE, else the user's cache folder. */
export function catalogCacheDir(): string {
  const env = process.env.ODW_CATALOG_CACHE;
  if (env) return env;
  const base =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local') : join(homedir(), '.cache'));
  return join(base, 'odw', 'catalog');
}

export interface CacheMeta {
  fetchedAt: string;
  /** Per URL: the validators the server sent, for the next conditional request. */
  validators: Record<string, { etag?: string; lastModified?: string }>;
}

/** A file of the cache by its catalog path; refuses paths that would leave the folder. */
export function cachePath(dir: string, rel: string): string | null {
  const p = normalize(join(dir, 'files', rel));
  return p.startsWith(normalize(join(dir, 'files')) + sep) ? p : null;
}

function readCacheFile(dir: string, rel: string): unknown {
  const p = cachePath(dir, rel);
  if (!p || !existsSync(p)) return undefined;
  try {
    const text = readFileSync(p, 'utf8');
    return /\.json$/i.test(rel) ? JSON.parse(text.replace(/^\uFEFF/, '')) : text;
  } catch {
    return undefined;
  }
}

export function readCacheMeta(dir: string): CacheMeta | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as CacheMeta;
    return m && typeof m.fetchedAt === 'string' && m.validators && typeof m.validators === 'object' ? m : null;
  } catch {
    return null;
  }
}

/** The cached catalog, or null when there is none or it cannot be used. */
export function cachedCatalog(dir: string): Catalog | null {
  const p = join(dir, 'schemas.json');
  if (!existsSync(p)) return null;
  let parsed;
  try {
    parsed = parseCatalogText(readFileSync(p, 'utf8'));
  } catch {
    return null;
  }
  if (!parsed.ok) return null;
  const b = bundledDoc();
  const files = new Map<string, unknown>();
  const file = (rel: string) => {
    if (!files.has(rel)) files.set(rel, readCacheFile(dir, rel) ?? b.file(rel));
    return files.get(rel);
  };
  return new Catalog(parsed.value, file, 'cache', readCacheMeta(dir)?.fetchedAt ?? null);
}

export function bundledCatalog(): Catalog {
  const b = bundledDoc();
  return new Catalog(b.entries, b.file, 'bundled');
}

let current: Catalog | null = null;
/** The catalog in use: the cache when it holds a usable catalog, else the bundled copy. */
export function currentCatalog(): Catalog {
  current ??= cachedCatalog(catalogCacheDir()) ?? bundledCatalog();
  return current;
}

/** Forgets the catalog in use (after an update, or when the cache folder changes). */
export function resetCatalog(): void {
  current = null;
}

/** Each bundled table-schema version's field names (`!` marks a required one), for detection. */
export type FieldsIndex = [name: string, version: string, title: string, fields: string[]][];

let fieldsIndexCache: FieldsIndex | null | undefined;
/**
 * The bundled copy's field index (schemas/catalog/fields.br), or null when a cached catalog is
 * in use (detection then reads that catalog) or the index is missing.
 */
export function bundledFieldsIndex(): FieldsIndex | null {
  if (existsSync(join(catalogCacheDir(), 'schemas.json')) && currentCatalog().source === 'cache') return null;
  if (fieldsIndexCache !== undefined) return fieldsIndexCache;
  const root = productRoot();
  try {
    const v = root ? JSON.parse(brotliDecompressSync(readFileSync(join(root, 'schemas', 'catalog', 'fields.br'))).toString('utf8')) : null;
    fieldsIndexCache = Array.isArray(v) ? (v as FieldsIndex) : null;
  } catch {
    fieldsIndexCache = null;
  }
  return fieldsIndexCache;
}
