// The extension's output channel ("Open Data"). Never log secrets: callers pass messages
// that hold no API key (portal code redacts before logging).
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

function get(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Open Data', { log: true });
  return channel;
}

export const log = {
  info: (m: string) => get().info(m),
  warn: (m: string) => get().warn(m),
  error: (m: string) => get().error(m),
  dispose: () => channel?.dispose(),
};
