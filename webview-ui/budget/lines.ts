// What the budget view's grid shows, apart from the DOM: the columns (the chapter and nature
// with their labels first, then the amounts the act fills), the chapters the filter offers,
// and the lines a filter keeps. Pure functions over the rows the worker sent.
import { SCDL_BUDGET_COLUMNS } from '../../src/core/budget/rows';

export type Column = (typeof SCDL_BUDGET_COLUMNS)[number];
const C = (name: Column) => SCDL_BUDGET_COLUMNS.indexOf(name);

/** The grid's columns in reading order: what the line is, how much, then how it is classed. */
const ORDER: Column[] = [
  'BGT_CONTNAT',
  'BGT_CONTNAT_LABEL',
  'BGT_NATURE',
  'BGT_NATURE_LABEL',
  'BGT_FONCTION',
  'BGT_FONCTION_LABEL',
  'BGT_MTPREV',
  'BGT_MTPROPNOUV',
  'BGT_CREDOUV',
  'BGT_MTREAL',
  'BGT_MTRAR3112',
  'BGT_MTBUDGPREC',
  'BGT_MTRARPREC',
  'BGT_CODRD',
  'BGT_SECTION',
  'BGT_OPBUDG',
  'BGT_OPERATION',
];
/** Shown even when empty: an empty chapter label or function is what the user must see. */
const ALWAYS: Column[] = ['BGT_CONTNAT', 'BGT_CONTNAT_LABEL', 'BGT_NATURE', 'BGT_NATURE_LABEL', 'BGT_CODRD', 'BGT_SECTION'];

export const isAmount = (c: Column): boolean => /^BGT_(MT|CRED)/.test(c);
export const isLabel = (c: Column): boolean => c.endsWith('_LABEL');

/** The columns of ORDER that some line fills (a budget primitif has no realised amounts), plus ALWAYS. */
export function shownColumns(rows: string[][]): Column[] {
  return ORDER.filter((c) => ALWAYS.includes(c) || rows.some((r) => (r[C(c)] ?? '') !== ''));
}

export const cell = (r: string[], c: Column): string => r[C(c)] ?? '';

export interface Filters {
  section: string;
  codrd: string;
  chapter: string;
}

export function filterRows(rows: string[][], f: Filters): string[][] {
  return rows.filter(
    (r) =>
      (!f.section || cell(r, 'BGT_SECTION') === f.section) &&
      (!f.codrd || cell(r, 'BGT_CODRD') === f.codrd) &&
      (!f.chapter || cell(r, 'BGT_CONTNAT') === f.chapter),
  );
}

/** The chapters of the act, in code order (`011` before `012` before `20`), each with its label. */
export function chaptersOf(rows: string[][]): [code: string, label: string][] {
  const m = new Map<string, string>();
  for (const r of rows) {
    const code = cell(r, 'BGT_CONTNAT');
    if (!m.get(code)) m.set(code, cell(r, 'BGT_CONTNAT_LABEL'));
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
