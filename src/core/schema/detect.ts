// Auto-detection: which catalog schema, and which version of it, a header looks like. Labels
// are compared loosely (case, accents, spacing); the best share of a schema's fields wins
// (14/16 columns of subventions), ties go to the one whose required fields are better
// covered, then to the newer version. Every table schema of the catalog and every version
// with a descriptor at hand is a candidate; their label sets are built once per catalog.
import { bundledFieldsIndex, currentCatalog } from '../catalog/load';
import { compareVersions } from '../catalog/version';
import { catalog, catalogEntry, type CatalogEntry } from './catalog';
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
  name: string;
  version: string;
  labels: string[];
  required: boolean[];
  /** The schema entry, built only for the winner (from the index it needs the bundle). */
  entry: () => CatalogEntry | undefined;
}

const candidatesOf = (entries: readonly CatalogEntry[]): Candidate[] =>
  entries.map((entry) => ({
    name: entry.name,
    version: entry.version,
    labels: entry.descriptor.fields.map((f) => looseLabel(f.name)),
    required: entry.descriptor.fields.map((f) => f.constraints?.required === true),
    entry: () => entry,
  }));

const builtinOf = (name: string, version: string) => catalog.find((b) => b.name === name && b.version === version);

/**
 * Every version of every table schema, plus the bundled nine (kept when the catalog lacks
 * them). With the bundled catalog in use, from its small field index: a lint detects its
 * schema without opening the bundle, which it reads only when the winner is not one of the nine.
 */
let cached: { key: unknown; candidates: Candidate[] } | null = null;
function allCandidates(): Candidate[] {
  const index = bundledFieldsIndex();
  const key = index ?? currentCatalog();
  if (cached?.key === key) return cached.candidates;
  let candidates: Candidate[];
  const seen = new Set<string>();
  if (index) {
    candidates = index.map(([name, version, , fields]) => {
      seen.add(`${name}@${version}`);
      return {
        name,
        version,
        labels: fields.map((f) => looseLabel(f.replace(/^!/, ''))),
        required: fields.map((f) => f.startsWith('!')),
        entry: () => builtinOf(name, version) ?? catalogEntry(`${name}@${version}`) ?? undefined,
      };
    });
  } else {
    const cat = currentCatalog();
    const entries: CatalogEntry[] = [];
    for (const t of cat.tables)
      for (const v of t.versions) {
        const d = cat.descriptor(t, v.version);
        if (!d || !Array.isArray(d.fields)) continue;
        seen.add(`${t.name}@${v.version}`);
        entries.push({ name: t.name, version: v.version, title: t.title, path: v.url, descriptor: d });
      }
    candidates = candidatesOf(entries);
  }
  candidates.push(...candidatesOf(catalog.filter((b) => !seen.has(`${b.name}@${b.version}`))));
  cached = { key, candidates };
  return candidates;
}

/**
 * Between versions of one schema: the one holding more of the header's columns, then one
 * whose every field is there, else the newer (a file that fits both alike is checked
 * against the current rules).
 */
function betterVersion(a: Score, b: Score): boolean {
  if (a.matched !== b.matched) return a.matched > b.matched;
  const ca = a.matched === a.total;
  const cb = b.matched === b.total;
  if (ca !== cb) return ca;
  return compareVersions(a.c.version, b.c.version) > 0;
}

/** Between schemas: the better share of the schema's fields, then of its required fields. */
function betterSchema(a: Score, b: Score | null): boolean {
  if (!b) return true;
  const d = a.matched / a.total - b.matched / b.total;
  if (Math.abs(d) > 1e-9) return d > 0;
  if (Math.abs(reqShareOf(a) - reqShareOf(b)) > 1e-9) return reqShareOf(a) > reqShareOf(b);
  return a.matched > b.matched;
}

interface Score {
  c: Candidate;
  matched: number;
  total: number;
  requiredMatched: number;
  requiredTotal: number;
}

const reqShareOf = (d: Score) => (d.requiredTotal ? d.requiredMatched / d.requiredTotal : 1);

export function detectSchema(header: readonly string[], entries?: readonly CatalogEntry[]): Detection | null {
  const labels = new Set(header.map(looseLabel));
  const perName = new Map<string, Score>();
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
    const d: Score = { c, matched, total, requiredMatched, requiredTotal };
    const prev = perName.get(c.name);
    if (!prev || betterVersion(d, prev)) perName.set(c.name, d);
  }
  let best: Score | null = null;
  for (const d of perName.values()) if (betterSchema(d, best)) best = d;
  const entry = best?.c.entry();
  if (!best || !entry) return null;
  return {
    ref: { name: entry.name, version: entry.version },
    entry,
    matched: best.matched,
    total: best.total,
    requiredMatched: best.requiredMatched,
    requiredTotal: best.requiredTotal,
  };
}
