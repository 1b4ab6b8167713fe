// The catalog as a picker shows it: table schemas with their versions (newest first) and
// whether each version's file is at hand, plus which catalog is in use.
import { currentCatalog, resetCatalog } from './load';

export interface CatalogListing {
  source: 'bundled' | 'cache';
  fetchedAt: string | null;
  schemas: {
    name: string;
    title: string;
    latest: string;
    labels: string[];
    versions: { version: string; url: string; available: boolean }[];
  }[];
}

export function catalogListing(reload = false): CatalogListing {
  if (reload) resetCatalog();
  const cat = currentCatalog();
  return {
    source: cat.source,
    fetchedAt: cat.fetchedAt,
    schemas: cat.tables.map((t) => ({
      name: t.name,
      title: t.title,
      latest: t.latest,
      labels: t.labels,
      versions: [...t.versions]
        .reverse()
        .map((v) => ({ version: v.version, url: v.url, available: cat.descriptor(t, v.version) !== null })),
    })),
  };
}
