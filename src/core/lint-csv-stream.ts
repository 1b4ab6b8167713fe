// Lints a CSV from disk without loading it: fixed-size byte chunks are decoded
// incrementally and fed to the row reader, so memory stays flat for a 1 GB file.
import { LintSession } from './engine/session';
import { listResult, quoteError, readerDiagnostic, result, sourceError, type CsvLintOptions, type CsvLintResult } from './lint-csv';
import type { TableInfo } from './model';
import { CsvRowReader, RowTooLargeError } from './read/csv';
import { dialectFor } from './read/dialect';
import { isUnreadable, withFileText, type FileText, type TextStreamOptions } from './read/text-stream';

export { CancelledError } from './read/text-stream';

export interface StreamOptions extends CsvLintOptions, TextStreamOptions {}

const NOWHERE = { locate: () => ({ row: null, column: null }), locateRow: () => ({ row: null, column: null }) };

export async function lintCsvFile(path: string, options: StreamOptions = {}): Promise<CsvLintResult> {
  const lang = options.lang ?? 'en';
  const res = await withFileText(path, options, (file) => pass(file, options));
  if (!isUnreadable(res)) return res;
  const empty = res.fatal === 'empty';
  const info: TableInfo = { format: options.format ?? 'csv', encoding: empty ? 'utf-8' : 'binary', delimiter: null };
  const fatal = sourceError(res.fatal, lang);
  return empty ? listResult(info, [fatal]) : { ...listResult(info, [fatal]), fatal: fatal.message };
}

async function pass(file: FileText, options: StreamOptions): Promise<CsvLintResult> {
  const lang = options.lang ?? 'en';
  const info: TableInfo = { format: options.format ?? 'csv', encoding: file.encoding, delimiter: null, quoteChar: '"' };
  let session: LintSession | null = null;
  let reader: CsvRowReader | null = null;
  const start = (text: string) => {
    const guess = dialectFor(text, info.format === 'tsv' ? 'tsv' : 'csv', options.delimiter);
    const delimiter = guess.delimiter;
    info.delimiter = delimiter;
    if (guess.close) info.delimiterChoice = guess.close;
    const r = new CsvRowReader({ delimiter, quoteChar: '"' }, (row) => {
      if (row.quoteError) s.add(quoteError(row.quoteError, lang, r.locateRow(row)));
      s.push(row);
    });
    const s = new LintSession(info, r, options);
    const nl = text.search(/\r|\n/);
    const loc = { row: 1, column: null, line: 1, start: 0, end: nl === -1 ? 0 : nl };
    if (file.encoding !== 'utf-8')
      s.add(readerDiagnostic('encoding', { kind: file.bom ? 'bom-lies' : 'legacy', encoding: file.encoding }, loc, lang));
    session = s;
    reader = r;
  };
  try {
    await file.forEachChunk((text, final, latin1) => {
      if (!reader && text === '' && final) return;
      if (!reader) start(text);
      return reader!.feed(text, final, file.rereads, latin1);
    });
  } catch (e) {
    if (!(e instanceof RowTooLargeError) || !session) throw e;
    (session as LintSession).add(sourceError('row-too-large', lang, { row: null, column: null, line: e.line, start: 0, end: 0 }));
  }
  if (!session) {
    const s = new LintSession(info, NOWHERE, options);
    s.add(sourceError('empty', lang));
    return result(s, info);
  }
  return result(session, info);
}
