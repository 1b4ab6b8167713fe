// Counts the rows left out of a chart, by reason and column, with a few examples to show.
import type { Skip, SkipReason } from './series';

const EXAMPLES = 3;
const MAX_EXAMPLE_CHARS = 80;

export class SkipCounter {
  private readonly byKey = new Map<string, Skip>();

  add(reason: SkipReason, column: string | null, row: number, value: string): void {
    const key = `${reason}\u0000${column ?? ''}`;
    let s = this.byKey.get(key);
    if (!s) this.byKey.set(key, (s = { reason, column, rows: 0, examples: [] }));
    s.rows++;
    if (s.examples.length < EXAMPLES)
      s.examples.push({ row, value: value.length > MAX_EXAMPLE_CHARS ? value.slice(0, MAX_EXAMPLE_CHARS - 1) + '…' : value });
  }

  /** Adds `n` rows at once (dates found invalid once the column's format is known). */
  addMany(reason: SkipReason, column: string | null, n: number, example: { row: number; value: string }): void {
    this.add(reason, column, example.row, example.value);
    this.byKey.get(`${reason}\u0000${column ?? ''}`)!.rows += n - 1;
  }

  list(): Skip[] {
    return [...this.byKey.values()].map((s) => ({ ...s, examples: [...s.examples].sort((a, b) => a.row - b.row).slice(0, EXAMPLES) }));
  }
}
