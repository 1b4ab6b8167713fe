// Reads a hand-editable JSON project file: parse, validate against its JSON Schema, and turn
// every problem into a FileIssue pointing at the faulty value, so a broken file becomes
// diagnostics on that file and never a crash. The parsed object is kept whole (unknown
// fields included) for the writers.
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvWithFormats } from '../vendor';
import { jsonSpans, JsonSyntaxError } from '../schema/json-positions';
import { jsonTypeFr } from '../schema/types/words';
import type { FileIssue } from './types';

export interface ParsedFile<T> {
  /** Null when the text is not a JSON object; the issues say why. */
  value: T | null;
  issues: FileIssue[];
}

let ajv: Ajv | undefined;
const compiled = new Map<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  ajv ??= ajvWithFormats();
  if (!v) compiled.set(schema, (v = ajv.compile(schema)));
  return v;
}

export function parseJsonFile<T>(text: string, schema: object): ParsedFile<T> {
  let spans: ReturnType<typeof jsonSpans>;
  try {
    spans = jsonSpans(text);
  } catch (e) {
    const at = e instanceof JsonSyntaxError ? e.offset : 0;
    const detail = (e as Error).message;
    const fr = e instanceof JsonSyntaxError ? e.fr : detail;
    return {
      value: null,
      issues: [{ message: { en: `Invalid JSON: ${detail}.`, fr: `JSON invalide : ${fr}.` }, start: at, end: at + 1 }],
    };
  }
  const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      value: null,
      issues: [
        { message: { en: 'The file must hold a JSON object.', fr: 'Le fichier doit contenir un objet JSON.' }, start: 0, end: text.length },
      ],
    };
  }
  const validate = validatorFor(schema);
  validate(value);
  const issues = (validate.errors ?? [])
    // oneOf/anyOf repeat what their branches said; the branch errors are enough.
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if')
    .map((e) => {
      const span = spans.get(e.instancePath) ?? spans.get('') ?? { start: 0, end: 0 };
      const keyed = e.keyword === 'additionalProperties' || e.keyword === 'propertyNames';
      return {
        message: describe(e),
        start: keyed ? (span.keyStart ?? span.start) : span.start,
        end: keyed ? (span.keyEnd ?? span.end) : span.end,
      };
    });
  return { value: value as T, issues };
}

/** Ajv speaks English only; the usual keywords get both languages. */
function describe(e: ErrorObject): { en: string; fr: string } {
  const at = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { en: `${at}: “${p.missingProperty}” is required.`, fr: `${at} : « ${p.missingProperty} » est obligatoire.` };
    case 'type':
      return { en: `${at}: must be of type ${p.type}.`, fr: `${at} : doit être de type ${jsonTypeFr(String(p.type))}.` };
    case 'enum':
      return {
        en: `${at}: not an allowed value (${(p.allowedValues as unknown[]).slice(0, 8).join(', ')}…).`,
        fr: `${at} : valeur non autorisée (${(p.allowedValues as unknown[]).slice(0, 8).join(', ')}…).`,
      };
    case 'pattern':
      return {
        en: `${at}: use lower-case letters, digits, “-”, “_” or “.”.`,
        fr: `${at} : utilisez des minuscules, chiffres, « - », « _ » ou « . ».`,
      };
    case 'minLength':
      return { en: `${at}: must have at least ${p.limit} characters.`, fr: `${at} : doit compter au moins ${p.limit} caractères.` };
    case 'maxLength':
      return { en: `${at}: must have at most ${p.limit} characters.`, fr: `${at} : doit compter au plus ${p.limit} caractères.` };
    case 'format':
      return { en: `${at}: not a valid ${p.format}.`, fr: `${at} : ${p.format} invalide.` };
    default:
      return { en: `${at}: ${e.message}.`, fr: `${at} : ${e.message}.` };
  }
}
