// CSV rows with exact positions. papaparse does the parsing; we keep each row's offset in
// the text and re-scan a row only when a rule asks where one of its cells is, so the hot
// path stays as fast as papaparse itself.
import Papa from 'papaparse';
import type { Locator } from '../engine/locator';
import type { TextChunk } from './text-stream';
import type { Loc, Row } from '../model';
import { RowHasher } from './wasm/row-hasher';

export interface CsvRow extends Row {
  /** Offset of the row in the current text block, and of its end (terminator included). */
  offset: number;
  endOffset: number;
  /** 1-based editor line where the row starts. */
  line: number;
  /** Record terminator: '\n', '\r\n', '\r' or '' at end of file. */
  eol: string;
  /** papaparse found an unterminated or misplaced quote in this row. */
  quoteError?: 'MissingQuotes' | 'InvalidQuotes';
  /** No line break inside the row (its terminator apart): a position in it is on `line`. */
  oneLine: boolean;
  /**
   * The row's last line and the offset where it starts (`line` and `offset` for a one-line row):
   * where the row ends is known without the text, so `locateRow` works after the block is gone.
   */
  lastLine: number;
  lastLineAt: number;
}

export interface CsvDialect {
  delimiter: string;
  quoteChar: string;
}

/** Largest text a single row may span before we give up (a 1 GB one-line file). */
export const MAX_ROW_CHARS = 32 * 1024 * 1024;

export class RowTooLargeError extends Error {
  constructor(readonly line: number) {
    super(`row too large at line ${line}`);
  }
}

