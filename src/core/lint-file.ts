// Lints one file from disk, whatever its format, into the stable report shape that the
// CLI prints and other tools read.
import { idColumnsCheck } from './ids/id-columns';
import { stat, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { lintCsvBytes, type CsvLintResult } from './lint-csv';
import { lintCsvFile } from './lint-csv-stream';
import type { FileLintOptions } from './options';
import { sourceError } from './reader-diagnostics';
import { lintCsvFileSplit, splitLintAvailable, SPLIT_MIN_BYTES } from './split/split-lint';
import type { FileReport, SchemaRef, TableFormat } from './model';
import { schemaSetup, type SchemaSetup } from './schema/setup';

export type { FileLintOptions } from './options';

/** Above this size files are streamed from disk instead of read whole. */
export const STREAM_THRESHOLD = 64 * 1024 * 1024;

export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.ods', '.xls'];

export function formatOf(path: string): TableFormat | 'xls' | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.ods') return 'ods';
  if (ext === '.xls') return 'xls';
  return null;
}

export async function lintFile(path: string, options: FileLintOptions = {}): Promise<FileReport> {
  const lang = options.lang ?? 'en';
  const format = formatOf(path) ?? 'csv';
  // Schema validation runs as extra checks in the same pass as the rules.
  const schema = schemaSetup(options, lang, path);
  const checks = [...(options.checks ?? []), ...schema.checks];
  if (format === 'xls' || format === 'xlsx' || format === 'ods') {
    const { lintSpreadsheetFile } = await import('./sheet/lint-sheet');
    // The other sheets are no table of the schema, but a SIRET column is one there too.
    const otherSheetChecks = options.schema === null ? [] : [idColumnsCheck()];
    const report = await lintSpreadsheetFile(path, { ...options, checks, otherSheetChecks });
    return withSchemaProblems({ ...report, schema: report.fatal ? null : schema.ref() }, schema, options);
  }
  const size = (await stat(path)).size;
  const opts = { ...options, format, checks };
  // A large file on several cores when it can be (only checks this module built: the worker rebuilds them from the plan).
  const split =
    size >= SPLIT_MIN_BYTES && splitLintAvailable() && !options.checks?.length ? await lintCsvFileSplit(path, opts, schema.plan) : null;
  const res: CsvLintResult =
    split && 'result' in split
      ? split.result
      : size > STREAM_THRESHOLD
        ? await lintCsvFile(path, opts)
        : lintCsvBytes(await readFile(path), opts);
  const report = toReport(path, res, schema.ref());
  if (split) report.reading = 'result' in split ? { parts: split.parts } : { parts: 1, fallback: split.fallback };
  return withSchemaProblems(report, schema, options);
}

/** The schema's own problems, when this file chose the schema (a `--schema` given once reports them once). */
function withSchemaProblems(report: FileReport, schema: SchemaSetup, options: FileLintOptions): FileReport {
  if (options.resolvedSchema || schema.schemaDiagnostics.length === 0) return report;
  return { ...report, schemaProblems: { path: schema.schemaPath ?? null, diagnostics: schema.schemaDiagnostics } };
}

export function toReport(path: string, res: CsvLintResult, schema: SchemaRef | null): FileReport {
  return {
    path,
    format: res.info.format,
    encoding: res.info.encoding,
    delimiter: res.info.delimiter,
    rows: res.rows,
    schema,
    diagnostics: res.diagnostics,
    counts: res.counts,
    byRule: res.byRule,
    truncated: res.truncated,
    ...(res.fatal ? { fatal: res.fatal } : {}),
  };
}

export function unreadableReport(path: string, message: string, lang: 'en' | 'fr'): FileReport {
  const d = sourceError('unreadable', lang, { row: null, column: null }, message);
  return {
    path,
    format: formatOf(path) === 'tsv' ? 'tsv' : 'csv',
    encoding: 'unknown',
    delimiter: null,
    rows: 0,
    schema: null,
    diagnostics: [d],
    fatal: message,
  };
}
