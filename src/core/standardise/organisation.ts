// The publishing body of a project, for the fields that name or identify it (nomAttribuant,
// idAttribuant, COLL_NOM, COLL_SIRET…): `.opendata/project.json` may hold
// `"organisation": {"name": …, "siret": …}` (unknown fields are kept by the project file).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { organisationField } from './synonyms';
import type { Target } from './target';
import type { ConstantReason } from './reason-words';

export interface Organisation {
  name?: string;
  siret?: string;
}

/** The organisation of the nearest project above `dir`, if it names one. */
export function projectOrganisation(dir: string): Organisation | null {
  for (let d = dir; ; d = dirname(d)) {
    const p = join(d, '.opendata', 'project.json');
    if (existsSync(p)) {
      try {
        const o = (JSON.parse(readFileSync(p, 'utf8')) as { organisation?: Organisation }).organisation;
        return o && (o.name || o.siret) ? { name: o.name?.trim() || undefined, siret: o.siret?.replace(/\s/g, '') || undefined } : null;
      } catch {
        return null;
      }
    }
    if (dirname(d) === d) return null;
  }
}

/** The constants an organisation gives a target's fields. */
export function organisationConstants(
  target: Target,
  org: Organisation | null,
  reason: ConstantReason = 'project organisation',
): Record<string, { value: string; reason: ConstantReason }> {
  const out: Record<string, { value: string; reason: ConstantReason }> = {};
  if (!org) return out;
  for (const f of target.fields) {
    const kind = organisationField(f.name);
    const value = kind === 'name' ? org.name : kind === 'siret' ? org.siret : undefined;
    if (value) out[f.name] = { value, reason };
  }
  return out;
}
