// A rule's findings held back until the end of the file (a column's verdict comes last), under a
// bound so that memory stays flat: past `limit` only their rows are kept, to be counted. Across a
// split the first part's list goes on with the later part's, up to the same bound.
import type { Loc } from '../../model';
import { shiftLoc, type Shift } from '../../rules/rule';

/** The list as it crosses threads (plain data). Rows in `over` may be negative: a flag of the rule's, kept by a shift. */
export interface DeferredState<T extends { loc: Loc }> {
  items: T[];
  over: number[];
}

export class DeferredList<T extends { loc: Loc }> {
  items: T[] = [];
  /** Rows of the findings past the bound (negative: the rule's flag). */
  over: number[] = [];

  constructor(private readonly limit: number) {}

  /** `make` builds the item (locating the cell, detaching its strings) only when it is listed. */
  add(row: number, make: () => T, flag = false): void {
    if (this.items.length < this.limit) this.items.push(make());
    else this.over.push(flag ? -row : row);
  }

  clear(): void {
    this.items = [];
    this.over = [];
  }

  handOver(): DeferredState<T> {
    return { items: this.items, over: this.over };
  }

  /** The later part's list, its rows moved by `shift`; `flagOf` says which listed item overflows as a flagged row. */
  takeOver(later: DeferredState<T>, shift: Shift, flagOf: (item: T) => boolean = () => false): void {
    for (const c of later.items) {
      const loc = shiftLoc(c.loc, shift);
      this.add(loc.row!, () => ({ ...c, loc }), flagOf(c));
    }
    for (const r of later.over) this.over.push(r < 0 ? r - shift.row : r + shift.row);
  }
}
