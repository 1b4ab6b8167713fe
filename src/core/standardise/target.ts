// The schema to standardise to: a catalog entry by `name[@version]`, and its fields as the
// mapping needs them (required first is the order of the webview, not of the output).
import { catalog, catalogEntry } from '../schema/catalog';
import type { TableSchema } from '../schema/descriptor';
import { err } from './errors';

export interface TargetField {
  name: string;
  title: string;
  required: boolean;
  type: string;
  format?: string;
  enum?: string[];
  pattern?: string;
  /** boolean: the texts the schema reads as true and false (Table Schema defaults otherwise). */
  trueValues?: string[];
  falseValues?: string[];
}

export interface Target {
  name: string;
  version: string;
  descriptor: TableSchema;
  fields: TargetField[];
}

export function resolveTarget(ref: string, version?: string): Target {
  const at = ref.indexOf('@');
  const wanted = version ?? (at >= 0 ? ref.slice(at + 1).trim() : undefined);
  const e = catalogEntry(at >= 0 ? ref.slice(0, at) : ref);
  if (!e) {
    const names = catalog.map((c) => c.name).join(', ');
    throw err(
      'unknown-schema',
      `Unknown schema “${ref}”. Known schemas: ${names}.`,
      `Schéma inconnu « ${ref} ». Schémas connus : ${names}.`,
    );
  }
  if (wanted && wanted !== 'latest' && wanted.replace(/^v/, '') !== e.version)
    throw err(
      'unknown-version',
      `${e.name} version ${wanted} is not bundled (bundled: ${e.version}).`,
      `La version ${wanted} de ${e.name} n’est pas fournie (version fournie : ${e.version}).`,
    );
  const fields = e.descriptor.fields.map((f): TargetField => {
    const c = (f.constraints ?? {}) as { required?: boolean; enum?: unknown[]; pattern?: string };
    return {
      name: f.name,
      title: String(f.title ?? f.name),
      required: c.required === true,
      type: String(f.type ?? 'string'),
      ...(f.format ? { format: String(f.format) } : {}),
      ...(Array.isArray(c.enum) ? { enum: c.enum.map(String) } : {}),
      ...(c.pattern ? { pattern: c.pattern } : {}),
      ...(f.type === 'boolean'
        ? {
            trueValues: (f as { trueValues?: string[] }).trueValues ?? ['true'],
            falseValues: (f as { falseValues?: string[] }).falseValues ?? ['false'],
          }
        : {}),
    };
  });
  return { name: e.name, version: e.version, descriptor: e.descriptor, fields };
}
