// Where something was first seen in the file (a kind of line ending, a value…): across a split,
// the first part's record wins, else the later part's moved to its place in the whole file.
import type { Loc } from '../../model';
import { shiftLoc, type Shift } from '../../rules/rule';

/** By key (a rule notes `first[key] ??= loc` on its rows): plain data, as it crosses threads. */
export type FirstLocations = Record<string, Loc | undefined>;

export function takeOverFirst(first: FirstLocations, later: FirstLocations, shift: Shift): void {
  for (const [k, loc] of Object.entries(later)) if (!first[k] && loc) first[k] = shiftLoc(loc, shift);
}
