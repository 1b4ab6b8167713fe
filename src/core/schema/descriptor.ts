// The Table Schema descriptor as JSON holds it (frictionless v1 plus the v2 additions SCDL
// and Etalab schemas use, plus Validata's `custom_checks`). Pure types.

export interface Constraints {
  required?: boolean;
  unique?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  pattern?: string;
  enum?: unknown[];
}

export interface FieldDescriptor {
  name: string;
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  example?: unknown;
  constraints?: Constraints;
  /** v2: per-field missing values (override the schema's). */
  missingValues?: string[];
  trueValues?: string[];
  falseValues?: string[];
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  /** v2 `list` type. */
  delimiter?: string;
  itemType?: string;
}

export interface ForeignKey {
  fields: string | string[];
  reference: { resource?: string; fields: string | string[] };
}

/** Validata's extension: `{"name": "french-siret-value", "params": {"column": "…"}}`. */
export interface CustomCheckDescriptor {
  name: string;
  params?: Record<string, unknown>;
}

export type FieldsMatch = 'exact' | 'equal' | 'subset' | 'superset' | 'partial';

export interface TableSchema {
  fields: FieldDescriptor[];
  missingValues?: string[];
  primaryKey?: string | string[];
  uniqueKeys?: string[][];
  foreignKeys?: ForeignKey[];
  fieldsMatch?: FieldsMatch;
  custom_checks?: CustomCheckDescriptor[];
  name?: string;
  title?: string;
  version?: string;
  [key: string]: unknown;
}

export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
