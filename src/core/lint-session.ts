// One factory for the four ways a CSV is linted (text, streamed file, split lint's first part
// and later parts): a session with the product's rules, and a reader wired to it — its rows go
// to the session, a badly quoted row as a source error first. The engine itself imports no rule.
import { LintSession } from './engine/session';
import type { Locator } from './engine/locator';
import { CsvRowReader, type CsvRow } from './read/csv';
import type { TextChunk } from './read/text-stream';
import type { Loc, Row, TableInfo } from './model';
import type { LintOptions } from './options';
import { quoteError } from './reader-diagnostics';
import { allRules } from './rules/registry';

/** A session with every registered rule; `locator` is the reader's (spreadsheets add value hashing: engine/locator.ts). */
export function lintSession(info: TableInfo, locator: Locator, options: LintOptions): LintSession {
  return new LintSession(info, locator, options, allRules);
}

/** Split lint, later part: where its reader starts (row 2 after a cut) and how records end. */
export interface ReadStart {
  row: number;
  newline: '\n' | '\r';
}

/**
 * A CSV session (info.delimiter set): `reader` feeds `session`. With `restartable`, `restart`
 * gives it a new reader (split lint, later part: the file's head, then the part), the session's
 * locator following whichever reads.
 */
export class CsvSession implements Locator {
  readonly session: LintSession;
  reader: CsvRowReader;
  /** The last row read (split lint: a part must end at a record boundary). */
  last: CsvRow | null = null;

  constructor(
    private readonly info: TableInfo,
    private readonly options: LintOptions,
    start?: ReadStart,
    restartable = false,
  ) {
    this.reader = this.newReader(start);
    this.session = lintSession(info, restartable ? this : this.reader, options);
  }

  restart(start?: ReadStart): void {
    this.reader = this.newReader(start);
  }

  feed(chunk: string | TextChunk, final: boolean, giveBack = false): number {
    return this.reader.feed(chunk, final, giveBack);
  }

  locate(r: Row, c: number): Loc {
    return this.reader.locate(r, c);
  }
  locateRow(r: Row): Loc {
    return this.reader.locateRow(r);
  }
  rowHash(r: Row, out: Int32Array): void {
    this.reader.rowHash(r, out);
  }
  rowHas(r: Row, ch: string): boolean {
    return this.reader.rowHas(r, ch);
  }

  private newReader(start?: ReadStart): CsvRowReader {
    const lang = this.options.lang ?? 'en';
    this.last = null;
    const r: CsvRowReader = new CsvRowReader(
      { delimiter: this.info.delimiter!, quoteChar: '"' },
      (row) => {
        this.last = row;
        if (row.quoteError) this.session.add(quoteError(row.quoteError, lang, r.locateRow(row)));
        this.session.push(row);
      },
      start,
    );
    return r;
  }
}

export function csvSession(info: TableInfo, options: LintOptions, start?: ReadStart, restartable = false): CsvSession {
  return new CsvSession(info, options, start, restartable);
}
