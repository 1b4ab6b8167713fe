// Shared test helpers: lint a CSV string and pick diagnostics by rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCsvText, type CsvLintOptions } from '../../src/core/lint-csv';
import type { Diagnostic } from '../../src/core/model';
import { main } from '../../src/cli';

/** Repo root, from out-test/test/unit/ at run time. */
export const ROOT = join(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function lint(text: string, options: CsvLintOptions = {}): Diagnostic[] {
  return lintCsvText(text, { maxProblems: 100000, ...options }).diagnostics;
}

export function only(ds: Diagnostic[], rule: string): Diagnostic[] {
  return ds.filter((d) => d.rule === rule);
}

/** Compact position form used in assertions: "row:col line:start-end". */
export function at(d: Diagnostic): string {
  return `${d.row}:${d.column} ${d.line}:${d.start}-${d.endLine ? d.endLine + ':' : ''}${d.end}`;
}

export function fixture(...parts: string[]): Buffer {
  return readFileSync(join(FIXTURES, ...parts));
}

/** Runs `odw argv…` in this process: its exit code and what it printed on stdout and stderr. */
export async function runOdw(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}

/** Splits our CSV output (RFC 4180, CRLF) into rows of text cells. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    } else cell += c;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

/** `readCsv` of a file the product wrote. */
export const readCsvFile = (path: string): string[][] => readCsv(readFileSync(path, 'utf8'));