/** How a file's records are split, judged on its first text: LF (a CR before it stripped), or CR alone for old Mac files. */
export function recordNewlineOf(text: string): '\n' | '\r' {
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/**
 * Feeds text blocks to papaparse and emits complete rows in order. Between blocks the
 * last (possibly incomplete) row is carried over, like papaparse's own chunk streamer.
 */
export class CsvRowReader implements Locator {
  private text = '';
  private nextRowNumber = 1;
  private nextLine = 1;
  /** Records split on LF (a CR before it is stripped); CR alone only for old Mac files. */
  private newline: '\n' | '\r' | null = null;

  constructor(
    private readonly dialect: CsvDialect,
    private readonly onRow: (row: CsvRow) => void,
    /** Split lint: the later part's reader numbers from 2 and splits records as the first part's did. */
    start?: { row: number; newline: '\n' | '\r' },
  ) {
    if (start) {
      this.nextRowNumber = start.row;
      this.newline = start.newline;
    }
  }

  /** The editor line after the last row fed (with `final`, the line after the file). */
  lineAfter(): number {
    return this.nextLine;
  }

  /**
   * Parses `chunk` (appended to the carried-over text); `final` marks the end of the file.
   * With `giveBack`, the last row's text (when it may go on in the next chunk, and is not long)
   * is returned as a count of characters instead of kept: the caller starts its next chunk with
   * them (forEachTextChunk reads them again), so no chunk is ever joined to another.
   */
  feed(chunk: string | TextChunk, final: boolean, giveBack = false): number {
    const latin1 = typeof chunk !== 'string' && chunk.latin1;
    const part = typeof chunk === 'string' ? chunk : chunk.text;
    const text = this.text.length ? this.text + part : part;
    // Latin-1 if the chunk is and so was the text carried over (the row hasher then copies bytes).
    this.textLatin1 = (this.text.length ? this.textLatin1 : true) && latin1;
    this.text = text;
    this.hashLoaded = false;
    this.nextOf.clear();
    this.spansOf = this.breaksOf = null;
    let held: CsvRow | null = null;
    let start = 0;
    let line = this.nextLine;
    const { delimiter, quoteChar } = this.dialect;
    const breaks = new BreakCounter(text);
    // Splitting on LF whatever the majority makes mixed CRLF/LF files parse row by row.
    this.newline ??= recordNewlineOf(text);
    Papa.parse<string[]>(text, {
      delimiter,
      newline: this.newline,
      quoteChar,
      escapeChar: quoteChar,
      step: (res) => {
        const end = res.meta.cursor;
        const values = res.data;
        let eol = '';
        const last = text.charCodeAt(end - 1);
        if (last === 10) eol = text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
        else if (last === 13) eol = '\r';
        // papaparse splits on one newline style; a lone CR before LF stays in the last value.
        const lv = values[values.length - 1];
        if (lv !== undefined && lv.charCodeAt(lv.length - 1) === 13) values[values.length - 1] = lv.slice(0, -1);
        const lineBreaks = breaks.count(start, end);
        const oneLine = lineBreaks === (eol ? 1 : 0);
        // Every field set here, quoteError included: rows keep one shape, so reading them stays monomorphic.
        const row: CsvRow = {
          number: 0,
          values,
          offset: start,
          endOffset: end,
          line,
          eol,
          oneLine,
          lastLine: line,
          lastLineAt: start,
          quoteError: undefined,
        };
        if (!oneLine) {
          const contentEnd = end - eol.length;
          const p = this.position(row, contentEnd, 'end');
          row.lastLine = p.endLine;
          row.lastLineAt = contentEnd - p.end;
        }
        const err = res.errors[0];
        if (err && (err.code === 'MissingQuotes' || err.code === 'InvalidQuotes')) row.quoteError = err.code;
        line += lineBreaks;
        start = end;
        if (held) this.emit(held);
        held = row;
      },
    });
    if (!held) {
      if (final) this.text = '';
      return 0;
    }
    const last: CsvRow = held;
    if (final) {
      this.nextLine = line;
      // A trailing newline makes papaparse yield one empty row at the very end: not a row.
      const phantom = last.values.length === 1 && last.values[0] === '' && last.offset === last.endOffset;
      if (!phantom) this.emit(last);
      this.text = '';
      return 0;
    }
    // Keep the last row's text for the next block: it may continue there.
    const rest = text.length - last.offset;
    if (rest > MAX_ROW_CHARS) throw new RowTooLargeError(last.line);
    this.nextLine = last.line;
    // Given back unless it is most of the chunk (a row longer than a chunk grows here instead).
    if (giveBack && rest * 2 < text.length) {
      this.text = '';
      return rest;
    }
    this.text = text.slice(last.offset);
    return 0;
  }

  /** Next position of each searched character at or after the last row asked about, per block. */
  private nextOf = new Map<string, number>();

  rowHas(row: Row, ch: string): boolean {
    const r = row as CsvRow;
    let at = this.nextOf.get(ch);
    // Rows come in order: search again only once the row has passed the last hit.
    if (at === undefined || (at !== -1 && at < r.offset)) {
      at = this.text.indexOf(ch, r.offset);
      this.nextOf.set(ch, at);
    }
    return at !== -1 && at < r.endOffset;
  }

  /** The row hasher, with the current text loaded (`hashLoaded`) on the first rowHash of a block. */
  private hasher: RowHasher | null = null;
  private hashLoaded = false;
  /** Every character of the current text is at most U+00FF (the decoder said so). */
  private textLatin1 = false;

  /** A 64-bit hash of the row's text without its terminator (two 32-bit lanes into `out`). */
  rowHash(row: Row, out: Int32Array): void {
    const r = row as CsvRow;
    if (!this.hashLoaded) {
      (this.hasher ??= new RowHasher()).load(this.text, this.textLatin1);
      this.hashLoaded = true;
    }
    this.hasher!.hash(r.offset, r.endOffset - r.eol.length, out);
  }

  private emit(row: CsvRow): void {
    row.number = this.nextRowNumber++;
    this.onRow(row);
  }

  /** Where the whole row is; needs no text, so it stays right after the reader moved to another block. */
  locateRow(row: Row): Loc {
    const r = row as CsvRow;
    return { row: r.number, column: null, line: r.line, start: 0, endLine: r.lastLine, end: r.endOffset - r.eol.length - r.lastLineAt };
  }

  locate(row: Row, column: number): Loc {
    const r = row as CsvRow;
    const [s, e] = this.cellSpan(r, column);
    const a = this.position(r, s, 'start');
    const b = this.position(r, e, 'end');
    return { row: r.number, column, line: a.line, start: a.start, endLine: b.endLine, end: b.end };
  }

  /**
   * Cell boundaries of the last row asked about (start, end pairs): a rule locating every cell
   * of a 200 000-field row must not rescan the row from its start for each one.
   */
  private spansOf: CsvRow | null = null;
  private spans: number[] = [];

  /** Offsets [start, end) of cell `column` (1-based), quotes included. Past the last cell: the row end. */
  private cellSpan(r: CsvRow, column: number): [number, number] {
    const limit = r.endOffset - r.eol.length;
    // One cell located in a row (nearly every case): no need to scan past it.
    if (this.spansOf !== r) {
      if (column === 1 && !this.rowHas(r, this.dialect.quoteChar)) {
        const end = this.text.indexOf(this.dialect.delimiter, r.offset);
        return [r.offset, end === -1 || end > limit ? limit : end];
      }
      this.spans = this.scanCells(r, limit);
      this.spansOf = r;
    }
    const k = 2 * (column - 1);
    return k < this.spans.length ? [this.spans[k], this.spans[k + 1]] : [limit, limit];
  }

  /** Every cell's [start, end) in one pass over the row. */
  private scanCells(r: CsvRow, limit: number): number[] {
    const t = this.text;
    const { delimiter: d, quoteChar: q } = this.dialect;
    const out: number[] = [];
    let i = r.offset;
    // No quote in the row: cells end at the next delimiter (one native search per cell).
    if (!this.rowHas(r, q)) {
      for (;;) {
        const next = t.indexOf(d, i);
        const end = next === -1 || next >= limit ? limit : next;
        out.push(i, end);
        if (end >= limit) return out;
        i = end + d.length;
      }
    }
    for (;;) {
      const s = i;
      if (t[i] === q) {
        i++;
        while (i < limit) {
          if (t[i] === q) {
            if (t[i + 1] === q) i += 2;
            else {
              i++;
              break;
            }
          } else i++;
        }
      }
      while (i < limit && t.startsWith(d, i) === false) i++;
      out.push(s, i);
      if (i >= limit) return out;
      i += d.length;
    }
  }

  /** Line starts inside the last multi-line row asked about, for the same reason as `spans`. */
  private breaksOf: CsvRow | null = null;
  private breaks: number[] = [];

  private position(r: CsvRow, offset: number, which: 'start'): { line: number; start: number };
  private position(r: CsvRow, offset: number, which: 'end'): { endLine: number; end: number };
  private position(r: CsvRow, offset: number, which: 'start' | 'end'): Record<string, number> {
    // Nearly every row: on one line, so no need to look for line breaks in it.
    if (r.oneLine) return which === 'start' ? { line: r.line, start: offset - r.offset } : { endLine: r.line, end: offset - r.offset };
    if (this.breaksOf !== r) {
      const t = this.text;
      const end = r.endOffset;
      this.breaks = [];
      for (let i = r.offset; i < end; i++) {
        const c = t.charCodeAt(i);
        if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) this.breaks.push(i + 1);
      }
      this.breaksOf = r;
    }
    // Binary search: the number of line starts at or before `offset`.
    const b = this.breaks;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const line = r.line + lo;
    const lineStart = lo ? b[lo - 1] : r.offset;
    const ch = offset - lineStart;
    return which === 'start' ? { line, start: ch } : { endLine: line, end: ch };
  }
}

