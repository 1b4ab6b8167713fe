// For the host tests: what the grid shows a person, read from the page as drawn (GridSeen), and
// a person's input replayed on the page as they would make it (a key on the focused grid, a
// click on a tab or a cell), so that the tests go through the same handlers as a person.
import type { GridInput, GridSeen } from '../../src/protocol/grid';
import type { VirtualGrid } from './virtual-grid';

export interface GridParts {
  grid: VirtualGrid;
  tabs: HTMLElement;
  status: HTMLElement;
  notice: HTMLElement;
}

const texts = (line: Element | null | undefined): string[] =>
  line ? Array.from(line.querySelectorAll('.cell'), (c) => c.textContent ?? '') : [];

export function seenOf({ grid, tabs, status, notice }: GridParts): GridSeen {
  const lineOf = (row: number) => grid.scroller.querySelector(`.cell[data-row="${row}"]`)?.parentElement;
  const cell = grid.scroller.querySelector<HTMLElement>('.cell.selected[data-row]');
  const { first, last } = grid.inView();
  let waiting = 0;
  for (let r = first; r <= last; r++) {
    const line = lineOf(r);
    if (!line || line.classList.contains('pending')) waiting++;
  }
  return {
    sheet: tabs.querySelector('[aria-selected="true"]')?.textContent ?? '',
    status: status.textContent ?? '',
    notice: notice.hidden ? '' : (notice.textContent ?? ''),
    selected: cell
      ? { row: Number(cell.dataset.row), column: Number(cell.dataset.col), text: cell.textContent ?? '', cells: texts(cell.parentElement) }
      : null,
    rows: { first, last, cells: texts(lineOf(first)) },
    waiting,
    focused: document.activeElement === grid.scroller,
  };
}

export function replay(input: GridInput, { grid, tabs }: GridParts): void {
  if ('key' in input) {
    grid.scroller.focus();
    const init = { key: input.key, ctrlKey: input.ctrl === true, bubbles: true, cancelable: true };
    grid.scroller.dispatchEvent(new KeyboardEvent('keydown', init));
  } else if ('tab' in input) {
    Array.from(tabs.querySelectorAll('button'))
      .find((b) => b.textContent === input.tab)
      ?.click();
  } else {
    const { row, column } = input.cell;
    grid.scroller.querySelector<HTMLElement>(`.cell[data-row="${row}"][data-col="${column}"]`)?.click();
  }
}
