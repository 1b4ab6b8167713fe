// Where a key moves the grid's selection: arrows and pages by rows and columns, Home/End to the
// row's first or last column, Ctrl (Cmd) + Home/End to the sheet's first or last cell. A large
// sheet shows its first page before its whole shape: a move past the rows known then waits for
// the shape (Ctrl+End goes to the real last row, not to the first page's). No DOM: unit-tested.

export interface Cell {
  row: number;
  column: number;
}

/** A cell a key aims at: `'last'` is the sheet's last row or column, whatever it turns out to be. */
export interface Target {
  row: number | 'last';
  column: number | 'last';
}

/** The sheet as known: its rows and columns, and whether that is only its first page. */
export interface Bounds {
  rows: number;
  columns: number;
  partial: boolean;
}

/** Rows a PageUp/PageDown moves. */
export const PAGE_KEY_ROWS = 20;

const STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  PageUp: [-PAGE_KEY_ROWS, 0],
  PageDown: [PAGE_KEY_ROWS, 0],
};

/** The target of `key` from cell `from`; null for a key that does not move. */
export function keyTarget(key: string, ctrl: boolean, from: Cell): Target | null {
  if (key === 'Home') return ctrl ? { row: 1, column: 1 } : { row: from.row, column: 1 };
  if (key === 'End') return ctrl ? { row: 'last', column: 'last' } : { row: from.row, column: 'last' };
  const step = STEPS[key];
  return step ? { row: Math.max(1, from.row + step[0]), column: Math.max(1, from.column + step[1]) } : null;
}

export interface Move {
  /** The cell to go to now, or null when its row is not known yet (the move waits for the whole shape). */
  now: Cell | null;
  /** What to do again once the whole shape is there (the target's row or column was beyond what is known). */
  later: Target | null;
}

/** How `target` is reached in a sheet known as far as `bounds`. */
export function resolveMove(target: Target, bounds: Bounds): Move {
  const rows = Math.max(1, bounds.rows);
  const columns = Math.max(1, bounds.columns);
  const cell = {
    row: target.row === 'last' ? rows : Math.min(target.row, rows),
    column: target.column === 'last' ? columns : Math.min(target.column, columns),
  };
  if (!bounds.partial) return { now: cell, later: null };
  const rowKnown = target.row !== 'last' && target.row <= rows;
  const columnKnown = target.column !== 'last' && target.column <= columns;
  // A column beyond the first page's is rare (a wider row further down): go to the last one
  // known now, and further once the shape says so. A row beyond it waits.
  return { now: rowKnown ? cell : null, later: rowKnown && columnKnown ? null : target };
}
