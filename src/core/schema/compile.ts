// Compiles a Table Schema descriptor once: per field a caster, its constraint tests and
// its missing values, so validating a cell allocates nothing.
import type { SchemaWords } from './types/words';
import { asList, type FieldDescriptor, type TableSchema } from './descriptor';
import { compileConstraints, type ConstraintTest } from './constraints';
import { compileCast } from './types/cast';
import type { Cast } from './types/invalid';

export interface CompiledField {
  name: string;
  index: number;
  descriptor: FieldDescriptor;
  type: string;
  label: string;
  cast: Cast;
  required: boolean;
  unique: boolean;
  tests: ConstraintTest[];
  missing: Set<string>;
  /** The usual case, `missingValues: [""]`, tested without hashing the cell. */
  onlyEmptyIsMissing: boolean;
}

/** A problem in the descriptor found while compiling; `path` is a JSON pointer into it. */
export interface CompileIssue {
  path: string;
  message: SchemaWords;
}

export interface CompiledSchema {
  descriptor: TableSchema;
  fields: CompiledField[];
  byName: Map<string, CompiledField>;
  primaryKey: number[];
  uniqueKeys: number[][];
  /** Foreign keys to the same resource (the only kind a single file can check). */
  selfForeignKeys: { fields: number[]; reference: number[] }[];
  issues: CompileIssue[];
}

export function compileSchema(schema: TableSchema): CompiledSchema {
  const issues: CompileIssue[] = [];
  const schemaMissing = new Set(schema.missingValues ?? ['']);
  const fields = (Array.isArray(schema.fields) ? schema.fields : []).map((d, index): CompiledField => {
    const fc = compileCast(d);
    if (fc.error) issues.push({ path: `/fields/${index}`, message: fc.error });
    const cc = compileConstraints(d.constraints, fc);
    for (const m of cc.errors) issues.push({ path: `/fields/${index}/constraints`, message: m });
    return {
      name: d.name,
      index,
      descriptor: d,
      type: d.type ?? 'string',
      label: fc.label,
      cast: fc.cast,
      required: d.constraints?.required === true,
      unique: d.constraints?.unique === true,
      tests: cc.tests,
      missing: d.missingValues ? new Set(d.missingValues) : schemaMissing,
      onlyEmptyIsMissing: false,
    };
  });
  for (const f of fields) f.onlyEmptyIsMissing = f.missing.size === 1 && f.missing.has('');
  const byName = new Map<string, CompiledField>();
  for (const f of fields) if (!byName.has(f.name)) byName.set(f.name, f);
  const indexes = (names: string[], path: string): number[] | null => {
    const out: number[] = [];
    for (const n of names) {
      const f = byName.get(n);
      if (!f) {
        issues.push({ path, message: { en: `field “${n}” is not in the schema`, fr: `le champ « ${n} » n’est pas dans le schéma` } });
        return null;
      }
      out.push(f.index);
    }
    return out;
  };
  const primaryKey = indexes(asList(schema.primaryKey), '/primaryKey') ?? [];
  const uniqueKeys: number[][] = [];
  (schema.uniqueKeys ?? []).forEach((k, i) => {
    const ix = indexes(asList(k), `/uniqueKeys/${i}`);
    if (ix) uniqueKeys.push(ix);
  });
  const selfForeignKeys: CompiledSchema['selfForeignKeys'] = [];
  (schema.foreignKeys ?? []).forEach((fk, i) => {
    const resource = fk.reference?.resource ?? '';
    if (resource !== '') {
      issues.push({
        path: `/foreignKeys/${i}/reference/resource`,
        message: {
          en: `foreign keys to another resource (“${resource}”) are not checked on a single file`,
          fr: `les clés étrangères vers une autre ressource (« ${resource} ») ne sont pas vérifiées sur un seul fichier`,
        },
      });
      return;
    }
    const from = indexes(asList(fk.fields), `/foreignKeys/${i}/fields`);
    const to = indexes(asList(fk.reference?.fields), `/foreignKeys/${i}/reference/fields`);
    if (from && to && from.length === to.length) selfForeignKeys.push({ fields: from, reference: to });
    else if (from && to)
      issues.push({
        path: `/foreignKeys/${i}`,
        message: {
          en: 'foreign key and reference have different numbers of fields',
          fr: 'la clé étrangère et sa référence n’ont pas le même nombre de champs',
        },
      });
  });
  return { descriptor: schema, fields, byName, primaryKey, uniqueKeys, selfForeignKeys, issues };
}
