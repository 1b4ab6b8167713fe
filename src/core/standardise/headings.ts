// Section headings inside a table ("FONCTIONNEMENT", "Subventions 2014 — Culture"): a row of one
// label above the rows it heads, no record. Written as a row, the label became a beneficiary.
import { cellShape } from './shapes';
import type { RowProfile } from './ragged';
import { mayBeTotalLabel } from './totals';

/** Share of the data rows a column must be filled in to be one that "data rows fill". */
const NORMALLY = 0.8;

/**
 * The rule: a row is a section heading when
 * 1. its one non-blank cell is in the first column (headings are written there; a lone amount,
 *    object or date elsewhere is a record with its other cells empty, kept);
 * 2. that cell is label-like: letters, not a date, number or identifier, not a total;
 * 3. the table's data rows (`profile`: its rows that fill two cells or more) normally fill two
 *    columns besides the first (each in 80 % of them), which the heading leaves empty;
 * 4. and the label stands out from the rows around it: the first column of the data rows is not
 *    text (codes, numbers: a label there is no value of it), or the row opens a section (`opens`:
 *    it comes right after the header, a blank row, a repeated header, a total or another
 *    heading). A name alone in a name column among data rows is a record whose other cells are
 *    empty: kept, for the validation to flag.
 */
export function isSectionHeading(values: readonly string[], profile: RowProfile, opens: boolean): boolean {
  if (!labelOnly(values)) return false;
  if (profile.rows === 0) return false;
  let filled = 0;
  for (let c = 1; c < profile.width; c++) if (1 - profile.share(c, 'empty') >= NORMALLY) filled++;
  if (filled < 2) return false;
  return opens || profile.share(0, 'text') < 0.5;
}

/** Only the first cell is filled, with a label (conditions 1 and 2). */
export function labelOnly(values: readonly string[]): boolean {
  const v = (values[0] ?? '').trim();
  // A totals row is the `drop.totals` operation's (totals.ts), not a heading.
  if (!v || mayBeTotalLabel(v)) return false;
  for (let i = 1; i < values.length; i++) if (values[i].trim() !== '') return false;
  const s = cellShape(v);
  return s.text && !s.date && !s.amount && !s.year && !s.siret && !s.siren;
}
