// Reads a schema descriptor from JSON text: syntax, then the Table Schema profile (ajv),
// then compilation. Every problem becomes a diagnostic at its position in the JSON text;
// nothing here throws on bad input.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from '../vendor';
import type { Diagnostic, Lang } from '../model';
import profile from '../../../schemas/table-schema.profile.json';
import { compileSchema, type CompiledSchema } from './compile';
import type { TableSchema } from './descriptor';
import { jsonSpans, JsonSyntaxError, lineCol, type JsonSpan } from './json-positions';
import { jsonTypeFr } from './types/words';

export interface LoadedSchema {
  descriptor: TableSchema | null;
  /** Null when the descriptor is not valid JSON or breaks the Table Schema profile. */
  compiled: CompiledSchema | null;
  /** `schema-error` diagnostics, positioned in the schema's JSON text. */
  diagnostics: Diagnostic[];
}

let validator: ValidateFunction | null = null;
function profileValidator(): ValidateFunction {
  validator ??= new (ajvClass())({ allErrors: true, strict: false }).compile(profile);
  return validator;
}

function at(text: string, rule: string, message: string, span: { start: number; end: number } | undefined): Diagnostic {
  const s = lineCol(text, span?.start ?? 0);
  const e = lineCol(text, span?.end ?? 0);
  const d: Diagnostic = {
    rule,
    severity: 'error',
    message,
    row: null,
    column: null,
    field: null,
    line: s.line,
    start: s.ch,
    end: e.line === s.line ? e.ch : s.ch + 1,
  };
  return d;
}

/** The span to underline for a pointer: the key of a member, else the value; the parent when absent. */
function spanFor(spans: Map<string, JsonSpan>, pointer: string): { start: number; end: number } | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const s = spans.get(p);
    if (s) return s.keyStart !== undefined ? { start: s.keyStart, end: s.keyEnd! } : s;
    if (p === '') return undefined;
  }
}

export function loadSchemaText(text: string, lang: Lang = 'en'): LoadedSchema {
  const fr = lang === 'fr';
  let spans: Map<string, JsonSpan>;
  try {
    spans = jsonSpans(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const msg = fr ? `JSON invalide : ${e.fr}.` : `Invalid JSON: ${e.message}.`;
    return { descriptor: null, compiled: null, diagnostics: [at(text, 'schema-error', msg, { start: e.offset, end: e.offset + 1 })] };
  }
  const descriptor = JSON.parse(text.replace(/^\uFEFF/, '')) as TableSchema;
  const diagnostics: Diagnostic[] = [];
  const validate = profileValidator();
  if (!validate(descriptor))
    for (const err of relevant(validate.errors ?? []))
      diagnostics.push(at(text, 'schema-error', profileMessage(err, lang), spanFor(spans, err.instancePath)));
  // Like Validata, refuse to validate data against a schema that breaks the profile.
  if (diagnostics.length || !usable(descriptor)) return { descriptor: usable(descriptor) ? descriptor : null, compiled: null, diagnostics };
  const compiled = compileSchema(descriptor);
  for (const issue of compiled.issues)
    diagnostics.push(at(text, 'schema-error', `${issue.path}: ${issue.message[lang]}`, spanFor(spans, issue.path)));
  return { descriptor, compiled, diagnostics };
}

/** Enough structure to validate data: an object with a list of named fields. */
function usable(d: unknown): d is TableSchema {
  const fields = (d as TableSchema | null)?.fields;
  return (
    !!d &&
    typeof d === 'object' &&
    Array.isArray(fields) &&
    fields.length > 0 &&
    fields.every((f) => f && typeof f === 'object' && typeof f.name === 'string')
  );
}

/** ajv also reports the `if` that led to a `then` failure, and each `oneOf` branch: keep the useful ones. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    const key = `${e.instancePath}|${e.keyword === 'oneOf' || e.schemaPath.includes('/oneOf/') ? 'oneOf' : e.keyword + JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function profileMessage(e: ErrorObject, lang: Lang): string {
  const where = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  const fr = lang === 'fr';
  const text = (() => {
    switch (e.keyword) {
      case 'required':
        return fr ? `propriété obligatoire « ${p.missingProperty} » manquante` : `missing required property “${p.missingProperty}”`;
      case 'type':
        return fr ? `doit être de type ${jsonTypeFr(String(p.type))}` : `must be of type ${p.type}`;
      case 'enum':
        return fr
          ? `doit valoir l’une de ces valeurs : ${(p.allowedValues as unknown[]).join(', ')}`
          : `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
      case 'const':
        return fr
          ? `doit valoir ${JSON.stringify(p.allowedValue)} pour ce type`
          : `must be ${JSON.stringify(p.allowedValue)} for this type`;
      case 'minItems':
        return fr ? `doit contenir au moins ${p.limit} élément(s)` : `must have at least ${p.limit} item(s)`;
      case 'minLength':
        return fr ? `ne doit pas être vide` : `must not be empty`;
      case 'minimum':
        return fr ? `doit être ≥ ${p.limit}` : `must be ≥ ${p.limit}`;
      case 'oneOf':
        return fr ? 'doit être un nom de champ ou une liste de noms de champs' : 'must be a field name or a list of field names';
      default:
        return e.message ?? e.keyword;
    }
  })();
  return fr ? `Schéma invalide, ${where} : ${text}.` : `Invalid schema, ${where}: ${text}.`;
}
