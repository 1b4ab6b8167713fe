// A standardise step checked against a shaped header, then turned into one function per output
// column. `checkSpec` lists every entry that does not fit (the replay on next year's file says
// them all at once, before anything is written); `compileMapping` throws on the first.
import type { Lang } from '../model';
import { coerceValue, isoDateOf } from './coerce';
import { err, StandardiseError } from './errors';
import { loadLookup } from './lookup';
import { columnsOf, type FieldSource, type StandardiseSpec } from './spec';
import { findColumn } from './table-ops';
import type { Target, TargetField } from './target';
import { valueKey } from './value-map';

export interface SpecProblem {
  field: string;
  message: { en: string; fr: string };
}

/** Every entry of the step that no longer matches the file: unknown fields, missing columns. */
export function checkSpec(spec: StandardiseSpec, target: Target, header: readonly string[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const names = new Set(target.fields.map((f) => f.name));
  for (const [field, src] of Object.entries(spec.fields)) {
    if (!names.has(field)) {
      problems.push({
        field,
        message: { en: `${field}: not a field of ${target.name}.`, fr: `${field} : ce n’est pas un champ de ${target.name}.` },
      });
      continue;
    }
    for (const c of columnsOf(src))
      if (findColumn(header, c) < 0)
        problems.push({
          field,
          message: { en: `${field}: the file has no column “${c}”.`, fr: `${field} : le fichier n’a pas de colonne « ${c} ».` },
        });
  }
  return problems;
}

export function problemsError(problems: SpecProblem[], where: string): StandardiseError {
  const list = (l: Lang) => problems.map((p) => `  - ${p.message[l]}`).join('\n');
  return err(
    'missing-column',
    `${where}: the mapping no longer matches the file; nothing was written:\n${list('en')}`,
    `${where} : la correspondance ne convient plus au fichier ; rien n’a été écrit :\n${list('fr')}`,
  );
}

export interface CompiledMapping {
  header: string[];
  map(values: readonly string[]): string[];
  /** The labelled source columns no entry reads and that are not kept: not in the output. */
  unmapped: string[];
}

type Cell = (v: readonly string[]) => string;

function cellOf(src: FieldSource, header: readonly string[], baseDir: string): Cell {
  const col = (label: string) => {
    const i = findColumn(header, label);
    return (v: readonly string[]) => (v[i] ?? '').trim();
  };
  if ('column' in src) return col(src.column);
  if ('constant' in src) return () => src.constant;
  if ('join' in src) {
    const cs = src.join.map(col);
    const sep = src.sep ?? ' ';
    return (v) =>
      cs
        .map((c) => c(v))
        .filter(Boolean)
        .join(sep);
  }
  if ('split' in src) {
    const c = col(src.split);
    return (v) => {
      const parts = c(v).split(src.sep);
      const p = src.part < 0 ? parts[parts.length + src.part] : parts[src.part - 1];
      return (p ?? '').trim();
    };
  }
  if ('date' in src) {
    const [d, m, y] = [col(src.date.day), col(src.date.month), col(src.date.year)];
    return (v) => {
      const [dd, mm, yy] = [d(v), m(v), y(v)];
      if (!dd && !mm && !yy) return '';
      const text = `${dd.padStart(2, '0')}/${mm.padStart(2, '0')}/${yy}`;
      return isoDateOf(text) ?? text;
    };
  }
  if ('period' in src) {
    const [s, e] = [col(src.period.start), src.period.end ? col(src.period.end) : () => ''];
    const sep = src.sep ?? '/';
    return (v) => {
      const a = s(v);
      const b = e(v);
      const ia = a ? (isoDateOf(a) ?? a) : '';
      const ib = b ? (isoDateOf(b) ?? b) : '';
      return ia && ib && ib !== ia ? `${ia}${sep}${ib}` : ia || ib;
    };
  }
  if ('map' in src) {
    const c = col(src.map);
    const values = new Map(Object.entries(src.values).map(([k, val]) => [valueKey(k), val]));
    return (v) => {
      const x = c(v);
      return values.get(valueKey(x)) ?? x;
    };
  }
  const c = col(src.lookup);
  const table = loadLookup(src.file, src.key, src.value, baseDir);
  return (v) => table.get(c(v)) ?? '';
}

/** Output: the schema's fields in order, then (extra: keep) the source columns no entry reads. */
export function compileMapping(
  spec: StandardiseSpec,
  target: Target,
  header: readonly string[],
  where: string,
  baseDir: string,
): CompiledMapping {
  const problems = checkSpec(spec, target, header);
  if (problems.length) throw problemsError(problems, where);
  const cells: Cell[] = target.fields.map((f: TargetField) => {
    const src = spec.fields[f.name];
    if (!src) return () => '';
    const cell = cellOf(src, header, baseDir);
    return (v) => coerceValue(cell(v), f);
  });
  const out = target.fields.map((f) => f.name);
  const used = new Set(Object.values(spec.fields).flatMap((s) => columnsOf(s).map((c) => findColumn(header, c))));
  const unmapped: string[] = [];
  header.forEach((h, i) => {
    if (used.has(i) || h.trim() === '') return;
    if (spec.extra !== 'keep' || out.includes(h)) return void unmapped.push(h.trim());
    out.push(h);
    cells.push((v) => v[i] ?? '');
  });
  return { header: out, map: (v) => cells.map((c) => c(v)), unmapped };
}
