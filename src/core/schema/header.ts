// Matches a file's header to a schema's fields. The product default is Validata's: fields
// are matched by name (frictionless `schema_sync`), a missing required column is an error
// and a missing optional, extra or reordered column a warning. A schema may ask for
// frictionless' v2 `fieldsMatch` modes instead; `exact` is positional.
import type { FieldsMatch } from './descriptor';
import { looseLabel } from './normalize';

export type MatchMode = 'validata' | FieldsMatch;

export type HeaderIssue =
  /** A field whose column is absent (`required` tells which rule applies). */
  | { kind: 'missing'; field: number; required: boolean }
  /** A column that is not in the schema. */
  | { kind: 'extra'; column: number }
  /** The columns present are not in the schema's order. */
  | { kind: 'disordered' }
  /** A label that differs from its field's name by case, accents or spacing only. */
  | { kind: 'rename'; column: number; field: number }
  /** exact mode: the label at this position is not the field's name. */
  | { kind: 'incorrect'; column: number; field: number }
  /** By-name matching needs unique labels: this field's name labels several columns. */
  | { kind: 'ambiguous'; field: number; columns: number[] };

export interface HeaderMatch {
  /** For each field, its 0-based column in the file, or -1. */
  columnOf: number[];
  issues: HeaderIssue[];
  /** In `exact` mode `missing`/`extra` are frictionless errors (missing-label, extra-label). */
  strict: boolean;
}

/** `ignoreCase`: Validata's `ignore_header_case`, labels differing from names by case only match as they are. */
export function matchHeader(
  labels: readonly string[],
  fields: readonly { name: string; required: boolean }[],
  mode: MatchMode,
  ignoreCase = false,
): HeaderMatch {
  if (ignoreCase) {
    const byLower = new Map(fields.map((f) => [f.name.toLowerCase(), f.name]));
    labels = labels.map((l) => byLower.get(l.toLowerCase()) ?? l);
  }
  return mode === 'exact' ? matchExact(labels, fields) : matchByName(labels, fields, mode);
}

function matchExact(labels: readonly string[], fields: readonly { name: string; required: boolean }[]): HeaderMatch {
  const issues: HeaderIssue[] = [];
  const columnOf = fields.map((_, i) => i);
  fields.forEach((f, i) => {
    if (i >= labels.length) issues.push({ kind: 'missing', field: i, required: f.required });
    else if (labels[i] !== f.name)
      issues.push(
        looseLabel(labels[i]) === looseLabel(f.name) ? { kind: 'rename', column: i, field: i } : { kind: 'incorrect', column: i, field: i },
      );
  });
  for (let c = fields.length; c < labels.length; c++) issues.push({ kind: 'extra', column: c });
  return { columnOf, issues, strict: true };
}

function matchByName(labels: readonly string[], fields: readonly { name: string; required: boolean }[], mode: MatchMode): HeaderMatch {
  const issues: HeaderIssue[] = [];
  const columnOf = fields.map(() => -1);
  const taken = labels.map(() => false);
  fields.forEach((f, i) => {
    const cols: number[] = [];
    labels.forEach((l, c) => l === f.name && cols.push(c));
    if (cols.length > 1) issues.push({ kind: 'ambiguous', field: i, columns: cols });
    if (cols.length) {
      columnOf[i] = cols[0];
      for (const c of cols) taken[c] = true;
    }
  });
  // Second pass: forgive case, accents and spacing, but only between leftovers.
  fields.forEach((f, i) => {
    if (columnOf[i] >= 0) return;
    const key = looseLabel(f.name);
    const c = labels.findIndex((l, c) => !taken[c] && looseLabel(l) === key);
    if (c < 0) return;
    columnOf[i] = c;
    taken[c] = true;
    issues.push({ kind: 'rename', column: c, field: i });
  });
  fields.forEach((f, i) => {
    if (columnOf[i] >= 0) return;
    issues.push({ kind: 'missing', field: i, required: f.required });
  });
  taken.forEach((t, c) => {
    if (t) return;
    issues.push({ kind: 'extra', column: c });
  });
  // Validata warns about order only when no column is missing or extra; the relative order of
  // the columns present is still worth a warning (SCDL asks for the schema's order).
  const present = columnOf.filter((c) => c >= 0);
  if (present.some((c, i) => i > 0 && c < present[i - 1])) issues.push({ kind: 'disordered' });
  // v2 modes make some of these errors; Validata's default keeps them warnings.
  const strict = mode === 'equal' || mode === 'subset' || mode === 'superset';
  const kept = issues.filter((x) => {
    if (mode === 'subset' && x.kind === 'extra') return false;
    if (mode === 'superset' && x.kind === 'missing') return false;
    if (mode !== 'validata' && x.kind === 'disordered') return false;
    if (mode === 'partial' && (x.kind === 'missing' || x.kind === 'extra')) return false;
    return true;
  });
  return { columnOf, issues: kept, strict };
}
