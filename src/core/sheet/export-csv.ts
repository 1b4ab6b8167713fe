// Writes one sheet as a clean UTF-8 CSV beside the workbook: the header the linter found
// (or the one the user picked), rows above it dropped, real dates as YYYY-MM-DD, numbers
// with a decimal point, formulas as their values, merged data cells filled with their value.
import { closeSync, existsSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Row } from '../model';
import { cellRef, type CellRange } from './address';
import { startsFormula } from '../values/formula';
import { openWorkbook } from './open';
import { SheetTableFeeder } from './table';
import type { SheetRow, WorkbookSource } from './types';
import type { ZipLimits } from './zip';

export interface SheetExportOptions {
  sheet: string;
  /** Header row picked by the user; detected otherwise. */
  headerRow?: number;
  zipLimits?: ZipLimits;
  signal?: AbortSignal;
}

export interface SheetExportResult {
  path: string;
  /** Physical rows of the header used (two when it was stacked). */
  headerRows: number[];
  /** Non-blank rows above the header, left out. */
  dropped: number[];
  rows: number;
  /** Merged data ranges whose value was repeated in every cell. */
  filledMerges: number;
  /** Cells showing an error (#REF!…), written empty. */
  errors: number;
  /**
   * Cells written as they are whose text a spreadsheet would run as a formula (=HYPERLINK(…),
   * @SUM(…)): counted and the first ones named, for the notice (the CSV linter then offers a fix).
   */
  formulas: number;
  formulaCells: string[];
}

/** How many formula-like cells the notice names. */
const NAMED_FORMULAS = 5;

/** Writes are batched: one system call per ~1 MB of CSV. */
const FLUSH = 1 << 20;

/** RFC 4180: quote a field holding the separator, a quote or a line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** `budget.xlsx` → `budget.csv`, or `budget-Feuil1.csv` for one sheet of several; `-2`, `-3`… if taken. */
export function freeCsvPath(source: string, sheet: string | null): string {
  const stem = join(dirname(source), basename(source, extname(source)));
  const base = sheet ? `${stem}-${sheet.replace(/[\\/:*?"<>|\s]+/g, '_')}` : stem;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}.csv` : `${base}-${n}.csv`;
    if (!existsSync(candidate)) return candidate;
  }
}

export async function exportSheetCsv(source: string, dest: string, options: SheetExportOptions): Promise<SheetExportResult> {
  // Pass 1 finds the header and the merged ranges (an XLSX lists them after its rows).
  const first = await readSheet(await openWorkbook(source, options.zipLimits), options, () => {});
  const headerRows = first.feeder.facts.header.rows;
  const last = headerRows[headerRows.length - 1] ?? 0;
  const dataMerges = first.merges.filter((m) => m.top > last).sort((a, b) => a.top - b.top);

  // 'wx': never overwrite a file, even one created since the name was picked.
  const fd = openSync(dest, 'wx');
  let out = '';
  let errors = 0;
  let formulas = 0;
  const formulaCells: string[] = [];
  const write = (row: Row) => {
    const cells = row.cells ?? [];
    const fields = row.values.map((v, i) => {
      if (cells[i]?.type === 'error') {
        errors++;
        return '';
      }
      if (v && startsFormula(v)) {
        if (formulas++ < NAMED_FORMULAS) formulaCells.push(cellRef(i + 1, row.number));
      }
      return csvField(v);
    });
    out += fields.join(',') + '\n';
    if (out.length >= FLUSH) {
      writeSync(fd, out);
      out = '';
    }
  };
  let done = false;
  try {
    const second = await readSheet(await openWorkbook(source, options.zipLimits), options, write, fillMerges(dataMerges));
    writeSync(fd, out);
    done = true;
    return {
      path: dest,
      headerRows,
      dropped: second.feeder.facts.header.above,
      rows: second.feeder.rows,
      filledMerges: dataMerges.length,
      errors,
      formulas,
      formulaCells,
    };
  } finally {
    closeSync(fd);
    // A half-written CSV would look like a complete one.
    if (!done) unlinkSync(dest);
  }
}

async function readSheet(book: WorkbookSource, options: SheetExportOptions, sink: (row: Row) => void, prepare?: (r: SheetRow) => void) {
  let feeder: SheetTableFeeder | null = null;
  let merges: CellRange[] = [];
  await book.read(
    {
      sheet(meta) {
        if (meta.name !== options.sheet) return false;
        feeder = new SheetTableFeeder(meta, book.format, sink, options.headerRow);
      },
      row(r) {
        prepare?.(r);
        feeder!.add(r);
      },
      sheetEnd(end) {
        merges = end.merges;
        feeder!.end();
      },
    },
    options.signal,
  );
  if (!feeder) throw new Error(`no sheet named “${options.sheet}”`);
  return { feeder: feeder as SheetTableFeeder, merges };
}

/** Repeats each merged range's value (held by its first cell) in every cell it covers. */
function fillMerges(merges: CellRange[]): (r: SheetRow) => void {
  let next = 0;
  let active: { range: CellRange; value: string }[] = [];
  return (r) => {
    active = active.filter((a) => a.range.bottom >= r.number);
    while (next < merges.length && merges[next].top <= r.number) {
      const range = merges[next++];
      if (range.top === r.number) active.push({ range, value: r.values[range.left - 1] ?? '' });
    }
    for (const { range, value } of active)
      for (let c = range.left; c <= range.right; c++) {
        while (r.values.length < c) r.values.push('');
        r.values[c - 1] = value;
        if (r.ids && c <= r.ids.length) r.ids[c - 1] = -1;
      }
  };
}
