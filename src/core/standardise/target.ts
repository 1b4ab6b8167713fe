// The schema to standardise to: a catalog entry by `name[@version]`, and its fields as the
// mapping needs them (required first is the order of the webview, not of the output).
import { catalog, catalogEntry } from '../schema/catalog';
import type { TableSchema } from '../schema/descriptor';
import { err } from './errors';
import { catalogListing } from '../catalog/listing';

/** The versions of a catalog schema whose file is at hand, newest first. */
export function versionsOf(name: string): string[] {
  const t = catalogListing().schemas.find((x) => x.name === name);
  return t ? t.versions.filter((v) => v.available).map((v) => v.version) : [];
}

export interface TargetField {
  name: string;
  title: string;
  required: boolean;
  type: string;
  format?: string;
  enum?: string[];
  pattern?: string;
  /** number/integer: the schema's range (a percent's meaning depends on it). */
  minimum?: number;
  maximum?: number;
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
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const wanted = (version ?? (at >= 0 ? ref.slice(at + 1) : '')).trim().replace(/^v(?=\d)/, '');
  // Any table schema of the national catalog, any version whose file is at hand (bundled or cached).
  const latest = catalogEntry(base);
  if (!latest) {
    const names = catalog.map((c) => c.name).join(', ');
    throw err(
      'unknown-schema',
      `Unknown schema “${ref}”. Known schemas: ${names} and the others of \`odw schemas\`.`,
      `Schéma inconnu « ${ref} ». Schémas connus : ${names} et les autres de \`odw schemas\`.`,
    );
  }
  const e = !wanted || wanted === 'latest' ? latest : catalogEntry(`${base}@${wanted}`);
  if (!e) {
    const known = versionsOf(latest.name).join(', ') || latest.version;
    throw err(
      'unknown-version',
      `${latest.name} has no version ${wanted} at hand (versions: ${known}).`,
      `Le schéma ${latest.name} n’a pas de version ${wanted} disponible (versions : ${known}).`,
    );
  }
  const fields = e.descriptor.fields.map((f): TargetField => {
    const c = (f.constraints ?? {}) as { required?: boolean; enum?: unknown[]; pattern?: string; minimum?: unknown; maximum?: unknown };
    return {
      name: f.name,
      title: String(f.title ?? f.name),
      required: c.required === true,
      type: String(f.type ?? 'string'),
      ...(f.format ? { format: String(f.format) } : {}),
      ...(Array.isArray(c.enum) ? { enum: c.enum.map(String) } : {}),
      ...(c.pattern ? { pattern: c.pattern } : {}),
      ...(typeof c.minimum === 'number' ? { minimum: c.minimum } : {}),
      ...(typeof c.maximum === 'number' ? { maximum: c.maximum } : {}),
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
