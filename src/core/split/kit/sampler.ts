// A column is judged on a sample: after its first `size` non-empty cells, a rule gives up the
// columns that do not look like what it checks (dates, numbers) and stops looking at them. Across
// a split the sample may end in a later part: that part notes its counters before each of its
// column's first cells, and the first part judges at the cell one pass would have (record/replay).
// Used by date-format and number-format.

/** The sampler as it crosses threads (plain data). */
export interface SamplerState {
  /** Non-empty cells per column. */
  seen: number[];
  /** Later part, per column still in its sample at the cut: the counters before each of its first cells. */
  prefix: (Int32Array | null)[];
}

export class ColumnSampler {
  /** Non-empty cells seen per column. */
  seen: number[] = [];
  /** The ordinal at which each column is judged: `size`, or never (−1) in a later part, where the first part judges. */
  private judgeAt: number[] = [];
  private prefix: (Int32Array | null)[] = [];

  /** `lanes`: how many counters the rule judges a column on (date-format: dates and serials). */
  constructor(
    readonly size: number,
    private readonly lanes: number,
  ) {}

  columns(n: number): void {
    this.seen = new Array<number>(n).fill(0);
    this.judgeAt = new Array<number>(n).fill(this.size);
    this.prefix = new Array<Int32Array | null>(n).fill(null);
  }

  /**
   * Column `i`'s next non-empty cell, given the rule's counters before it: true when its sample
   * is judged at this cell (the rule then decides with the same counters).
   */
  next(i: number, a: number, b = 0): boolean {
    const n = ++this.seen[i];
    const p = this.prefix[i];
    if (p && n <= this.size) {
      p[this.lanes * n] = a;
      if (this.lanes > 1) p[this.lanes * n + 1] = b;
    }
    return n === this.judgeAt[i];
  }

  /** Later part, once the head is visited: `settled` columns keep their verdict; the others note their sample's start. */
  resume(settled: (i: number) => boolean): void {
    this.prefix = this.seen.map((n, i) => (settled(i) || n >= this.size ? null : new Int32Array(this.lanes * (this.size + 1))));
    this.judgeAt = this.judgeAt.map(() => -1);
    this.seen = this.seen.map(() => 0);
  }

  handOver(): SamplerState {
    return { seen: this.seen, prefix: this.prefix };
  }

  /**
   * First part: where column `i`'s sample ends in the later part, the counters of the later part
   * before that cell (to add to this part's and judge, as one pass does); null when it ended here.
   */
  judgedLater(later: SamplerState, i: number): number[] | null {
    const at = this.size - this.seen[i];
    const p = later.prefix[i];
    if (at <= 0 || !p || later.seen[i] < at) return null;
    return this.lanes > 1 ? [p[this.lanes * at], p[this.lanes * at + 1]] : [p[at]];
  }

  /** First part, after `judgedLater`: the later part's cells count as this column's. */
  add(later: SamplerState, i: number): void {
    this.seen[i] += later.seen[i];
  }
}
