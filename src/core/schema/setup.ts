// Turns "which schema?" into the checks a LintSession runs: a named or inline schema, the
// file's datapackage resource or glob setting, else header auto-detection. Shared by
// lintFile (CLI, worker) and the text-lint task, so every entry point decides alike.
import { existsSync, readFileSync } from 'node:fs';
import type { CheckFactory } from '../engine/check';
import type { Diagnostic, Lang, SchemaRef } from '../model';
import { autoSchemaCheck } from './auto';
import type { Detection } from './detect';
import { outdatedNotice } from '../catalog/outdated';
import type { FieldsMatch, TableSchema } from './descriptor';
import { findDataPackage, resolveSchemaArg, resolveSchemaChoice, schemaForPath, type ResolvedSchema } from './resolve';
import { compileSchema } from './compile';
import { schemaCheck } from './validate';

export interface SchemaOptions {
  /**
   * A catalog name (`scdl/subventions`) or a schema file path, an inline descriptor, or null
   * for no schema validation. Left undefined: datapackage.json, then `schemaGlobs`, then
   * detection from the header.
   */
  schema?: string | TableSchema | null;
  /** The "schema per glob" setting: `{"**\/subventions*.csv": "scdl/subventions"}`. */
  schemaGlobs?: Record<string, string> | null;
  /** The workspace folder: schema paths in `schemaGlobs` are relative to it and confined to it. */
  schemaRoot?: string;
  /** A schema already resolved by the caller (the CLI resolves `--schema` once). */
  resolvedSchema?: ResolvedSchema;
  /** Header labels differing from field names by case only are accepted (`--ignore-header-case`). */
  ignoreHeaderCase?: boolean;
  /**
   * How labels meet fields (`--fields-match`, the setting): overrides the descriptor's
   * `fieldsMatch`; left undefined, the descriptor's, else Validata-compatible matching by name.
   */
  fieldsMatch?: FieldsMatch;
}

export interface SchemaSetup {
  checks: CheckFactory[];
  /** The schema the file was checked against; known after the header for detection. */
  ref(): SchemaRef | null;
  /** Problems of the schema descriptor itself, positioned in its JSON text. */
  schemaDiagnostics: Diagnostic[];
  /** The schema's file, when it is one. */
  schemaPath?: string;
  /** What the checks are, as data: another thread builds the same checks from it (split lint). */
  plan: SchemaPlan;
}

export type SchemaPlan =
  | { kind: 'none' }
  | { kind: 'schema'; descriptor: TableSchema; schemaName: string; ignoreHeaderCase?: boolean; fieldsMatch?: FieldsMatch }
  | { kind: 'detect'; ignoreHeaderCase?: boolean; fieldsMatch?: FieldsMatch };

/** The checks of a plan: those `schemaSetup` gave the thread that made the plan. */
export function checksOfPlan(plan: SchemaPlan, maxProblems?: number): CheckFactory[] {
  if (plan.kind === 'none') return [];
  if (plan.kind === 'schema')
    return [
      schemaCheck(compileSchema(plan.descriptor), {
        schemaName: plan.schemaName,
        maxProblems,
        ignoreHeaderCase: plan.ignoreHeaderCase,
        match: plan.fieldsMatch,
      }),
    ];
  return [autoSchemaCheck({ maxProblems, ignoreHeaderCase: plan.ignoreHeaderCase, match: plan.fieldsMatch })];
}

export function schemaSetup(options: SchemaOptions & { maxProblems?: number }, lang: Lang, filePath?: string): SchemaSetup {
  const maxProblems = options.maxProblems;
  const ignoreHeaderCase = options.ignoreHeaderCase || undefined;
  const match = options.fieldsMatch;
  if (options.schema === null) return { checks: [], ref: () => null, schemaDiagnostics: [], plan: { kind: 'none' } };
  const resolved = options.resolvedSchema ?? explicit(options, lang, filePath);
  if (resolved) {
    const { compiled } = resolved;
    return {
      checks: compiled ? [schemaCheck(compiled, { schemaName: resolved.ref.name, maxProblems, ignoreHeaderCase, match })] : [],
      ref: () => resolved.ref,
      schemaDiagnostics: resolved.diagnostics,
      schemaPath: resolved.path,
      plan:
        compiled && resolved.descriptor
          ? { kind: 'schema', descriptor: resolved.descriptor, schemaName: resolved.ref.name, ignoreHeaderCase, fieldsMatch: match }
          : { kind: 'none' },
    };
  }
  let detected: SchemaRef | null = null;
  // Filled once the header is read: a detected older version says a newer one exists.
  const schemaDiagnostics: Diagnostic[] = [];
  const onDetect = (d: Detection | null) => {
    detected = d ? { name: d.ref.name, version: d.ref.version || null } : null;
    const notice = d ? outdatedNotice(d.ref.name, d.ref.version || null, d.entry.descriptor, lang) : null;
    if (notice) schemaDiagnostics.push(notice);
  };
  return {
    checks: [autoSchemaCheck({ maxProblems, ignoreHeaderCase, match, onDetect })],
    ref: () => detected,
    schemaDiagnostics,
    plan: { kind: 'detect', ignoreHeaderCase, fieldsMatch: match },
  };
}

function explicit(options: SchemaOptions, lang: Lang, filePath?: string): ResolvedSchema | null {
  const s = options.schema;
  if (typeof s === 'string') return resolveSchemaArg(s, lang);
  if (s && typeof s === 'object')
    return resolveSchemaChoice({ from: 'datapackage', schema: s, baseDir: '.', resource: String(s.name ?? 'schema') }, lang);
  if (!filePath) return null;
  const dpPath = findDataPackage(filePath, existsSync);
  let dp: { descriptor: unknown; dir: string } | null = null;
  if (dpPath)
    try {
      dp = { descriptor: JSON.parse(readFileSync(dpPath, 'utf8')), dir: dpPath.slice(0, -'datapackage.json'.length - 1) };
    } catch {
      // An unreadable datapackage.json names no schema; the data is still linted.
    }
  const choice = schemaForPath(filePath, dp, options.schemaGlobs ?? null, options.schemaRoot);
  return choice ? resolveSchemaChoice(choice, lang) : null;
}
