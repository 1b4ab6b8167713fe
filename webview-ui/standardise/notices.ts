// The Standardise panel's notices: what the run leaves out or keeps that is worth a look (blank
// rows, repeated headers, totals written as records…), one sentence per count that is not zero,
// with its first lines, in the order of the CLI's summary. Pure (no DOM): main.ts renders them as
// text, since a label of a repeated header is a cell of the file and may be anything.
import { fill, ROW_NOTICES, type NoticeKind, type NoticeStrings, type Plural } from '../../src/protocol/standardise';
import type { ShapeReport } from '../../src/core/standardise/table-ops';
import type { TableOps } from '../../src/core/standardise/spec';

export interface Notice {
  kind: NoticeKind;
  text: string;
  /** The one-click way to act on it: the table operation that leaves these rows out. */
  action?: 'dropTotals';
}

/** The lines shown in a notice; more are said by `…` (the run keeps 20). */
export const NOTICE_LINES = 8;

const plural = (p: Plural, n: number) => (n === 1 ? p.one : p.other);

/** `lines 35, 46, …`: the first lines known, `…` when the count is larger than what is shown. */
function linesOf(lines: readonly number[], count: number, S: NoticeStrings, max: number): string {
  const shown = lines.slice(0, max);
  const more = count > shown.length ? ', …' : '';
  return shown.length ? fill(plural(S.lines, shown.length + (more ? 1 : 0)), shown.join(', ') + more) : '';
}

/** One sentence with its lines (`… ({1}).`); without a line known, the brackets go. */
function sentence(template: Plural, count: number, lines: string): string {
  const text = fill(plural(template, count), count, lines);
  return lines ? text : text.replace(/\s*\(\)/, '');
}

export function rowNotices(report: ShapeReport, S: NoticeStrings, max = NOTICE_LINES): Notice[] {
  const out: Notice[] = [];
  for (const kind of ROW_NOTICES) {
    if (kind === 'unmatchedLabels') {
      const u = report.unmatchedLabels;
      if (!u.count) continue;
      const shown = u.labels.slice(0, max);
      const list =
        shown.map((l) => (l.line === undefined ? fill(S.label, l.label) : fill(S.labelAt, l.label, l.line))).join(', ') +
        (u.count > shown.length ? ', …' : '');
      out.push({ kind, text: fill(plural(S.unmatchedLabels, u.count), u.count, list) });
      continue;
    }
    const set = report[kind];
    if (!set.count) continue;
    const text = sentence(S[kind], set.count, linesOf(set.lines, set.count, S, max));
    out.push(kind === 'totalsWritten' ? { kind, text, action: 'dropTotals' } : { kind, text });
  }
  return out;
}

/**
 * The heading of the preview's notices: its counts are the file's only when the preview read the
 * whole file; else they are said of the lines it read.
 */
export function previewHeading(read: { line: number; whole: boolean }, S: NoticeStrings): string {
  return read.whole ? S.preview : fill(S.previewFirst, read.line);
}

/** The table operations with "Drop totals rows" turned on, the others as they are. */
export function withTotalsDropped(table: TableOps | undefined): TableOps {
  return { ...table, drop: { ...table?.drop, totals: true } };
}
