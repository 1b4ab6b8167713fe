// Ajv, with allErrors, reports every branch of a oneOf that failed: a source misspelt in a
// standardise step (`{"colum": "Nom"}`) came out as 23 lines, one per required property of the
// eight kinds of source. This keeps the branch the user meant (the one named by the source's
// kind), or says in one line which kind is unknown and which known one is closest.
import type { ErrorObject } from 'ajv';
import schema from '../../../schemas/recipe.schema.json';
import { editDistance } from '../standardise/value-map';

/** The kinds of source, in the schema's order: each oneOf branch's first required property. */
export const SOURCE_KINDS: readonly string[] = schema.definitions.source.oneOf.map((b) => b.required[0]);
/** Every property a source may have, whatever its kind (`sep`, `part`, `values`…). */
const SOURCE_PROPS = new Set(schema.definitions.source.oneOf.flatMap((b) => Object.keys(b.properties)));

/** A mistake said in one line instead of ajv's branches. */
export type SourceProblem =
  | { kind: 'unknown-source'; instancePath: string; step: number; typed: string; near: string[] }
  | { kind: 'no-source'; instancePath: string; step: number }
  | { kind: 'two-sources'; instancePath: string; step: number; found: string[] };

export type RecipeProblem = ErrorObject | SourceProblem;

const isSourcePath = (p: string) => /^\/steps\/\d+\/standardise\/fields\/[^/]+$/.test(p);
/** 1 for /steps/0/…: the step as a user counts it. */
export const stepOf = (p: string): number | undefined => {
  const m = /^\/steps\/(\d+)(?:\/|$)/.exec(p);
  return m ? Number(m[1]) + 1 : undefined;
};
const within = (p: string, root: string) => p === root || p.startsWith(root + '/');

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  }
  return v;
}

/** The known kinds closest to a misspelt one: at most a third of its letters away. */
export function closestKinds(typed: string, kinds: readonly string[] = SOURCE_KINDS): string[] {
  const t = typed.toLowerCase();
  const limit = Math.max(1, Math.floor(t.length / 3));
  const scored = kinds.map((k) => ({ k, d: editDistance(t, k) })).filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.k);
}

/** What replaces a source's failed oneOf: the meant branch's errors, or one line. */
function sourceProblems(oneOf: ErrorObject, branches: ErrorObject[], data: unknown): RecipeProblem[] {
  const value = valueAt(data, oneOf.instancePath);
  const at = { instancePath: oneOf.instancePath, step: stepOf(oneOf.instancePath) ?? 0 };
  // Not an object: every branch says "must be object"; once is enough.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return branches.slice(0, 1);
  const keys = Object.keys(value);
  const found = keys.filter((k) => SOURCE_KINDS.includes(k));
  if (found.length > 1) return [{ kind: 'two-sources', ...at, found }];
  if (found.length === 1) {
    const prefix = `${oneOf.schemaPath}/${SOURCE_KINDS.indexOf(found[0])}/`;
    const meant = branches.filter((b) => b.schemaPath.startsWith(prefix));
    return meant.length > 0 ? meant : [oneOf];
  }
  const typed = keys.find((k) => !SOURCE_PROPS.has(k));
  if (typed === undefined) return [{ kind: 'no-source', ...at }];
  return [{ kind: 'unknown-source', ...at, typed, near: closestKinds(typed) }];
}

/** Ajv's errors with each failed oneOf/anyOf reduced to what the user meant. */
export function collapseBranches(errors: readonly ErrorObject[], data: unknown): RecipeProblem[] {
  const out: RecipeProblem[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') {
      out.push(e);
      continue;
    }
    // Ajv lists a oneOf's branch errors right before the oneOf itself.
    const branches: ErrorObject[] = [];
    while (out.length > 0) {
      const last = out[out.length - 1];
      if (!('schemaPath' in last) || !last.schemaPath.startsWith(e.schemaPath + '/') || !within(last.instancePath, e.instancePath)) break;
      branches.unshift(last as ErrorObject);
      out.pop();
    }
    if (e.keyword === 'oneOf' && isSourcePath(e.instancePath)) out.push(...sourceProblems(e, branches, data));
    else out.push(e);
  }
  return out;
}
