// Totals rows inside a table: a sum is no record, and written as one it counts every subsidy
// twice. A row is a total by its label (its first filled cell: `Total…`, `Sous-total…`,
// `Ensemble`), or, with no label, by its numbers: every filled cell an amount equal, to the cent,
// to the sum of its column over the rows above (since the start, or since the previous total or
// section heading). `Ensemble des…` may be a name ("Ensemble des amis de l’orgue"): it is a total
// only when the numbers say so and nothing else identifies a record (a SIRET, an object);
// `Ensemble vocal…`, `Ensemble scolaire…` are names, never totals.
import { parseNumber } from '../values/number';
import { compactAmount } from './shapes';
import { isValidSiret } from '../ids/siret';

/** A total by its label alone, whatever the numbers: `Total…`, `Sous-total…`, `Totaux`, `Ensemble`, `Ensemble :`. */
const TOTAL_LABEL = /^(sous[- ]?)?tota(?:l|ux)\b|^ensemble(?:\s*[.:]?\s*$|\s*:|\s+[-–—]\s)/i;
/** `Ensemble des subventions`, `Ensemble du budget`: a total when the numbers agree, else a name. */
const MAYBE_TOTAL_LABEL = /^ensemble\s+(?:des?|du|d['’]|de\s+la|de\s+l['’])(?:\s|$|(?<=['’]))/i;

/** The rows summed must be this many at least for a row to be their total by its numbers. */
const MIN_SUMMED = 2;

export type TotalLabel = 'total' | 'maybe' | null;

const firstFilled = (values: readonly string[]): string | undefined => values.find((c) => c.trim() !== '')?.trim();

/** What the row's first filled cell says: a total, maybe one (the numbers decide), or nothing. */
export function totalLabel(values: readonly string[]): TotalLabel {
  const first = firstFilled(values);
  if (first === undefined) return null;
  if (TOTAL_LABEL.test(first)) return 'total';
  return MAYBE_TOTAL_LABEL.test(first) ? 'maybe' : null;
}

/** A label that is or may be a total: no section heading (headings.ts). */
export const mayBeTotalLabel = (v: string): boolean => TOTAL_LABEL.test(v) || MAYBE_TOTAL_LABEL.test(v);

/** The amount in cents, or null when the cell is no amount (an identifier, words, a date…). */
function cents(v: string): number | null {
  // Cheap rejects first, every cell of every row comes here: long text, a cell not starting as a number.
  if (v.length > 24) return null;
  const c = v.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return null;
  const n = parseNumber(compactAmount(v));
  if (!n || !Number.isFinite(n.value)) return null;
  // A SIRET or SIREN is an identifier, however it is written (`443 061 841 00047`).
  const id = v.replace(/[\s.]/g, '');
  if (/^\d+$/.test(id) && (id.length === 14 || id.length === 9)) return null;
  return Math.round(n.value * 100);
}

/**
 * A cell holding a valid SIRET: the row is a record whatever its label says ("TOTAL ENERGIES
 * MARKETING", a company that was granted something). A total carries no establishment's number.
 */
const isSiretCell = (v: string): boolean => v.length >= 14 && v.length <= 20 && isValidSiret(v.trim());

/** Every filled cell is an amount (no name, identifier, object or date: nothing that identifies a record). */
export function amountsOnly(values: readonly string[]): boolean {
  let filled = 0;
  for (const c of values) {
    const v = c.trim();
    if (!v) continue;
    if (cents(v) === null) return false;
    filled++;
  }
  return filled > 0;
}

class Sums {
  cents: number[] = [];
  rows: number[] = [];
  add(i: number, c: number): void {
    this.cents[i] = (this.cents[i] ?? 0) + c;
    this.rows[i] = (this.rows[i] ?? 0) + 1;
  }
  /** The cell is its column's sum over MIN_SUMMED rows at least. */
  is(i: number, c: number): boolean {
    return (this.rows[i] ?? 0) >= MIN_SUMMED && this.cents[i] === c;
  }
}

/**
 * Judges the rows of one table in order (`row`), keeping the sums of every column over the data
 * rows since the start and since the last total or section heading (`section`).
 */
export class TotalsTracker {
  private all = new Sums();
  private part = new Sums();

  /** A section heading: the rows below it are summed afresh. */
  section(): void {
    this.part = new Sums();
  }

  /**
   * Is the row a total? Its amounts are added to the sums when it is not. `label`: what its first
   * filled cell says as the file holds it (the row under a repeated header that moved labels).
   */
  row(values: readonly string[], label: TotalLabel = totalLabel(values)): boolean {
    const amounts: [number, number][] = [];
    values.forEach((c, i) => {
      const v = c.trim();
      const n = v ? cents(v) : null;
      if (n !== null) amounts.push([i, n]);
    });
    const filled = values.reduce((n, c) => n + (c.trim() !== '' ? 1 : 0), 0);
    // `Ensemble des…`: the label and amounts only (no SIRET, no object), each the sum above.
    const total =
      (label === 'total' && !values.some(isSiretCell)) ||
      (label === 'maybe' && amounts.length > 0 && amounts.length === filled - 1 && this.sums(amounts)) ||
      (label === null && amounts.length > 0 && amounts.length === filled && this.sums(amounts));
    if (total) this.part = new Sums();
    else for (const [i, n] of amounts) (this.all.add(i, n), this.part.add(i, n));
    return total;
  }

  /** Every amount is its column's sum, all since the start or all since the section's start. */
  private sums(amounts: readonly [number, number][]): boolean {
    return amounts.every(([i, n]) => this.part.is(i, n)) || amounts.every(([i, n]) => this.all.is(i, n));
  }
}
