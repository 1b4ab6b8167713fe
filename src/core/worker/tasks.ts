// The jobs the worker thread runs, by name. Each task is a pure async function of plain
// (structured-cloneable) data. Adding a task = one entry here.
import { lintCsvText, type CsvLintOptions } from '../lint-csv';
import { lintFile, type FileLintOptions } from '../lint-file';
import { schemaSetup, type SchemaOptions } from '../schema/setup';
import { catalog } from '../schema/catalog';
import { catalogListing } from '../catalog/listing';
import { schemaCoverage } from '../schema/coverage';
import { inferSchemaFromText } from '../schema/infer-text';
import { aggregateTask } from '../chart/task';
import type { AggregateRequest } from '../chart/aggregate';
import { sniffFileEncoding } from '../read/sniff-file';
import { closeGridSheet, gridSheetPages, openGridSheet, readGridFirst } from '../sheet/grid-store';
import type { SheetLintOptions } from '../sheet/lint-sheet';
import { inspectTable } from '../project/inventory';
import { scanFolder } from '../diagnose/folders';
import { cleanText } from '../clean/clean-text';
import { cleanCsvFile } from '../clean/clean-stream';
import { textLinter, withSchemaChecks, type CleanLintOptions } from '../clean/linter';
import { stepDateFormats, type CleanStep } from '../clean/steps';
import { exportSheetCsv, type SheetExportOptions } from '../sheet/export-csv';
import { listSheets, peekHeader } from '../sheet/peek';
import { SheetReadError } from '../sheet/errors';
import { budgetConvertTask, budgetViewTask, type BudgetTaskArgs } from '../budget/tasks';
import { previewTask, proposeTask, writeTask } from '../standardise/task';

export interface TaskProgress {
  (done: number, total: number): void;
}

