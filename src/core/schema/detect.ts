// Auto-detection: which catalog schema a header looks like. Labels are compared loosely
// (case, accents, spacing) and the best coverage wins, e.g. 14/16 columns of subventions.
import { catalog, type CatalogEntry } from './catalog';
import { looseLabel } from './normalize';

export interface Detection {
  ref: { name: string; version: string };
  entry: CatalogEntry;
  /** Schema fields found in the header, and the schema's field count. */
  matched: number;
  total: number;
}

/** Below this share of a schema's fields, or of the header's columns, a match is chance. */
const MIN_SHARE = 0.5;
const MIN_FIELDS = 3;

export function detectSchema(header: readonly string[], entries: readonly CatalogEntry[] = catalog): Detection | null {
  const labels = new Set(header.map(looseLabel));
  let best: Detection | null = null;
  for (const e of entries) {
    const names = e.descriptor.fields.map((f) => looseLabel(f.name));
    const matched = names.filter((n) => labels.has(n)).length;
    const total = names.length;
    if (matched < MIN_FIELDS || matched < total * MIN_SHARE || matched < labels.size * MIN_SHARE) continue;
    if (!best || matched / total > best.matched / best.total)
      best = { ref: { name: e.name, version: e.version }, entry: e, matched, total };
  }
  return best;
}