/**
 * Counts editor line breaks (LF, CRLF or lone CR) in consecutive ranges of one text.
 * Rows arrive in order, so the next LF/CR positions are cached: linear in the text size.
 */
export class BreakCounter {
  private nextLf: number;
  private nextCr: number;
  constructor(private readonly t: string) {
    this.nextLf = t.indexOf('\n');
    this.nextCr = t.indexOf('\r');
  }
  count(from: number, to: number): number {
    const t = this.t;
    // Fast path, nearly every row: its only break is its own LF or CRLF terminator (the cached
    // positions are the first LF/CR at or after `from`, rows being consecutive).
    if (this.nextLf === to - 1 && this.nextLf >= from) {
      const cr = this.nextCr;
      if (cr === -1 || cr >= to) {
        this.nextLf = t.indexOf('\n', to);
        return 1;
      }
      if (cr === to - 2 && cr >= from) {
        this.nextLf = t.indexOf('\n', to);
        this.nextCr = t.indexOf('\r', to);
        return 1;
      }
    }
    let n = 0;
    while (this.nextLf !== -1 && this.nextLf < from) this.nextLf = t.indexOf('\n', from);
    while (this.nextLf !== -1 && this.nextLf < to) {
      n++;
      this.nextLf = t.indexOf('\n', this.nextLf + 1);
    }
    while (this.nextCr !== -1 && this.nextCr < from) this.nextCr = t.indexOf('\r', from);
    while (this.nextCr !== -1 && this.nextCr < to) {
      if (t.charCodeAt(this.nextCr + 1) !== 10) n++;
      this.nextCr = t.indexOf('\r', this.nextCr + 1);
    }
    return n;
  }
}
