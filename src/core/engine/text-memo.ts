// Facts about a cell's text remembered by the text's id (Row.ids: a workbook's shared-string
// index, the same for every cell of the same text). A subsidies sheet repeats its towns, natures
// and services on every row: what a rule computes from such a text (its kind, its hash, the
// characters it holds) is then computed once per distinct text instead of once per cell.

/** `stride` int32 slots per id, and whether the id's slots were filled. */
export class TextMemo {
  slots: Int32Array;
  private known: Uint8Array;

  constructor(readonly stride = 1) {
    this.slots = new Int32Array(256 * stride);
    this.known = new Uint8Array(256);
  }

  /** Whether `id` (≥ 0) has its slots filled; its slots start at `id * stride`. */
  has(id: number): boolean {
    return id < this.known.length && this.known[id] === 1;
  }

  /** Marks `id` (≥ 0) filled, growing the memo to hold it; returns where its slots start. */
  fill(id: number): number {
    if (id >= this.known.length) this.grow(id);
    this.known[id] = 1;
    return id * this.stride;
  }

  private grow(id: number): void {
    let n = this.known.length;
    while (n <= id) n *= 2;
    const known = new Uint8Array(n);
    known.set(this.known);
    const slots = new Int32Array(n * this.stride);
    slots.set(this.slots);
    this.known = known;
    this.slots = slots;
  }
}
