// A mapping received as JSON (from the webview) checked for the shape of a standardise step,
// without ajv so the webview bundle stays small: the same rules as schemas/recipe.schema.json.
import type { FieldSource, StandardiseSpec, TableOps } from './spec';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, min = 1): v is string => typeof v === 'string' && v.length >= min && v.length < 10_000;
const strs = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.length < 1000 && v.every((x) => str(x));
const only = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function isSource(s: unknown): s is FieldSource {
  if (!isObject(s)) return false;
  if ('column' in s) return only(s, ['column']) && str(s.column);
  if ('constant' in s) return only(s, ['constant']) && str(s.constant, 0);
  if ('join' in s) return only(s, ['join', 'sep']) && strs(s.join) && (s.sep === undefined || str(s.sep, 0));
  if ('split' in s) return only(s, ['split', 'sep', 'part']) && str(s.split) && str(s.sep) && Number.isInteger(s.part) && s.part !== 0;
  if ('date' in s)
    return (
      only(s, ['date']) &&
      isObject(s.date) &&
      only(s.date, ['day', 'month', 'year']) &&
      str(s.date.day) &&
      str(s.date.month) &&
      str(s.date.year)
    );
  if ('period' in s)
    return (
      only(s, ['period', 'sep']) &&
      isObject(s.period) &&
      only(s.period, ['start', 'end']) &&
      str(s.period.start) &&
      (s.period.end === undefined || str(s.period.end, 0)) &&
      (s.sep === undefined || s.sep === '/' || s.sep === '_')
    );
  if ('map' in s) return only(s, ['map', 'values']) && str(s.map) && isObject(s.values) && Object.values(s.values).every((x) => str(x, 0));
  if ('lookup' in s) return only(s, ['lookup', 'file', 'key', 'value']) && str(s.lookup) && str(s.file) && str(s.key) && str(s.value);
  return false;
}

export function isTable(t: unknown): t is TableOps {
  if (!isObject(t) || !only(t, ['headerRow', 'drop', 'unpivot', 'stack'])) return false;
  if (t.headerRow !== undefined && !(Number.isInteger(t.headerRow) && (t.headerRow as number) >= 1)) return false;
  if (t.drop !== undefined) {
    const d = t.drop;
    if (!isObject(d) || !only(d, ['blank', 'totals', 'where'])) return false;
    if (
      d.where !== undefined &&
      !(
        Array.isArray(d.where) &&
        d.where.every(
          (w) =>
            isObject(w) && only(w, ['column', 'equals']) && str(w.column) && Array.isArray(w.equals) && w.equals.every((e) => str(e, 0)),
        )
      )
    )
      return false;
  }
  if (
    t.unpivot !== undefined &&
    !(
      isObject(t.unpivot) &&
      only(t.unpivot, ['columns', 'name', 'value']) &&
      strs(t.unpivot.columns) &&
      str(t.unpivot.name) &&
      str(t.unpivot.value)
    )
  )
    return false;
  if (t.stack !== undefined) {
    const s = t.stack;
    if (!isObject(s) || !only(s, ['files', 'column']) || !str(s.column) || !Array.isArray(s.files) || !s.files.length) return false;
    if (!s.files.every((f) => isObject(f) && only(f, ['path', 'sheet', 'label']) && str(f.path))) return false;
  }
  return true;
}

export function parseSpec(v: unknown): StandardiseSpec | null {
  if (!isObject(v) || !only(v, ['schema', 'table', 'fields', 'extra'])) return null;
  if (
    !isObject(v.schema) ||
    !only(v.schema, ['name', 'version']) ||
    !str(v.schema.name) ||
    (v.schema.version !== undefined && !str(v.schema.version, 0))
  )
    return null;
  if (v.table !== undefined && !isTable(v.table)) return null;
  if (!isObject(v.fields) || !Object.values(v.fields).every(isSource)) return null;
  if (v.extra !== undefined && v.extra !== 'keep' && v.extra !== 'drop') return null;
  return v as unknown as StandardiseSpec;
}
