// The linter a cleaning run re-applies between passes: the same rules, settings and schema
// checks as the editor's lint, with no cap on problems (every fix must be seen; the problems
// without a fix are only counted).
import { lintCsvText, type CsvLintOptions } from '../lint-csv';
import { schemaSetup, type SchemaOptions, type SchemaPlan } from '../schema/setup';
import type { TextLinter } from './clean-text';

export type CleanLintOptions = CsvLintOptions & Omit<SchemaOptions, 'resolvedSchema'>;

/**
 * Lint options with the schema checks (explicit, datapackage, globs or detected) added, and the
 * schema as data for a split lint of a large file when these are the only checks.
 */
export function withSchemaChecks(options: CleanLintOptions, path?: string): CsvLintOptions & { splitPlan?: SchemaPlan } {
  // The checks must know the session's cap: told none, they would stop placing their reports after
  // 1 000 while the session keeps every one (empty messages, no cell).
  const setup = schemaSetup({ ...options, maxProblems: Number.MAX_SAFE_INTEGER }, options.lang ?? 'en', path);
  const splitPlan = options.checks?.length ? undefined : setup.plan;
  return { ...options, checks: [...(options.checks ?? []), ...setup.checks], maxProblems: Number.MAX_SAFE_INTEGER, splitPlan };
}

export function textLinter(options: CleanLintOptions, path?: string): TextLinter {
  // Only the fixable problems are kept, the others counted: a row of 4 million extra cells must
  // not become 4 million kept diagnostics (1.3 GB) to clean one file.
  const full = { ...withSchemaChecks(options, path), fixesOnly: true };
  return (text) => lintCsvText(text, full);
}