export const tasks = {
  /** Lints editor text (VS Code has decoded it already). */
  lintText: async (args: { text: string; options: CsvLintOptions }) => lintCsvText(args.text, args.options),
  /** Lints a file from disk, streaming when it is large. */
  lintFile: async (args: { path: string; options: FileLintOptions }, progress: TaskProgress, signal: AbortSignal) =>
    lintFile(args.path, { ...args.options, onProgress: progress, signal }),
  /** Chart points of a table (file on disk or editor text): at most 1 000, whatever its size. */
  aggregate: (args: AggregateRequest, progress: TaskProgress, signal: AbortSignal) => aggregateTask(args, progress, signal),
  /** What the bytes on disk say about the encoding (the editor only sees decoded text). */
  sniffEncoding: async (args: { path: string }) => sniffFileEncoding(args.path),
  /**
   * Lints editor text against a schema (`schema`: catalog name, path or inline descriptor;
   * undefined = datapackage/globs for `path`, then header detection). Returns the lint
   * result, the schema used and the schema descriptor's own diagnostics.
   */
  lintTextWithSchema: async (args: { text: string; path?: string; options: CsvLintOptions & Omit<SchemaOptions, 'resolvedSchema'> }) => {
    const lang = args.options.lang ?? 'en';
    const setup = schemaSetup(args.options, lang, args.path);
    const result = lintCsvText(args.text, { ...args.options, checks: [...(args.options.checks ?? []), ...setup.checks] });
    const schema = setup.ref();
    return {
      ...result,
      schema,
      coverage: schema ? schemaCoverage(schema.version ? `${schema.name}@${schema.version}` : schema.name, result.info.header ?? []) : null,
      schemaDiagnostics: setup.schemaDiagnostics,
    };
  },
  /** A Table Schema inferred from a table's text (types, formats, required, enums). */
  inferSchema: async (args: { text: string; format?: 'csv' | 'tsv' }) => inferSchemaFromText(args.text, args.format),
  /** The bundled schemas, for pickers (the host does not load the descriptors itself). */
  schemaCatalog: async () => catalog.map((e) => ({ name: e.name, version: e.version, title: e.title })),
  /** The whole catalog in use (cache or bundled), every version; `reload` after an update. */
  catalogListing: async (args: { reload?: boolean }) => catalogListing(args?.reload),
  /**
   * The grid view, a page of rows at a time (sheet/grid-store.ts): the first screen of a sheet
   * (default: the first visible one), then the sheet read whole and kept for view `key`, its
   * pages as the view scrolls to them (null: no longer kept, read it again), and its release.
   */
  gridFirstPage: async (args: { path: string; sheet?: string }, _progress: TaskProgress, signal: AbortSignal) =>
    readGridFirst(args.path, { sheet: args.sheet, signal }),
  openSheetGrid: async (args: { key: string; path: string; sheet?: string }, _progress: TaskProgress, signal: AbortSignal) =>
    openGridSheet(args.key, args.path, { sheet: args.sheet, signal }),
  sheetGridPages: async (args: { key: string; pages: number[] }) => gridSheetPages(args.key, args.pages),
  closeSheetGrid: async (args: { key: string }) => closeGridSheet(args.key),
  /** The first `rows` table rows of a workbook linted, for its first squiggles (sheet/head-lint.ts). */
  lintWorkbookHead: async (
    args: { path: string; rows: number; options: FileLintOptions },
    _progress: TaskProgress,
    signal: AbortSignal,
  ) => {
    const options: SheetLintOptions = { ...args.options, headRows: args.rows, signal };
    return lintFile(args.path, options);
  },
  /**
   * Cleans with the given steps (undefined = every certain fix): editor `text` in memory
   * (result: cleaned text), or, with `out`, the file at `path` streamed to a new file.
   */
  clean: async (
    args: { text?: string; path?: string; out?: string; options: CleanLintOptions; steps?: CleanStep[]; askDateOrders?: boolean },
    progress: TaskProgress,
    signal: AbortSignal,
  ) => {
    // A recipe's (or the user's) date order of ambiguous columns, for the linter that finds the fixes.
    const dateFormats = { ...stepDateFormats(args.steps), ...args.options.dateFormats };
    args = { ...args, options: { ...args.options, dateFormats: Object.keys(dateFormats).length ? dateFormats : undefined } };
    if (args.out && args.path) {
      const options = { ...withSchemaChecks(args.options, args.path), onProgress: progress, signal, askDateOrders: args.askDateOrders };
      return { streamed: await cleanCsvFile(args.path, args.out, args.steps, options) };
    }
    const { diagnostics: _dropped, ...result } = cleanText(args.text ?? '', textLinter(args.options, args.path), args.steps);
    return { text: result };
  },
  /**
   * Export Sheet as CSV, its three steps: the sheets, the header guess of one, the export
   * itself. A workbook can be crafted to exhaust whoever reads it: never on the host thread.
   * A SheetReadError comes back as `{ sheetError }` (its kind and detail survive the trip).
   */
  listSheets: async (args: { path: string }) => sheetTask(() => listSheets(args.path)),
  peekHeader: async (args: { path: string; sheet: string }) => sheetTask(() => peekHeader(args.path, args.sheet)),
  exportSheetCsv: async (
    args: { source: string; dest: string; options: Omit<SheetExportOptions, 'signal'> },
    _progress: TaskProgress,
    signal: AbortSignal,
  ) => sheetTask(() => exportSheetCsv(args.source, args.dest, { ...args.options, signal })),
  /** Standardise to a schema: the proposed mapping, a preview of the first rows with validation counts, the write. */
  standardisePropose: proposeTask,
  standardisePreview: previewTask,
  standardiseWrite: writeTask,
  /** Inventory facts of candidate data files: size, rows, header, detected schema. */
  inspectTables: async (args: { paths: string[] }) => Promise.all(args.paths.map(inspectTable)),
  /** A budget act (TOTEM XML) read for the budget view: header, labelled lines, problems. */
  budgetView: (args: BudgetTaskArgs, _progress: TaskProgress, signal: AbortSignal) => budgetViewTask(args, signal),
  /** A budget act converted into an SCDL budget CSV at `out`. */
  budgetConvert: (args: BudgetTaskArgs & { out: string; compat?: boolean }, _progress: TaskProgress, signal: AbortSignal) =>
    budgetConvertTask(args, signal),
  /** Tables (with their facts) and PDFs of an extra inventory folder, outside the workspace. */
  scanFolder: async (args: { root: string }) => scanFolder(args.root),
} satisfies Record<string, (args: any, progress: TaskProgress, signal: AbortSignal) => Promise<unknown>>;

/** A sheet task's value, or the reader's refusal as data (an Error loses its fields in the message). */
async function sheetTask<T>(
  fn: () => Promise<T>,
): Promise<{ value: T } | { sheetError: { kind: SheetReadError['kind']; detail?: string } }> {
  try {
    return { value: await fn() };
  } catch (e) {
    if (e instanceof SheetReadError) return { sheetError: { kind: e.kind, detail: e.detail } };
    throw e;
  }
}

export type TaskName = keyof typeof tasks;
export type TaskArgs<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>;
