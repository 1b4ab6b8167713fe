// Standardising a file: the sources (the file, then any stacked files) are read row by row,
// shaped, mapped and written at once to `<out>.part`, renamed to `out` at the end: memory stays
// flat whatever the size, and an error (a stacked file without a mapped column, an unpivot
// exploding) leaves no half-written result. The source files are only read.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { csvField } from '../sheet/export-csv';
import { compileMapping, type CompiledMapping } from './compile';
import { err } from './errors';
import { readSource, type SourceRef } from './read';
import type { StandardiseSpec, TableOps } from './spec';
import { labelField } from './propose';
import { emptyReport, tableShaper, type ShapeReport } from './table-ops';
import type { Target } from './target';
import { sameFile } from '../write/output';
import { fsReason } from '../fs-words';

export interface RunOptions {
  /** Relative lookup files are read from here (the recipe's folder). */
  baseDir?: string;
  signal?: AbortSignal;
  onProgress?: (rows: number) => void;
}

export interface RunResult extends ShapeReport {
  rows: number;
  header: string[];
  /** Source columns (labels as written, trimmed) left out of the output, every source's once. */
  unmapped: string[];
  /** The last line (a sheet's row) read, the furthest of the sources', and whether every source was read to its end. */
  read: { line: number; whole: boolean };
}

const FLUSH_CHARS = 1 << 20;

/**
 * The sources of a run: the file, then the stacked ones, each with the value of the source column:
 * its label, else the sheet's name when sheets of one workbook are stacked, else the file's name.
 */
export function sourcesOf(table: TableOps | undefined, main: SourceRef): { src: SourceRef; label: string }[] {
  const stack = table?.stack;
  if (!stack) return [{ src: main, label: basename(main.path) }];
  const dir = dirname(main.path);
  const same = (p: string) => resolve(p) === resolve(main.path);
  const others = stack.files.map((f) => {
    const path = resolve(dir, f.path);
    return { src: { path, sheet: f.sheet }, label: f.label ?? (f.sheet && same(path) ? f.sheet : basename(f.path)) };
  });
  const sheets = main.sheet !== undefined && others.some((o) => o.src.sheet !== undefined && same(o.src.path));
  return [{ src: main, label: sheets ? main.sheet! : basename(main.path) }, ...others];
}

/** Feeds every shaped, mapped row of every source to `onRow` (header first, once). */
export async function mapRows(
  spec: StandardiseSpec,
  target: Target,
  main: SourceRef,
  onRow: (cells: string[]) => void,
  options: RunOptions & { limit?: number } = {},
): Promise<RunResult> {
  const stackCol = spec.table?.stack?.column;
  let header: string[] | null = null;
  let rows = 0;
  const report = emptyReport();
  const unmapped: string[] = [];
  const fieldOf = labelField(target);
  const read = { line: 0, whole: true };
  for (const { src, label } of sourcesOf(spec.table, main)) {
    let mapping: CompiledMapping | null = null;
    const shaper = tableShaper(
      spec.table,
      src.path,
      (h) => {
        mapping = compileMapping(spec, target, stackCol ? [...h, stackCol] : h, src.path, options.baseDir ?? dirname(main.path));
        for (const u of mapping.unmapped) if (!unmapped.includes(u)) unmapped.push(u);
        if (!header) {
          header = mapping.header;
          onRow(header);
        }
        return (v) => {
          if (options.limit !== undefined && rows >= options.limit) return;
          rows++;
          onRow(mapping!.map(stackCol ? [...v, label] : v));
          if (rows % 10000 === 0) options.onProgress?.(rows);
        };
      },
      report,
      { fieldOf },
    );
    const info = await readSource(
      src,
      (v, at) => {
        if (at.line > read.line) read.line = at.line;
        shaper(v, at);
      },
      {
        signal: options.signal,
        limit: options.limit !== undefined ? options.limit + (spec.table?.headerRow ?? 1) + 200 : undefined,
      },
    );
    if (info.stopped) read.whole = false;
    shaper.end();
    if (!mapping) throw err('unreadable', `${src.path}: no header row found.`, `${src.path} : aucune ligne d’en-tête.`);
  }
  return { header: header ?? [], rows, ...report, unmapped, read };
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** Writes the standardised CSV (UTF-8, schema field order). Refuses to write over a source. */
export async function standardiseToFile(
  spec: StandardiseSpec,
  target: Target,
  main: SourceRef,
  out: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const sources = sourcesOf(spec.table, main).map((s) => resolve(s.src.path));
  if (sources.some((s) => sameFile(s, out)))
    throw err(
      'same-file',
      `Refusing to overwrite a source file (${out}); choose another output.`,
      `Écrasement d’un fichier source refusé (${out}) ; choisissez une autre sortie.`,
    );
  const part = `${out}.part`;
  let fd: number;
  try {
    fd = openSync(part, 'w');
  } catch (e) {
    throw err('unwritable', `Cannot write ${out}: ${(e as Error).message}`, `Impossible d’écrire ${out} : ${fsReason(e, 'fr')}`);
  }
  let buf = '';
  let res: RunResult;
  try {
    res = await mapRows(
      spec,
      target,
      main,
      (cells) => {
        buf += csvLine(cells);
        if (buf.length >= FLUSH_CHARS) {
          writeSync(fd, buf);
          buf = '';
        }
      },
      options,
    );
    writeSync(fd, buf);
    closeSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(part, { force: true });
    throw e;
  }
  renameSync(part, out);
  return res;
}

/** The first `limit` rows of the result as CSV text (the preview, validated like a file). */
export async function standardisePreview(
  spec: StandardiseSpec,
  target: Target,
  main: SourceRef,
  limit: number,
  options: RunOptions = {},
): Promise<{ text: string; header: string[]; rows: string[][]; report: Omit<RunResult, 'header' | 'rows'> }> {
  const rows: string[][] = [];
  let text = '';
  const {
    header: _h,
    rows: _r,
    ...report
  } = await mapRows(
    spec,
    target,
    main,
    (cells) => {
      rows.push(cells);
      text += csvLine(cells);
    },
    { ...options, limit },
  );
  return { text, header: rows[0] ?? [], rows: rows.slice(1), report };
}
