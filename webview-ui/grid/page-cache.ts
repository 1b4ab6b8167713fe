// The pages of rows the grid holds: the most recently drawn ones, at most `capacity` (the
// webview's memory stays that of a few screens, whatever the sheet), and which pages it has
// asked the host for, so that scrolling over a page asks for it once. No DOM: unit-tested.
import { GRID_MAX_REQUEST_PAGES, GRID_PAGE_ROWS, pageOf, pageStart, pagesFor, type GridPage } from '../../src/core/sheet/grid-page';

/** Pages kept: 32 × 256 rows, some thousands of rows around the screens seen last. */
export const GRID_CACHE_PAGES = 32;

/** A row as the grid draws it. */
export interface GridRow {
  values: string[] | null;
  kinds: string;
  hidden: boolean;
}

export class PageCache {
  /** By page index, least recently used first (a Map keeps insertion order). */
  private readonly pages = new Map<number, { page: GridPage; hidden: Set<number> }>();
  private readonly asked = new Set<number>();

  constructor(private readonly capacity = GRID_CACHE_PAGES) {}

  get size(): number {
    return this.pages.size;
  }

  /** Drops everything: a new load (another sheet, or the file read again). */
  clear(): void {
    this.pages.clear();
    this.asked.clear();
  }

  put(page: GridPage): void {
    this.asked.delete(page.index);
    this.pages.delete(page.index);
    this.pages.set(page.index, { page, hidden: new Set(page.hidden) });
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      this.pages.delete(oldest);
    }
  }

  has(index: number): boolean {
    return this.pages.has(index);
  }

  /** Row `r` (1-based); undefined while its page is not there. Marks its page as just used. */
  row(r: number): GridRow | undefined {
    const index = pageOf(r);
    const entry = this.pages.get(index);
    if (!entry) return undefined;
    this.pages.delete(index);
    this.pages.set(index, entry);
    const at = r - pageStart(index);
    return { values: entry.page.rows[at] ?? null, kinds: entry.page.kinds[at] ?? '', hidden: entry.hidden.has(r) };
  }

  /**
   * The row range to ask for, so that rows `first`…`last` of a sheet of `rowCount` rows are all
   * there: from the first page neither held nor asked to the last one (at most a request's
   * worth), then marked as asked. Null when nothing is missing.
   */
  request(first: number, last: number, rowCount: number): { first: number; last: number } | null {
    const missing = pagesFor(first, last, rowCount).filter((p) => !this.pages.has(p) && !this.asked.has(p));
    if (missing.length === 0) return null;
    const from = missing[0];
    const to = Math.min(missing[missing.length - 1], from + GRID_MAX_REQUEST_PAGES - 1);
    for (let p = from; p <= to; p++) if (!this.pages.has(p)) this.asked.add(p);
    return { first: pageStart(from), last: Math.min(rowCount, pageStart(to) + GRID_PAGE_ROWS - 1) };
  }
}
