// A virtualised read-only grid: only the rows and columns in view exist in the DOM, so a
// sheet of 20 000+ rows scrolls as fast as a small one. It draws from the pages of rows it has
// (page-cache.ts); a row whose page is not there yet is drawn empty (class `pending`), its page
// asked through `onMissing`, and drawn again once it came (`refresh`). Every label is set as text.
import type { GridShape } from '../../src/core/sheet/grid-page';
import { cellRef, columnLetters } from '../../src/core/sheet/address';
import type { CellProblem } from '../../src/protocol/grid';
import { keyTarget, resolveMove, type Target } from './keys';
import type { GridRow } from './page-cache';

const ROW_H = 22;
const COL_W = 140;
const GUTTER_W = 56;
const OVERSCAN = 8;

/** What the grid tells the page around it. */
export interface GridEvents {
  onSelect(row: number, column: number): void;
  /** Rows `first`…`last` are drawn but their page is not there. */
  onMissing(first: number, last: number): void;
  /** A revealed row is drawn with its cells. */
  onRevealed(row: number, cells: string[]): void;
  /** A key's move waits for the sheet's whole shape (true), or no longer does (false). */
  onWaiting(waiting: boolean): void;
  /** The rows in view were drawn again. */
  onDrawn(): void;
}

export interface Marks {
  severity: CellProblem['severity'];
  messages: string[];
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

export class VirtualGrid {
  readonly scroller = document.createElement('div');
  private readonly canvas = document.createElement('div');
  private readonly head = document.createElement('div');
  private readonly body = document.createElement('div');
  private data: GridShape | null = null;
  private rowAt: (r: number) => GridRow | undefined = () => undefined;
  /** A revealed row not drawn with its cells yet: told once it is (onRevealed). */
  private revealing: number | null = null;
  private marks = new Map<string, Marks>();
  private headerLabels: string[] = [];
  private covered = new Map<string, string>();
  private hiddenCols = new Set<number>();
  private lastRange = '';
  private frame = 0;
  selected: { row: number; column: number } | null = null;
  /** A key's target beyond the rows or columns known yet: reached once the whole shape is in (resume). */
  private later: Target | null = null;
  /** The tooltip of a row whose page is on its way (translated by the host). */
  pendingTitle = '';

