// Lints a CSV from disk without loading it: fixed-size byte chunks are decoded
// incrementally and fed to the row reader, so memory stays flat for a 1 GB file.
import { withValueHashing } from './engine/locator';
import { listResult, result, type CsvLintResult } from './lint-csv';
import { csvSession, lintSession, type CsvSession } from './lint-session';
import type { TableInfo } from './model';
import type { StreamOptions } from './options';
import { RowTooLargeError } from './read/csv';
import { dialectFor } from './read/dialect';
import { isUnreadable, withFileText, type FileText } from './read/text-stream';
import { readerDiagnostic, sourceError } from './reader-diagnostics';

export { CancelledError } from './read/text-stream';
export type { StreamOptions } from './options';

const NOWHERE = withValueHashing({ locate: () => ({ row: null, column: null }), locateRow: () => ({ row: null, column: null }) });

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
  let cs: CsvSession | null = null;
  const start = (text: string) => {
    const guess = dialectFor(text, info.format === 'tsv' ? 'tsv' : 'csv', options.delimiter);
    info.delimiter = guess.delimiter;
    if (guess.close) info.delimiterChoice = guess.close;
    const c = csvSession(info, options);
    const nl = text.search(/\r|\n/);
    const loc = { row: 1, column: null, line: 1, start: 0, end: nl === -1 ? 0 : nl };
    if (file.encoding !== 'utf-8')
      c.session.add(readerDiagnostic('encoding', { kind: file.bom ? 'bom-lies' : 'legacy', encoding: file.encoding }, loc, lang));
    return c;
  };
  try {
    await file.forEachChunk((chunk, final) => {
      if (!cs && chunk.text === '' && final) return;
      cs ??= start(chunk.text);
      return cs.feed(chunk, final, file.rereads);
    });
  } catch (e) {
    if (!(e instanceof RowTooLargeError) || !cs) throw e;
    (cs as CsvSession).session.add(sourceError('row-too-large', lang, { row: null, column: null, line: e.line, start: 0, end: 0 }));
  }
  const session = (cs as CsvSession | null)?.session;
  if (!session) {
    const s = lintSession(info, NOWHERE, options);
    s.add(sourceError('empty', lang));
    return result(s, info);
  }
  return result(session, info);
}
