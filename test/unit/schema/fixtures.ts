// Paths and small helpers shared by the schema tests (never /work/shared: the copies in
// test/fixtures are the inputs).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../../src/core/model';
import { lintCsvBytes, lintCsvText, type CsvLintOptions } from '../../../src/core/lint-csv';

/** Repo root, from out-test/test/unit/schema. */
export const ROOT = resolve(__dirname, '../../../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const fixture = (...p: string[]) => join(FIXTURES, ...p);
export const readJson = <T = any>(...p: string[]): T => JSON.parse(readFileSync(fixture(...p), 'utf8')) as T;

export function lintFixture(path: string, options: CsvLintOptions = {}): Diagnostic[] {
  return lintCsvBytes(readFileSync(path), options).diagnostics;
}

export function lintText(text: string, options: CsvLintOptions = {}): Diagnostic[] {
  return lintCsvText(text, options).diagnostics;
}

/** CSV text from rows of JSON values (null → empty cell), quoting what needs it. */
export function toCsv(rows: unknown[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);