  constructor(private readonly on: GridEvents) {
    this.scroller.className = 'scroller';
    this.scroller.tabIndex = 0;
    this.canvas.className = 'canvas';
    this.head.className = 'head';
    this.canvas.append(this.head, this.body);
    this.scroller.append(this.canvas);
    this.scroller.style.setProperty('--row-h', `${ROW_H}px`);
    this.scroller.style.setProperty('--col-w', `${COL_W}px`);
    this.scroller.style.setProperty('--gutter-w', `${GUTTER_W}px`);
    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule(true)).observe(this.scroller);
    this.scroller.addEventListener('click', (e) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
      if (!el?.dataset.col) return;
      this.wait(null);
      this.select(Number(el.dataset.row), Number(el.dataset.col));
    });
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
  }

  get rowCount(): number {
    return this.data?.rowCount ?? 0;
  }

  /** A sheet to draw: its shape, and its rows as far as they are there. */
  setData(data: GridShape, rowAt: (r: number) => GridRow | undefined, problems: CellProblem[]): void {
    this.data = data;
    this.rowAt = rowAt;
    this.headerLabels = data.header;
    this.hiddenCols = new Set(data.hiddenColumns);
    this.covered = new Map();
    for (const m of data.merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.covered.set(`${r}:${c}`, r === m.top && c === m.left ? 'merged' : 'merged covered');
    this.canvas.style.height = `${(data.rowCount + 2) * ROW_H}px`;
    this.canvas.style.width = `${GUTTER_W + Math.max(1, data.width) * COL_W}px`;
    this.setProblems(problems);
  }

  setProblems(problems: CellProblem[]): void {
    this.marks = new Map();
    for (const p of problems) {
      if (p.row === null) continue;
      const key = `${p.row}:${p.column ?? 0}`;
      const m = this.marks.get(key);
      const line = p.column === null ? `${p.message}` : `${p.cell}: ${p.message}`;
      if (!m) this.marks.set(key, { severity: p.severity, messages: [line] });
      else {
        m.messages.push(line);
        if (RANK[p.severity] > RANK[m.severity]) m.severity = p.severity;
      }
    }
    this.schedule(true);
  }

  /** Scrolls `row`/`column` into view (below the frozen header) and selects it; a move waiting for the shape is dropped. */
  reveal(row: number, column: number | null): void {
    this.wait(null);
    this.show(row, column);
  }

  private show(row: number, column: number | null): void {
    const s = this.scroller;
    const top = (row + 1) * ROW_H;
    if (top - 2 * ROW_H < s.scrollTop || top + ROW_H > s.scrollTop + s.clientHeight) s.scrollTop = Math.max(0, top - s.clientHeight / 2);
    if (column !== null) {
      const left = GUTTER_W + (column - 1) * COL_W;
      if (left - GUTTER_W < s.scrollLeft || left + COL_W > s.scrollLeft + s.clientWidth)
        s.scrollLeft = Math.max(0, left - GUTTER_W - COL_W);
    }
    this.revealing = row;
    this.select(row, column ?? 1);
    this.scroller.focus();
  }

  /** The whole shape is in: a key's move that waited for it is made. */
  resume(): void {
    const target = this.later;
    if (!target || !this.data || this.data.partial) return;
    this.wait(null);
    const { now } = resolveMove(target, this.bounds());
    if (now) this.show(now.row, now.column);
  }

  /** Another sheet: what waited for the last one's shape is dropped. */
  forget(): void {
    this.wait(null);
    this.selected = null;
  }

  /** The first and last rows wholly in view below the frozen header. */
  inView(): { first: number; last: number } {
    const s = this.scroller;
    const first = Math.max(1, Math.ceil(s.scrollTop / ROW_H) + 1);
    return { first, last: Math.max(first, Math.min(this.rowCount, Math.floor((s.scrollTop + s.clientHeight) / ROW_H) - 2)) };
  }

  private wait(target: Target | null): void {
    const was = this.later !== null;
    this.later = target;
    if (was !== (target !== null)) this.on.onWaiting(target !== null);
  }

  private bounds() {
    return { rows: this.rowCount, columns: this.data?.width ?? 0, partial: this.data?.partial === true };
  }

  /** Rows came: draw again. */
  refresh(): void {
    this.schedule(true);
  }

  select(row: number, column: number): void {
    this.selected = { row, column };
    this.on.onSelect(row, column);
    this.schedule(true);
  }

  marksAt(row: number, column: number): Marks | undefined {
    return this.marks.get(`${row}:${column}`) ?? this.marks.get(`${row}:0`);
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.data) return;
    // Relative moves go on from a move still waiting (two ArrowDowns past the first page are two rows).
    const later = this.later;
    const from = later && later.row !== 'last' && later.column !== 'last' ? { row: later.row, column: later.column } : this.selected;
    // Nothing selected yet (the grid reached with Tab): an arrow selects the first cell in view.
    const start = { row: this.inView().first, column: 1 };
    let target = keyTarget(e.key, e.ctrlKey || e.metaKey, from ?? start);
    if (!target) return;
    if (!from && e.key !== 'Home' && e.key !== 'End') target = start;
    e.preventDefault();
    const move = resolveMove(target, this.bounds());
    this.wait(move.later);
    if (move.now) this.show(move.now.row, move.now.column);
  }

  private schedule(force = false): void {
    if (force) this.lastRange = '';
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    const s = this.scroller;
    const first = Math.max(1, Math.floor(s.scrollTop / ROW_H) - 2 - OVERSCAN);
    const last = Math.min(data.rowCount, Math.ceil((s.scrollTop + s.clientHeight) / ROW_H) + OVERSCAN);
    const c0 = Math.max(1, Math.floor((s.scrollLeft - GUTTER_W) / COL_W));
    const c1 = Math.min(Math.max(1, data.width), Math.ceil((s.scrollLeft + s.clientWidth) / COL_W) + 1);
    const range = `${first}-${last}:${c0}-${c1}`;
    if (range === this.lastRange) return;
    this.lastRange = range;
    this.head.replaceChildren(
      this.headLine(c0, c1, 'letters', (c) => columnLetters(c)),
      this.headLine(c0, c1, 'labels', (c) => this.headerLabels[c - 1] ?? ''),
    );
    const lines: HTMLElement[] = [];
    let missing: [number, number] | null = null;
    for (let r = first; r <= last; r++) {
      const row = this.rowAt(r);
      if (!row) missing = missing ? [missing[0], r] : [r, r];
      lines.push(this.line(r, row, c0, c1));
    }
    this.body.replaceChildren(...lines);
    if (missing) this.on.onMissing(missing[0], missing[1]);
    const revealed = this.revealing;
    if (revealed !== null && revealed >= first && revealed <= last && this.rowAt(revealed)) {
      this.revealing = null;
      const line = lines[revealed - first];
      this.on.onRevealed(
        revealed,
        Array.from(line.querySelectorAll('.cell'), (c) => c.textContent ?? ''),
      );
    }
    this.on.onDrawn();
  }

  private headLine(c0: number, c1: number, kind: string, text: (c: number) => string): HTMLElement {
    const line = document.createElement('div');
    line.className = `line ${kind}`;
    line.style.width = this.canvas.style.width;
    const corner = document.createElement('span');
    corner.className = 'gutter';
    line.append(corner);
    for (let c = c0; c <= c1; c++) line.append(this.cell(c, text(c), ''));
    return line;
  }

  private line(r: number, row: GridRow | undefined, c0: number, c1: number): HTMLElement {
    const data = this.data!;
    const values = row?.values;
    const kinds = row?.kinds ?? '';
    const line = document.createElement('div');
    const role = data.headerRows.includes(r) ? ' header' : data.above.includes(r) ? ' above' : '';
    line.className = `line${role}${row?.hidden ? ' hidden-row' : ''}${row ? '' : ' pending'}`;
    line.style.top = `${(r + 1) * ROW_H}px`;
    line.style.width = this.canvas.style.width;
    const gutter = document.createElement('span');
    gutter.className = 'gutter';
    gutter.textContent = String(r);
    if (!row) gutter.title = this.pendingTitle;
    const rowMarks = this.marks.get(`${r}:0`);
    if (rowMarks) {
      gutter.classList.add(rowMarks.severity);
      gutter.title = rowMarks.messages.join('\n');
    }
    line.append(gutter);
    for (let c = c0; c <= c1; c++) {
      const el = this.cell(c, values?.[c - 1] ?? '', kinds[c - 1] ?? ' ');
      el.dataset.row = String(r);
      el.dataset.col = String(c);
      const merged = this.covered.get(`${r}:${c}`);
      if (merged) el.className += ` ${merged}`;
      if (this.hiddenCols.has(c)) el.classList.add('hidden-col');
      const m = this.marks.get(`${r}:${c}`);
      if (m) {
        el.classList.add(m.severity);
        el.title = m.messages.join('\n');
      } else if (values?.[c - 1]) el.title = `${cellRef(c, r)}: ${values[c - 1]}`;
      if (this.selected?.row === r && this.selected.column === c) el.classList.add('selected');
      line.append(el);
    }
    return line;
  }

  private cell(c: number, text: string, kind: string): HTMLElement {
    const el = document.createElement('div');
    el.className = kind.trim() ? `cell ${kind}` : 'cell';
    el.style.left = `${GUTTER_W + (c - 1) * COL_W}px`;
    el.textContent = text;
    return el;
  }
}
