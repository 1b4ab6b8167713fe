// Host side of the metadata protocol: the form's messages are checked before anything is
// written to datapackage.json. Only the fields the form edits, with their types and sane
// lengths, for the dataset the panel was opened on (a message naming another dataset, or
// adding keys the form has none for, is not acted on). Same guards as src/protocol/chart.ts.
import type { DatasetMeta } from '../../core/project/types';
import type { FileView, MetadataEdit, WebviewMessage } from '../../protocol/metadata';

/** A description can be long; a metadata text past this is not typed by hand. */
const MAX_TEXT = 100_000;
const MAX_ITEMS = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const texts = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_ITEMS && v.every(text);

function parseMeta(v: unknown, dataset: string): DatasetMeta | null {
  if (!isObject(v)) return null;
  const meta: DatasetMeta = { name: dataset };
  for (const k of ['title', 'description', 'frequency', 'organization'] as const) {
    if (v[k] === undefined) continue;
    if (!text(v[k])) return null;
    meta[k] = v[k];
  }
  if (v.keywords !== undefined) {
    if (!texts(v.keywords)) return null;
    meta.keywords = v.keywords;
  }
  if (v.licenses !== undefined) {
    const ls = v.licenses;
    if (
      !Array.isArray(ls) ||
      ls.length > 10 ||
      !ls.every((l) => isObject(l) && ['name', 'title', 'path'].every((k) => l[k] === undefined || text(l[k])))
    )
      return null;
    meta.licenses = ls.map((l: Record<string, unknown>) => ({
      name: l.name as string | undefined,
      title: l.title as string | undefined,
      path: l.path as string | undefined,
    }));
  }
  if (v.temporalCoverage !== undefined) {
    const t = v.temporalCoverage;
    if (!isObject(t) || !text(t.start) || !text(t.end)) return null;
    meta.temporalCoverage = { start: t.start, end: t.end };
  }
  if (v.spatial !== undefined) {
    const s = v.spatial;
    if (!isObject(s) || (s.zones !== undefined && !texts(s.zones)) || (s.granularity !== undefined && !text(s.granularity))) return null;
    meta.spatial = {
      ...(s.zones !== undefined ? { zones: s.zones as string[] } : {}),
      ...(s.granularity !== undefined ? { granularity: s.granularity as string } : {}),
    };
  }
  return meta;
}

function parseFiles(v: unknown): FileView[] | null {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) return null;
  const out: FileView[] = [];
  for (const f of v) {
    if (!isObject(f) || !text(f.path) || !text(f.description)) return null;
    out.push({ path: f.path, description: f.description });
  }
  return out;
}

function parseEdit(v: unknown, dataset: string): MetadataEdit | null {
  if (!isObject(v)) return null;
  const meta = parseMeta(v.meta, dataset);
  const files = parseFiles(v.files);
  return meta && files && { meta, files };
}

/** The message, checked, for the panel of `dataset`; null when it is not one the form sends. */
export function parseMetadataMessage(v: unknown, dataset: string): WebviewMessage | null {
  if (!isObject(v)) return null;
  if (v.type === 'ready') return { type: 'ready' };
  if (v.type === 'change' || v.type === 'save') {
    const edit = parseEdit(v.edit, dataset);
    return edit && { type: v.type, edit };
  }
  return null;
}
