// Scatter points: a uniform random sample (reservoir sampling) of at most MAX_POINTS rows.
// The generator is seeded so the same file always draws the same points: a chart that
// reshuffles on every edit would look like the data changed.
import { MAX_POINTS } from './config';

export class ScatterSampler {
  readonly points: { x: number; y: number }[] = [];
  seen = 0;
  private seed = 0x9e3779b9;

  constructor(private readonly size = MAX_POINTS) {}

  add(x: number, y: number): void {
    this.seen++;
    if (this.points.length < this.size) {
      this.points.push({ x, y });
      return;
    }
    const j = Math.floor(this.random() * this.seen);
    if (j < this.size) this.points[j] = { x, y };
  }

  get sampled(): boolean {
    return this.seen > this.points.length;
  }

  /** Numerical Recipes LCG: enough spread for sampling, and reproducible. */
  private random(): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed / 4294967296;
  }
}
