// What the engine notes about each cell of a row before the rules visit it. Several rules only
// care about cells that start or end a certain way (a space, `=`, a leading 0…): one loop over
// the row marks those cells, and each rule visits the few marked ones instead of running its own
// loop over every cell of every row (on a 500 000-row file, each such loop cost about as much as
// a tenth of parsing the file).
import { isBlank, isSpace } from '../rules/lib/util';

/** The value starts or ends with whitespace (cell-whitespace, blank cells). */
export const EDGE_SPACE = 1;
/** The value starts with `=`, `+`, `-` or `@` (formula-injection; a number still has to be told apart). */
export const FORMULA = 2;
/** 10 to 24 characters starting with 0, + or padding: may be a phone number (personal-data). */
export const PHONE = 4;
/** 15 to 24 characters starting with a NIR's sex digit (1–4, 7, 8) or padding (personal-data). */
export const NIR = 8;

/** Marks by first character (the length conditions of PHONE and NIR are applied after). */
const FIRST = new Uint8Array(65536);
/** Whitespace as `isSpace` says, by character. */
const SPACE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (isSpace(c)) SPACE[c] = 1;
  // personal-data's "padded": a control character, a space of any kind, or anything past U+1680.
  const padded = c <= 32 || c === 160 || c >= 0x1680;
  FIRST[c] =
    (SPACE[c] ? EDGE_SPACE : 0) |
    (c === 61 || c === 43 || c === 45 || c === 64 ? FORMULA : 0) |
    (c === 48 || c === 43 || padded ? PHONE : 0) |
    ((c >= 49 && c <= 52) || c === 55 || c === 56 || padded ? NIR : 0);
}

export class CellMarks {
  /** Column indexes (0-based) of the current row's marked cells, `count` of them, in order. */
  at = new Int32Array(64);
  /** Their marks. */
  marks = new Uint8Array(64);
  count = 0;
  /** The union of the current row's marks: a rule whose mark is absent skips the row. */
  any = 0;
  /** The current row has only empty or whitespace cells (what `isBlankRow` says, computed once). */
  blank = true;
  /** Non-empty cells seen per column (header columns only) since the start or `reset`. */
  nonEmpty = new Int32Array(0);

  /** Columns are those of the header. */
  setColumns(n: number): void {
    this.nonEmpty = new Int32Array(n);
  }

  reset(): void {
    this.nonEmpty.fill(0);
  }

  scan(values: readonly string[]): void {
    const nonEmpty = this.nonEmpty;
    const cols = nonEmpty.length;
    let count = 0;
    let any = 0;
    // A non-empty cell without an edge space is not blank; edge-space cells are checked below.
    let filled = false;
    for (let i = 0; i < values.length; i++) {
      const s = values[i];
      const n = s.length;
      if (n === 0) continue;
      if (i < cols) nonEmpty[i]++;
      let m = FIRST[s.charCodeAt(0)] | SPACE[s.charCodeAt(n - 1)];
      if (!(m & EDGE_SPACE)) filled = true;
      if (n < 10 || n > 24) m &= ~(PHONE | NIR);
      else if (n < 15) m &= ~NIR;
      if (m === 0) continue;
      if (count === this.at.length) this.grow();
      this.at[count] = i;
      this.marks[count++] = m;
      any |= m;
    }
    this.count = count;
    this.any = any;
    if (!filled) for (let k = 0; k < count && !filled; k++) filled = !isBlank(values[this.at[k]]);
    this.blank = !filled;
  }

  private grow(): void {
    const at = new Int32Array(this.at.length * 2);
    at.set(this.at);
    const marks = new Uint8Array(at.length);
    marks.set(this.marks);
    this.at = at;
    this.marks = marks;
  }
}
