// What the host tests read of a grid (openData._gridState: what it draws, as a person sees it)
// and how they act on it as a person would (openData._gridInput: a key, a tab, a cell clicked).
import * as vscode from 'vscode';
import type { GridInput, GridSeen } from '../../src/protocol/grid';
import type { GridProbe } from '../../src/vscode/grid/index';

export const GRID = 'openData.grid';

export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const gridState = (uri: vscode.Uri) => vscode.commands.executeCommand<GridProbe>('openData._gridState', uri);

/** A key, a tab or a cell clicked on the grid of `uri`; whether its sheet was still being read when sent. */
export const gridInput = (uri: vscode.Uri, input: GridInput) =>
  vscode.commands.executeCommand<{ partial: boolean } | undefined>('openData._gridInput', uri, input);

/** What the grid shows once `pred` holds of it; the last thing it showed in the error otherwise. */
export async function seenWhere(uri: vscode.Uri, what: string, pred: (s: GridSeen) => boolean, ms = 30_000): Promise<GridSeen> {
  let last: GridSeen | undefined;
  try {
    return await until(
      what,
      async () => {
        last = (await gridState(uri)).seen;
        return last && pred(last) ? last : undefined;
      },
      ms,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}; the grid showed ${JSON.stringify(last)}`);
  }
}

/** The cell drawn selected at `row`, `column` with its text (not a row still waiting for its page). */
export const selectedAt = (row: number, column: number, text: string) => (s: GridSeen) =>
  s.selected?.row === row && s.selected.column === column && s.selected.text === text;
