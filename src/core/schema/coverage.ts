// How many of a catalog schema's fields a header holds ("14/16 columns" in the status bar),
// with the same case/accent-insensitive matching as detection.
import { catalogEntry } from './catalog';
import { looseLabel } from './normalize';

export interface Coverage {
  title: string;
  matched: number;
  total: number;
}

export function schemaCoverage(name: string, header: readonly string[]): Coverage | null {
  const entry = catalogEntry(name);
  if (!entry) return null;
  const labels = new Set(header.map(looseLabel));
  const names = entry.descriptor.fields.map((f) => looseLabel(f.name));
  return { title: entry.title, matched: names.filter((n) => labels.has(n)).length, total: names.length };
}
