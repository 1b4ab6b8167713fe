// Rows a parser callback found, delivered to the visitor after the parser's write returns:
// one ODS element can stand for a million rows (`number-rows-repeated`), and expanding them
// inside the callback would block the thread, cancellation included. Drained in slices that
// yield to the event loop, so an abort (or the worker's cancel message) is seen within ~20 ms.
import { setImmediate as yieldNow } from 'node:timers/promises';
import type { CellBudget } from './limits';
import type { SheetEnd, SheetMeta, SheetRow, WorkbookVisitor } from './types';

type Job =
  { kind: 'sheet'; meta: SheetMeta } | { kind: 'row'; row: SheetRow; repeat: number; budget: CellBudget } | { kind: 'end'; end: SheetEnd };

const SLICE_MS = 16;

export class RowQueue {
  private jobs: Job[] = [];
  private skipping = false;

  constructor(
    private readonly visitor: WorkbookVisitor,
    private readonly signal?: AbortSignal,
  ) {}

  get pending(): boolean {
    return this.jobs.length > 0;
  }

  sheet(meta: SheetMeta): void {
    this.jobs.push({ kind: 'sheet', meta });
  }

  /** `row` then `repeat - 1` copies numbered after it; each copy is charged to `budget`. */
  row(row: SheetRow, repeat: number, budget: CellBudget): void {
    this.jobs.push({ kind: 'row', row, repeat, budget });
  }

  end(end: SheetEnd): void {
    this.jobs.push({ kind: 'end', end });
  }

  async drain(): Promise<void> {
    let since = performance.now();
    const maybeYield = async () => {
      if (performance.now() - since < SLICE_MS) return;
      await yieldNow();
      this.signal?.throwIfAborted();
      since = performance.now();
    };
    const jobs = this.jobs;
    this.jobs = [];
    for (const job of jobs) {
      if (job.kind === 'sheet') this.skipping = this.visitor.sheet(job.meta) === false;
      else if (job.kind === 'end') {
        if (!this.skipping) this.visitor.sheetEnd(job.end);
      } else if (!this.skipping) {
        const { row, repeat } = job;
        this.visitor.row(row);
        for (let k = 1; k < repeat; k++) {
          job.budget.take(row.values.length);
          this.visitor.row({ ...row, number: row.number + k, values: row.values.slice(), cells: row.cells.slice() });
          if ((k & 127) === 0) await maybeYield();
        }
      }
      await maybeYield();
    }
  }
}
