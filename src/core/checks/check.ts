// The contract of a Validata custom check (`custom_checks` in a schema). A check sees each
// row's logical values (cast by the schema; null for empty or mistyped cells, which Validata
// skips) and reports through the schema validator, which knows where cells are.
import type { Lang, Row, Severity } from '../model';

export interface CheckEnv {
  readonly lang: Lang;
  /** Schema field index of `name` when that field's column is in the file, else -1. */
  field(name: string): number;
  /** Whether the schema declares a field of this name (present in the file or not). */
  declared(name: string): boolean;
  /** The field's Table Schema type (`string`, `date`…). */
  typeOf(field: number): string;
  /** The cell text of a field in the row being visited. */
  raw(row: Row, field: number): string;
  /** True once `rule`'s reports are only counted: a check may then skip building its diagnosis. */
  full(rule: string): boolean;
  /** Reports on a cell; `fix` is the certain replacement text, when there is one. */
  cell(row: Row, field: number, rule: string, message: string | (() => string), severity?: Severity, fix?: string): void;
  row(row: Row, rule: string, message: string | (() => string), severity?: Severity): void;
  /** A problem with the check itself or the table as a whole (reported on the header). */
  table(rule: string, message: string, severity?: Severity): void;
}

export interface RowCheck {
  row(row: Row, values: readonly unknown[]): void;
  end?(): void;
}

export interface CustomCheck {
  name: string;
  /** Returns null when the check does not apply (its columns are absent, as Validata skips it). */
  create(params: Record<string, unknown>, env: CheckEnv): RowCheck | null;
}

/** Validata's `valued`: a cell counts as filled when it has a logical value. */
export const valued = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** Reads a string parameter or reports the check as misconfigured. */
/** The index of the field named by a string parameter; -1 (after saying why) when it cannot be used. */
export function columnParam(params: Record<string, unknown>, key: string, check: string, env: CheckEnv): number {
  const column = stringParam(params, key, check, env);
  return column === null ? -1 : env.field(column);
}

export function stringParam(params: Record<string, unknown>, key: string, check: string, env: CheckEnv): string | null {
  const v = params[key];
  if (typeof v === 'string' && v) return v;
  env.table(
    'check-error',
    env.lang === 'fr'
      ? `Contrôle « ${check} » : paramètre « ${key} » manquant ou invalide.`
      : `Check “${check}”: parameter “${key}” is missing or invalid.`,
    'warning',
  );
  return null;
}
