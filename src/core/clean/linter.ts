// The linter a cleaning run re-applies between passes: the same rules, settings and schema
// checks as the editor's lint, with no cap on problems (every fix must be seen).
import { lintCsvText, type CsvLintOptions } from '../lint-csv';
import { schemaSetup, type SchemaOptions } from '../schema/setup';
import type { TextLinter } from './clean-text';

export type CleanLintOptions = CsvLintOptions & Omit<SchemaOptions, 'resolvedSchema'>;

/** Lint options with the schema checks (explicit, datapackage, globs or detected) added. */
export function withSchemaChecks(options: CleanLintOptions, path?: string): CsvLintOptions {
  const setup = schemaSetup(options, options.lang ?? 'en', path);
  return { ...options, checks: [...(options.checks ?? []), ...setup.checks], maxProblems: Number.MAX_SAFE_INTEGER };
}

export function textLinter(options: CleanLintOptions, path?: string): TextLinter {
  const full = withSchemaChecks(options, path);
  return (text) => lintCsvText(text, full);
}
