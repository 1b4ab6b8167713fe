// What a column's values look like, from a sample of its cells: the "value shape" half of the
// proposal. A SIRET-shaped column whose value never changes and starts with 1 or 2 (the State,
// local authorities) is the granting body, not the beneficiary.
import { parseNumber } from '../values/number';
import { dateFormatsOf } from '../values/date';

export interface ColumnShape {
  filled: number;
  /** Distinct values seen (counted up to 200). */
  distinct: number;
  /** One value on every filled row (and at least two rows). */
  constant: boolean;
  siret: number;
  siren: number;
  /** Share of SIRET/SIREN values that start with 1 or 2 (public bodies). */
  publicId: number;
  amount: number;
  date: number;
  year: number;
  /** Share of values with letters. */
  text: number;
  /** Up to 200 distinct values, for value maps. */
  values: string[];
}

const DIGITS = /^\d+$/;

/** Strips what exports add around numbers and ids: spaces, `€`, `euros`. */
export const compactAmount = (v: string): string => v.replace(/\s*(€|euros?|eur)\s*$/i, '').trim();

/** What one (trimmed, non-blank) cell looks like: the judgement `shapeOf` counts, cell by cell. */
export interface CellShape {
  siret: boolean;
  siren: boolean;
  /** A SIRET or SIREN starting with 1 or 2. */
  publicId: boolean;
  year: boolean;
  /** A date (not a bare year). */
  date: boolean;
  amount: boolean;
  /** Has letters. */
  text: boolean;
}

export function cellShape(v: string): CellShape {
  const id = v.replace(/[\s.]/g, '');
  const digits = DIGITS.test(id);
  const siret = digits && id.length === 14;
  const siren = digits && id.length === 9;
  const year = /^(19|20)\d\d$/.test(v);
  return {
    siret,
    siren,
    publicId: (siret || siren) && (id[0] === '1' || id[0] === '2'),
    year,
    date: !year && dateFormatsOf(v.split(/[\sT]/)[0]).length > 0,
    amount: !!parseNumber(compactAmount(v)),
    text: /[a-zA-Z\u00c0-\u00ff]/.test(v),
  };
}

export function shapeOf(cells: readonly string[]): ColumnShape {
  let filled = 0,
    siret = 0,
    siren = 0,
    pub = 0,
    amount = 0,
    date = 0,
    year = 0,
    text = 0;
  const seen = new Set<string>();
  for (const raw of cells) {
    const v = raw.trim();
    if (!v) continue;
    filled++;
    if (seen.size < 200) seen.add(v);
    const c = cellShape(v);
    if (c.siret) siret++;
    if (c.siren) siren++;
    if (c.publicId) pub++;
    if (c.year) year++;
    if (c.date) date++;
    if (c.amount) amount++;
    if (c.text) text++;
  }
  const share = (n: number) => (filled ? n / filled : 0);
  const ids = siret + siren;
  return {
    filled,
    distinct: seen.size,
    constant: filled >= 2 && seen.size === 1,
    siret: share(siret),
    siren: share(siren),
    publicId: ids ? pub / ids : 0,
    amount: share(amount),
    date: share(date),
    year: share(year),
    text: share(text),
    values: [...seen],
  };
}
