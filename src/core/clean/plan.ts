// Turns diagnostics carrying FixData into non-overlapping text edits, generically by fix
// kind (rules and schema checks alike). Edits touch only the cells, records and record
// terminators the fixes name: untouched cells keep their exact text, quoting included.
import type { Diagnostic } from '../model';
import type { CsvDialect } from '../read/csv';
import { cellSpans, recordSpans, writeCell, type RecordSpan } from './csv-text';
import type { TextEdit } from './edits';
import { createsFormula } from '../values/formula';

export interface Plan {
  edits: TextEdit[];
  /** Fixes the edits carry out. */
  applied: Diagnostic[];
  /** Fixes left for the next pass (they touch a cell or row another fix already edits). */
  deferred: Diagnostic[];
  /** Fixes not applied because the new value would start a formula (trimming " =1+1"): see values/formula.ts. */
  withheld: Diagnostic[];
}

interface Merge {
  from: number;
  to: number;
  value: string;
}

/** Kinds handled as text edits; `reencode` works on bytes (see reencode.ts). */
/** A fix the cleaner can apply to the text on its own (not a file conversion, not a question). */
/** Fixes applied only when asked for (a recipe step, a ticked box): not "every certain fix". */
export const OPT_IN_FIX_RULES: ReadonlySet<string> = new Set(['multiline-cell']);

export const isTextFix = (d: Diagnostic): boolean => d.fix !== undefined && d.fix.kind !== 'reencode' && d.fix.kind !== 'choose-date-order';

/** A text fix applied without asking: not one that is only offered (see FixData `offered`). */
export const isCertainFix = (d: Diagnostic): boolean => isTextFix(d) && !(d.fix!.kind === 'set-cell' && d.fix!.offered);

export function planEdits(text: string, dialect: CsvDialect, fixes: readonly Diagnostic[]): Plan {
  const all = fixes.filter(isTextFix);
  // Merging split cells renumbers the columns of its row: it goes alone, the rest after a re-lint.
  const merging = all.filter((d) => d.fix!.kind === 'quote-cells');
  const now = merging.length ? merging : all;
  const deferred = merging.length ? all.filter((d) => d.fix!.kind !== 'quote-cells') : [];
  const applied: Diagnostic[] = [];
  const deletedRows = new Set<number>();
  const deletedCols = new Set<number>();
  const cells = new Map<number, Map<number, string>>();
  /** The set-cell fix behind each planned cell value, by "row:column". */
  const cellFixes = new Map<string, Diagnostic>();
  const merges = new Map<number, Merge>();
  let eol: string | undefined;

  for (const d of now) {
    const fix = d.fix!;
    if (fix.kind === 'line-endings') {
      eol = fix.eol;
      applied.push(d);
    } else if (fix.kind === 'delete-column' && d.column != null) {
      deletedCols.add(d.column);
      applied.push(d);
    } else if (d.row == null) continue;
    else if (fix.kind === 'delete-row' && d.row > 1) {
      deletedRows.add(d.row);
      applied.push(d);
    } else if (fix.kind === 'quote-cells') {
      if (merges.has(d.row)) deferred.push(d);
      else (merges.set(d.row, { from: fix.from, to: fix.to, value: fix.value }), applied.push(d));
    } else if (fix.kind === 'set-cell' && d.column != null) {
      const row = cells.get(d.row) ?? new Map<number, string>();
      cells.set(d.row, row);
      if (row.has(d.column)) deferred.push(d);
      else (row.set(d.column, fix.value), cellFixes.set(`${d.row}:${d.column}`, d), applied.push(d));
    }
  }

  const spans = recordSpans(text, dialect);
  const withheld = withholdFormulas(text, dialect, spans, cells, cellFixes);
  const edits: TextEdit[] = [];
  spans.forEach((rec, i) => {
    const row = i + 1;
    if (deletedRows.has(row)) {
      edits.push({ start: rec.offset, end: rec.endOffset, text: '' });
      return;
    }
    const contentEnd = rec.endOffset - rec.eol.length;
    const set = cells.get(row);
    const merge = merges.get(row);
    if (set || merge || deletedCols.size) edits.push(...rowEdits(text, rec, contentEnd, dialect, set, merge, deletedCols));
    if (eol && rec.eol && rec.eol !== eol) edits.push({ start: contentEnd, end: rec.endOffset, text: eol });
  });
  // A set-cell inside a deleted row or column has nothing left to change: drop it.
  const gone = (d: Diagnostic) =>
    d.fix!.kind === 'set-cell' && ((d.row != null && deletedRows.has(d.row)) || (d.column != null && deletedCols.has(d.column)));
  const held = new Set(withheld);
  return { edits, applied: applied.filter((d) => !gone(d) && !held.has(d)), deferred, withheld };
}

/** The cleaner never makes a cell start a formula: drops such set-cell edits from `cells`. */
function withholdFormulas(
  text: string,
  dialect: CsvDialect,
  spans: RecordSpan[],
  cells: Map<number, Map<number, string>>,
  fixes: Map<string, Diagnostic>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const q = dialect.quoteChar;
  for (const [row, set] of cells) {
    const rec = spans[row - 1];
    if (!rec) continue;
    let cellsOf: [number, number][] | undefined;
    for (const [col, value] of set) {
      const c = value.charCodeAt(0);
      // Only a value starting with = + - @ tab or CR can start a formula: most rows stop here.
      if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) continue;
      const s = (cellsOf ??= cellSpans(text, rec, dialect))[col - 1];
      const raw = s ? text.slice(s[0], s[1]) : '';
      const before =
        raw.length > 1 && raw.startsWith(q) && raw.endsWith(q)
          ? raw
              .slice(1, -1)
              .split(q + q)
              .join(q)
          : raw;
      if (!createsFormula(before, value)) continue;
      set.delete(col);
      const d = fixes.get(`${row}:${col}`);
      if (d) out.push(d);
    }
    if (set.size === 0) cells.delete(row);
  }
  return out;
}

function rowEdits(
  text: string,
  rec: RecordSpan,
  contentEnd: number,
  dialect: CsvDialect,
  set: Map<number, string> | undefined,
  merge: Merge | undefined,
  deletedCols: Set<number>,
): TextEdit[] {
  const spans = cellSpans(text, rec, dialect);
  const quoted = (s: [number, number]) => text[s[0]] === dialect.quoteChar;
  const structural = merge !== undefined || [...deletedCols].some((c) => c <= spans.length);
  if (!structural) {
    const out: TextEdit[] = [];
    for (const [col, value] of set ?? []) {
      const s = spans[col - 1];
      if (s) out.push({ start: s[0], end: s[1], text: writeCell(value, dialect, quoted(s)) });
    }
    return out;
  }
  // Cells removed or merged: rewrite the record, each kept cell with its own text.
  const parts: string[] = [];
  for (let c = 1; c <= spans.length; c++) {
    const s = spans[c - 1];
    if (merge && c >= merge.from && c <= merge.to) {
      if (c === merge.from) parts.push(writeCell(merge.value, dialect, true));
      continue;
    }
    if (!merge && deletedCols.has(c)) continue;
    const v = set?.get(c);
    parts.push(v !== undefined ? writeCell(v, dialect, quoted(s)) : text.slice(s[0], s[1]));
  }
  return [{ start: rec.offset, end: contentEnd, text: parts.join(dialect.delimiter) }];
}
