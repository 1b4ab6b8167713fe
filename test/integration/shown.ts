// The warnings a command shows the person, read by replacing vscode.window.showWarningMessage
// while it runs (the extension and its tests share one vscode API object in the host).
import * as vscode from 'vscode';

/** Runs `run` and returns its result with the warning messages it showed, in order (no button is pressed). */
export async function warningsShownDuring<T>(run: () => Thenable<T>): Promise<{ result: T; shown: string[] }> {
  const win = vscode.window as { showWarningMessage: (...a: unknown[]) => Thenable<unknown> };
  const real = win.showWarningMessage;
  const shown: string[] = [];
  win.showWarningMessage = async (message: unknown) => (shown.push(String(message)), undefined);
  try {
    return { result: await run(), shown };
  } finally {
    win.showWarningMessage = real;
  }
}
