// The CSV text facts the cleaner edits by: where each record and each cell sits in the text,
// and how a new cell value must be written so the file stays parseable.
import type { CsvDialect } from '../read/csv';
import { CsvRowReader } from '../read/csv';

/** Offsets of one record in the text: [offset, endOffset) includes its terminator `eol`. */
export interface RecordSpan {
  offset: number;
  endOffset: number;
  eol: string;
}

/** Record spans by row number (index 0 = row 1, the header), read with the linter's own reader. */
export function recordSpans(text: string, dialect: CsvDialect): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const reader = new CsvRowReader(dialect, (row) => spans.push({ offset: row.offset, endOffset: row.endOffset, eol: row.eol }));
  reader.feed(text, true);
  return spans;
}

/**
 * Offsets [start, end) of every cell of a record, quotes included. Same scan as the reader's
 * locator, so a cell here is the cell a diagnostic points at.
 */
export function cellSpans(text: string, rec: RecordSpan, dialect: CsvDialect): [number, number][] {
  const { delimiter: d, quoteChar: q } = dialect;
  const limit = rec.endOffset - rec.eol.length;
  const out: [number, number][] = [];
  let i = rec.offset;
  for (;;) {
    const s = i;
    if (text[i] === q) {
      i++;
      while (i < limit) {
        if (text[i] === q) {
          if (text[i + 1] === q) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
    }
    while (i < limit && !text.startsWith(d, i)) i++;
    out.push([s, i]);
    if (i >= limit) return out;
    i += d.length;
  }
}

/**
 * A cell value as CSV text: quoted (inner quotes doubled) when it holds the delimiter, a quote
 * or a line break, or when the cell it replaces was quoted (keeps the diff to the value).
 */
export function writeCell(value: string, dialect: CsvDialect, wasQuoted = false): string {
  const q = dialect.quoteChar;
  const needs = value.includes(dialect.delimiter) || value.includes(q) || /[\r\n]/.test(value);
  if (!needs && !wasQuoted) return value;
  return q + value.split(q).join(q + q) + q;
}
