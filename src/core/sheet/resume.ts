// Lets a second reader take over a workbook part midway: it records what the visitor was
// told (which sheets it wanted, the last row of the sheet being read, the sheets finished),
// then filters the second reader's calls so the visitor sees each sheet and row once.
import type { SheetEnd, SheetMeta, SheetRow, WorkbookVisitor } from './types';

export class ResumableVisitor implements WorkbookVisitor {
  private readonly answers: (boolean | void)[] = [];
  private ended = 0;
  private lastRow = 0;

  constructor(private readonly visitor: WorkbookVisitor) {}

  sheet(meta: SheetMeta): boolean | void {
    const answer = this.visitor.sheet(meta);
    this.answers.push(answer);
    this.lastRow = 0;
    return answer;
  }

  row(row: SheetRow): void {
    this.lastRow = row.number;
    this.visitor.row(row);
  }

  sheetEnd(end: SheetEnd): void {
    this.ended = this.answers.length;
    this.visitor.sheetEnd(end);
  }

  /** The visitor for the second reader, which starts again from the first sheet. */
  resume(): WorkbookVisitor {
    let index = -1;
    return {
      sheet: (meta) => {
        index = meta.index;
        if (index < this.answers.length) return this.answers[index];
        return this.sheet(meta);
      },
      row: (row) => {
        if (index < this.ended) return;
        if (index === this.answers.length - 1 && row.number <= this.lastRow) return;
        this.row(row);
      },
      sheetEnd: (end) => {
        if (index < this.ended) return;
        this.sheetEnd(end);
      },
    };
  }
}
