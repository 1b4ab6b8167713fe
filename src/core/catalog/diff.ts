// What changed between two versions of a schema, computed from the two descriptors: fields
// added, removed or renamed, and fields whose type, format or constraints differ.
import type { Lang } from '../model';
import type { FieldDescriptor, TableSchema } from '../schema/descriptor';

export interface SchemaDiff {
  added: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
  /** Field name → what changed (`type string → integer`, `required false → true`, …). */
  changed: { field: string; changes: string[] }[];
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function fieldChanges(a: FieldDescriptor, b: FieldDescriptor): string[] {
  const out: string[] = [];
  if ((a.type ?? 'string') !== (b.type ?? 'string')) out.push(`type ${show(a.type ?? 'string')} → ${show(b.type ?? 'string')}`);
  if (a.format !== b.format) out.push(`format ${show(a.format)} → ${show(b.format)}`);
  const ca = (a.constraints ?? {}) as Record<string, unknown>;
  const cb = (b.constraints ?? {}) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(ca), ...Object.keys(cb)])].sort()) {
    if (JSON.stringify(ca[k]) === JSON.stringify(cb[k])) continue;
    if (k === 'enum' && Array.isArray(ca[k]) && Array.isArray(cb[k])) {
      const before = new Set((ca[k] as unknown[]).map(String));
      const after = new Set((cb[k] as unknown[]).map(String));
      const plus = [...after].filter((x) => !before.has(x));
      const minus = [...before].filter((x) => !after.has(x));
      out.push(`enum${plus.length ? ` +${plus.join(', +')}` : ''}${minus.length ? ` −${minus.join(', −')}` : ''}`);
    } else out.push(`${k} ${show(ca[k])} → ${show(cb[k])}`);
  }
  return out;
}

/** A removed and an added field are one renamed field when they share type and title (or position and type). */
function sameField(a: FieldDescriptor, b: FieldDescriptor, sameSlot: boolean): boolean {
  if ((a.type ?? 'string') !== (b.type ?? 'string')) return false;
  if (a.title && b.title) return a.title.trim().toLowerCase() === b.title.trim().toLowerCase();
  return sameSlot && a.name.toLowerCase() === b.name.toLowerCase();
}

export function diffSchemas(older: TableSchema, newer: TableSchema): SchemaDiff {
  const oldFields = older.fields ?? [];
  const newFields = newer.fields ?? [];
  const oldNames = new Map(oldFields.map((f, i) => [f.name, i]));
  const newNames = new Map(newFields.map((f, i) => [f.name, i]));
  let removed = oldFields.filter((f) => !newNames.has(f.name));
  let added = newFields.filter((f) => !oldNames.has(f.name));
  const renamed: SchemaDiff['renamed'] = [];
  for (const r of [...removed]) {
    const slot = oldFields.indexOf(r);
    const match = added.find((a) => sameField(r, a, newFields.indexOf(a) === slot));
    if (!match) continue;
    renamed.push({ from: r.name, to: match.name });
    removed = removed.filter((x) => x !== r);
    added = added.filter((x) => x !== match);
  }
  const changed: SchemaDiff['changed'] = [];
  for (const f of oldFields) {
    const j = newNames.get(f.name);
    if (j === undefined) continue;
    const changes = fieldChanges(f, newFields[j]);
    if (changes.length) changed.push({ field: f.name, changes });
  }
  return { added: added.map((f) => f.name), removed: removed.map((f) => f.name), renamed, changed };
}

export const isEmptyDiff = (d: SchemaDiff) => !d.added.length && !d.removed.length && !d.renamed.length && !d.changed.length;

/** One sentence per kind of change, for a message. */
export function describeDiff(d: SchemaDiff, lang: Lang): string {
  const fr = lang === 'fr';
  const parts: string[] = [];
  if (d.added.length) parts.push(`${fr ? 'champs ajoutés :' : 'fields added:'} ${d.added.join(', ')}`);
  if (d.removed.length) parts.push(`${fr ? 'champs retirés :' : 'fields removed:'} ${d.removed.join(', ')}`);
  if (d.renamed.length)
    parts.push(`${fr ? 'champs renommés :' : 'fields renamed:'} ${d.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
  if (d.changed.length)
    parts.push(
      `${fr ? 'contraintes modifiées :' : 'constraints changed:'} ${d.changed.map((c) => `${c.field} (${c.changes.join(fr ? ' ; ' : '; ')})`).join(', ')}`,
    );
  return parts.length
    ? parts.join(fr ? ' ; ' : '; ')
    : fr
      ? 'aucun changement de champ ni de contrainte'
      : 'no field or constraint changes';
}
