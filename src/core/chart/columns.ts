// What each column holds, read from the first rows: numbers, dates or text, and whether a
// numeric column is really an identifier (SIRET, account code, year) that must not be summed.
import { isBlank, trimAll } from '../rules/lib/util';
import { dateFormatsOf, toIsoDate } from '../values/date';
import { parseNumber } from '../values/number';
import type { ColumnInfo } from './series';

export interface ColumnProfile extends ColumnInfo {
  /** Non-empty cells in the sample. */
  filled: number;
  /** Share of empty cells in the sample. */
  emptyShare: number;
  /** Distinct non-empty values in the sample. */
  distinct: number;
  /** Mean length of the non-empty values. */
  meanLength: number;
  /** Every number in the sample lies in [0, 1] (shares, rates). */
  unitInterval: boolean;
  /** Dates read as ISO `yyyy-mm-dd`, first and last in the sample (date columns only). */
  dateSpan: [string, string] | null;
}

/** A column counts as numbers or dates when this share of its filled cells parses. */
const MAJORITY = 0.9;
const CODE_WORD =
  /(^|[^a-z])(id|code|siret|siren|rna|insee|cp|num[ée]ro|n°|ref|r[ée]f[ée]rence|compte|article|nature|fonction|chapitre|exercice|ann[ée]e|year)([^a-z]|$)/i;
/** camelCase identifiers: `idBeneficiaire`, `codeInsee`. */
const CODE_PREFIX = /^(id|code|num|ref)[A-Z_]/;
const isCodeName = (name: string) => CODE_WORD.test(name) || CODE_PREFIX.test(name);

/** Index of the column named `name`: exact first, then ignoring case and padding. */
export function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact !== -1) return exact;
  const want = trimAll(name).toLowerCase();
  return header.findIndex((h) => trimAll(h).toLowerCase() === want);
}

export function profileColumns(header: string[], rows: string[][]): ColumnProfile[] {
  return header.map((name, i) =>
    profileColumn(
      trimAll(name),
      rows.map((r) => r[i] ?? ''),
    ),
  );
}

function profileColumn(name: string, cells: string[]): ColumnProfile {
  const filled = cells.filter((c) => !isBlank(c)).map(trimAll);
  const distinct = new Set(filled).size;
  const numbers = filled.map((c) => parseNumber(c)?.value).filter((v): v is number => v !== undefined);
  const isos = filled.map(isoOf).filter((v): v is string => v !== null);
  const enough = (n: number) => filled.length > 0 && n >= MAJORITY * filled.length;
  const years = numbers.length > 0 && numbers.every((v) => Number.isInteger(v) && v >= 1900 && v <= 2100);
  const kind = enough(isos.length) ? 'date' : enough(numbers.length) ? 'number' : 'text';
  isos.sort();
  return {
    name,
    kind,
    code: kind === 'number' && (isCodeName(name) || years || looksLikeCodes(filled)),
    filled: filled.length,
    emptyShare: cells.length ? 1 - filled.length / cells.length : 1,
    distinct,
    meanLength: filled.length ? filled.reduce((s, c) => s + c.length, 0) / filled.length : 0,
    unitInterval: numbers.length > 0 && numbers.every((v) => v >= 0 && v <= 1),
    dateSpan: kind === 'date' && isos.length ? [isos[0], isos[isos.length - 1]] : null,
  };
}

/** Leading zeros (`01234`) or long digit strings of one length (SIRET) mark identifiers. */
function looksLikeCodes(cells: string[]): boolean {
  if (cells.some((c) => c.length > 1 && c[0] === '0' && /^\d+$/.test(c))) return true;
  const len = cells[0]?.length ?? 0;
  return len >= 9 && cells.every((c) => c.length === len && /^\d+$/.test(c));
}

/** The ISO day of a cell, day-first where it could be either (French exports). */
function isoOf(c: string): string | null {
  const f = dateFormatsOf(c)[0];
  // Five-digit numbers read as Excel serials only where a schema says "date": here they are numbers.
  if (!f || f === 'excel-serial') return null;
  return toIsoDate(c, f)?.slice(0, 10) ?? null;
}
