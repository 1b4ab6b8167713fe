// Auto-detection: which catalog schema, and which version of it, a header looks like. Labels
// are compared loosely (case, accents, spacing); the best share of a schema's fields wins
// (14/16 columns of subventions), ties go to the one whose required fields are better
// covered, then to the newer version. Every table schema of the catalog and every version
// with a descriptor at hand is a candidate; their label sets are built once per catalog.
import { currentCatalog } from '../catalog/load';
import type { Catalog } from '../catalog/store';
import { compareVersions } from '../catalog/version';
import { catalog, type CatalogEntry } from './catalog';
import { looseLabel } from './normalize';

export interface Detection {
  ref: { name: string; version: string };
  entry: CatalogEntry;
  /** Schema fields found in the header, and the schema's field count. */
  matched: number;
  total: number;
  /** Required fields found, and the schema's required field count. */
  requiredMatched?: number;
  requiredTotal?: number;
}

/** Below this share of a schema's fields, or of the header's columns, a match is chance. */
const MIN_SHARE = 0.5;
const MIN_FIELDS = 3;

interface Candidate {
  entry: CatalogEntry;
  labels: string[];
  required: boolean[];
}

const candidatesOf = (entries: readonly CatalogEntry[]): Candidate[] =>
  entries.map((entry) => ({
    entry,
    labels: entry.descriptor.fields.map((f) => looseLabel(f.name)),
    required: entry.descriptor.fields.map((f) => f.constraints?.required === true),
  }));

let cached: { catalog: Catalog; candidates: Candidate[] } | null = null;
/** Every version of every table schema, plus the bundled nine (kept when the catalog lacks them). */
function allCandidates(): Candidate[] {
  const cat = currentCatalog();
  if (cached?.catalog === cat) return cached.candidates;
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const t of cat.tables)
    for (const v of t.versions) {
      const d = cat.descriptor(t, v.version);
      if (!d || !Array.isArray(d.fields)) continue;
      seen.add(`${t.name}@${v.version}`);
      entries.push({ name: t.name, version: v.version, title: t.title, path: v.url, descriptor: d });
    }
  for (const b of catalog) if (!seen.has(`${b.name}@${b.version}`)) entries.push(b);
  cached = { catalog: cat, candidates: candidatesOf(entries) };
  return cached.candidates;
}

const reqShare = (d: Detection) => (d.requiredTotal ? d.requiredMatched! / d.requiredTotal : 1);

/**
 * Between versions of one schema: the one holding more of the header's columns, then one
 * whose every field is there, else the newer (a file that fits both alike is checked
 * against the current rules).
 */
function betterVersion(a: Detection, b: Detection): boolean {
  if (a.matched !== b.matched) return a.matched > b.matched;
  const ca = a.matched === a.total;
  const cb = b.matched === b.total;
  if (ca !== cb) return ca;
  return compareVersions(a.ref.version, b.ref.version) > 0;
}

/** Between schemas: the better share of the schema's fields, then of its required fields. */
function betterSchema(a: Detection, b: Detection | null): boolean {
  if (!b) return true;
  const d = a.matched / a.total - b.matched / b.total;
  if (Math.abs(d) > 1e-9) return d > 0;
  if (Math.abs(reqShare(a) - reqShare(b)) > 1e-9) return reqShare(a) > reqShare(b);
  return a.matched > b.matched;
}

export function detectSchema(header: readonly string[], entries?: readonly CatalogEntry[]): Detection | null {
  const labels = new Set(header.map(looseLabel));
  const perName = new Map<string, Detection>();
  for (const c of entries ? candidatesOf(entries) : allCandidates()) {
    let matched = 0;
    let requiredMatched = 0;
    let requiredTotal = 0;
    for (let i = 0; i < c.labels.length; i++) {
      const hit = labels.has(c.labels[i]);
      if (hit) matched++;
      if (c.required[i]) {
        requiredTotal++;
        if (hit) requiredMatched++;
      }
    }
    const total = c.labels.length;
    if (matched < MIN_FIELDS || matched < total * MIN_SHARE || matched < labels.size * MIN_SHARE) continue;
    const d: Detection = { ref: { name: c.entry.name, version: c.entry.version }, entry: c.entry, matched, total, requiredMatched, requiredTotal };
    const prev = perName.get(d.ref.name);
    if (!prev || betterVersion(d, prev)) perName.set(d.ref.name, d);
  }
  let best: Detection | null = null;
  for (const d of perName.values()) if (betterSchema(d, best)) best = d;
  return best;
}
