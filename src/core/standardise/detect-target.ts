// The schema a table is most likely meant for: the catalog's detection by field names first
// (a file already in SCDL), else the schema whose proposal maps the most columns with
// confidence — real exports have their own labels, which the names-only detection misses.
import { catalog } from '../schema/catalog';
import { detectSchema } from '../schema/detect';
import { proposeMapping, type ProposeInput } from './propose';
import { resolveTarget } from './target';
import { shapeOf } from './shapes';

/** Columns a proposal must map with confidence ≥ 0.7 before its schema is called detected. */
const MIN_CONFIDENT = 3;

export function likeliestSchema(sample: Pick<ProposeInput, 'header' | 'rows'>): string | undefined {
  const byName = detectSchema(sample.header)?.ref.name;
  if (byName) return byName;
  let best: { name: string; n: number } | undefined;
  const shapes = sample.header.map((_, i) => shapeOf(sample.rows.map((r) => r[i] ?? '')));
  for (const e of catalog) {
    const p = proposeMapping(resolveTarget(e.name), { ...sample, shapes });
    const n = p.fields.filter((f) => f.source !== null && f.confidence >= 0.7).length;
    if (n >= MIN_CONFIDENT && n > (best?.n ?? 0)) best = { name: e.name, n };
  }
  return best?.name;
}
