// Lints CSV text or bytes in one streaming pass: decode → detect dialect → papaparse rows
// → every rule. Used by the extension host worker, the CLI and the tests alike.
import type { LintSession } from './engine/session';
import type { CsvLintOptions } from './options';
import { csvSession } from './lint-session';
import { readerDiagnostic, sourceError } from './reader-diagnostics';
import type { Diagnostic, Lang, Loc, TableInfo } from './model';

// Where they were first declared: their importers keep working.
export type { CsvLintOptions } from './options';
export { quoteError, readerDiagnostic, sourceError } from './reader-diagnostics';
import { RowTooLargeError } from './read/csv';
import { decode, sniffBinary } from './read/decode';
import { dialectFor } from './read/dialect';
import type { EncodingParams } from './rules/encoding';
import { countsOfList } from './report-cap';

export interface CsvLintResult {
  info: TableInfo;
  rows: number;
  diagnostics: Diagnostic[];
  dropped: number;
  /** Every problem found by severity, listed or not: the cap limits the list, never the counts. */
  counts: { error: number; warning: number; info: number };
  /** Every problem found, by rule. */
  byRule: Record<string, number>;
  /** Whether `diagnostics` lists fewer problems than were found. */
  truncated: boolean;
  /** Set when the bytes are not a text table at all (binary, NUL bytes): the one problem's text. */
  fatal?: string;
}

const firstLineLoc = (text: string): Loc => {
  const nl = text.search(/\r|\n/);
  return { row: 1, column: null, line: 1, start: 0, end: nl === -1 ? Math.min(text.length, 200) : nl };
};

/** Lints text already decoded (an editor document, or bytes decoded by `lintCsvBytes`). */
export function lintCsvText(text: string, options: CsvLintOptions = {}): CsvLintResult {
  const lang = options.lang ?? 'en';
  const format = options.format ?? 'csv';
  const guess = dialectFor(text, format, options.delimiter);
  const delimiter = guess.delimiter;
  const info: TableInfo = { format, encoding: options.encoding?.encoding ?? 'utf-8', delimiter, quoteChar: '"' };
  if (guess.close) info.delimiterChoice = guess.close;
  const { reader, session } = csvSession(info, options);
  if (text.length === 0 || text.trim() === '') {
    session.add(sourceError('empty', lang));
    return result(session, info);
  }
  addEncodingDiagnostics(session, text, info, options, lang);
  try {
    reader.feed(text, true);
  } catch (e) {
    if (!(e instanceof RowTooLargeError)) throw e;
    session.add(sourceError('row-too-large', lang, { row: null, column: null, line: e.line, start: 0, end: 0 }));
  }
  return result(session, info);
}

function addEncodingDiagnostics(session: LintSession, text: string, info: TableInfo, options: CsvLintOptions, lang: Lang): void {
  const enc = options.encoding;
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) {
    // Replacement characters: the bytes were decoded with the wrong encoding.
    const name = enc && enc.encoding !== 'utf-8' ? enc.encoding : 'windows-1252';
    const before = text.lastIndexOf('\n', bad);
    const line = countLines(text, bad);
    const col = bad - before - 1;
    session.add(
      readerDiagnostic(
        'encoding',
        { kind: 'replacement', encoding: name } satisfies EncodingParams,
        { row: null, column: null, line, start: col, end: col + 1 },
        lang,
      ),
    );
    return;
  }
  if (!enc) return;
  if (enc.bomLies)
    session.add(
      readerDiagnostic('encoding', { kind: 'bom-lies', encoding: enc.encoding } satisfies EncodingParams, firstLineLoc(text), lang),
    );
  else if (!/^utf-?8$/i.test(enc.encoding) && !/^(us-)?ascii$/i.test(enc.encoding))
    session.add(
      readerDiagnostic('encoding', { kind: 'legacy', encoding: enc.encoding } satisfies EncodingParams, firstLineLoc(text), lang),
    );
  info.encoding = enc.encoding;
}

/** Kept problems by severity plus the dropped ones. */
export function countsOf(kept: readonly Diagnostic[], dropped = { error: 0, warning: 0, info: 0 }): CsvLintResult['counts'] {
  const c = { ...dropped };
  for (const k of kept) c[k.severity]++;
  return c;
}

function countLines(text: string, upTo: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lints raw bytes: refuses binary input, detects the encoding, then lints the text. */
export function lintCsvBytes(buf: Uint8Array, options: CsvLintOptions = {}): CsvLintResult {
  const lang = options.lang ?? 'en';
  const sniff = sniffBinary(buf);
  if (sniff) {
    const empty = sniff.fatal === 'empty';
    const info: TableInfo = { format: options.format ?? 'csv', encoding: empty ? 'utf-8' : 'binary', delimiter: null };
    const d = sourceError(
      sniff.fatal,
      lang,
      { row: null, column: null },
      sniff.offset !== undefined ? `${lang === 'fr' ? 'octet' : 'byte'} ${sniff.offset}` : undefined,
    );
    // An empty file is readable, with nothing in it: a data problem, not unreadable input.
    return empty ? listResult(info, [d]) : { ...listResult(info, [d]), fatal: d.message };
  }
  const decoded = decode(buf);
  return lintCsvText(decoded.text, { ...options, encoding: decoded });
}

/** Finishes the session: its listed problems and exact totals. */
export function result(session: LintSession, info: TableInfo): CsvLintResult {
  // A header and nothing under it is no data to open: a data problem (exit 1), not a usage one.
  if (session.rows === 0 && info.header) session.add(sourceError('header-only', session.lang));
  const diagnostics = session.finish();
  const { counts, byRule, truncated } = session.summary();
  const dropped = counts.error + counts.warning + counts.info - diagnostics.length;
  return { info, rows: session.rows, diagnostics, dropped, counts, byRule, truncated };
}

/** A result made of a list that was never cut (an unreadable file's one problem). */
export function listResult(info: TableInfo, diagnostics: Diagnostic[]): CsvLintResult {
  const { counts, byRule } = countsOfList(diagnostics);
  return { info, rows: 0, diagnostics, dropped: 0, counts, byRule, truncated: false };
}
