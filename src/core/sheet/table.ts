// Turns the stored rows of one sheet into the table the rules lint, as if it were a CSV:
// header found first (rows above it left out), rows padded to the table's width, gaps
// between stored rows made blank rows, trailing empty rows dropped unless the file stores cells in them.
import type { Row } from '../model';
import type { SheetFacts } from './facts';
import { detectHeader, HEADER_SAMPLE } from './header';
import { CellBudget } from './limits';
import type { SheetMeta, SheetRow } from './types';

/** Rows kept before deciding the header even if they are all blank (a sheet of empty formatted rows). */
const MAX_BUFFER = 500;

const hasContent = (r: SheetRow) => r.values.some((v) => v !== '') || r.cells.some((c) => c?.formula !== undefined);

export class SheetTableFeeder {
  readonly facts: SheetFacts;
  private buffer: SheetRow[] = [];
  private buffered = 0;
  private decided = false;
  private lastPushed = 0;
  private lastStoredBlank = 0;
  private blank: string[] = [];
  /** Rows × width handed to the linter: a jump to row 1 048 576 of a 16 384-column table is refused, not linted. */
  private readonly budget: CellBudget;
  /** Rows pushed to the sink, header excluded. */
  rows = 0;

  constructor(
    meta: SheetMeta,
    format: 'xlsx' | 'ods',
    private readonly sink: (row: Row) => void,
    private readonly forcedHeader?: number,
  ) {
    this.facts = {
      format,
      sheet: meta,
      header: { rows: [], above: [], noHeader: false, labels: [], candidates: [], ambiguous: false },
      width: 0,
      hiddenRows: new Set(),
      hiddenColumns: [],
      merges: [],
    };
    this.budget = new CellBudget(meta.name);
  }

  /** True once a header row was found (false for an empty sheet). */
  get hasTable(): boolean {
    return this.facts.header.rows.length > 0;
  }

  add(r: SheetRow): void {
    if (this.decided) return this.take(r);
    this.buffer.push(r);
    if (hasContent(r)) this.buffered++;
    if (this.buffered >= 2 * HEADER_SAMPLE || this.buffer.length >= MAX_BUFFER) this.decide();
  }

  end(): void {
    if (!this.decided) this.decide();
    for (let n = this.lastPushed + 1; this.hasTable && n <= this.lastStoredBlank; n++) this.pushBlank(n);
  }

  private decide(): void {
    this.decided = true;
    const guess = detectHeader(this.buffer, this.forcedHeader);
    this.facts.header = guess;
    const buffer = this.buffer;
    this.buffer = [];
    if (guess.rows.length === 0) return;
    const last = guess.rows[guess.rows.length - 1];
    const after = buffer.filter((r) => r.number > last);
    const width = Math.max(lastFilled(guess.labels), ...after.slice(0, HEADER_SAMPLE).map((r) => lastFilled(r.values)));
    this.facts.width = width;
    this.blank = Object.freeze(new Array<string>(width).fill('')) as string[];
    const headRow = buffer.find((r) => r.number === last)!;
    this.sink({ number: last, values: pad(guess.labels.slice(0, Math.max(width, lastFilled(guess.labels))), width), cells: headRow.cells });
    this.lastPushed = last;
    for (const r of after) this.take(r);
  }

  private take(r: SheetRow): void {
    if (!hasContent(r)) {
      if (r.stored) this.lastStoredBlank = r.number;
      return;
    }
    for (let n = this.lastPushed + 1; n < r.number; n++) this.pushBlank(n);
    if (r.hidden) this.facts.hiddenRows.add(r.number);
    this.budget.take(Math.max(this.facts.width, r.values.length));
    pad(r.values, this.facts.width);
    while (r.cells.length < r.values.length) r.cells.push(undefined);
    this.rows++;
    this.sink(r);
    this.lastPushed = r.number;
  }

  private pushBlank(n: number): void {
    this.budget.take(this.facts.width);
    this.rows++;
    this.sink({ number: n, values: this.blank, cells: [] });
    this.lastPushed = n;
  }
}

function lastFilled(values: string[]): number {
  let n = values.length;
  while (n > 0 && values[n - 1].trim() === '') n--;
  return n;
}

function pad(values: string[], width: number): string[] {
  while (values.length < width) values.push('');
  return values;
}
