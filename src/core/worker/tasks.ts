// The jobs the worker thread runs, by name. Each task is a pure async function of plain
// (structured-cloneable) data. Adding a task = one entry here.
import { lintCsvText, type CsvLintOptions } from '../lint-csv';
import { lintFile, type FileLintOptions } from '../lint-file';
import { sniffFileEncoding } from '../read/sniff-file';

export interface TaskProgress {
  (done: number, total: number): void;
}

export const tasks = {
  /** Lints editor text (VS Code has decoded it already). */
  lintText: async (args: { text: string; options: CsvLintOptions }) => lintCsvText(args.text, args.options),
  /** Lints a file from disk, streaming when it is large. */
  lintFile: async (args: { path: string; options: FileLintOptions }, progress: TaskProgress, signal: AbortSignal) =>
    lintFile(args.path, { ...args.options, onProgress: progress, signal }),
  /** What the bytes on disk say about the encoding (the editor only sees decoded text). */
  sniffEncoding: async (args: { path: string }) => sniffFileEncoding(args.path),
} satisfies Record<string, (args: any, progress: TaskProgress, signal: AbortSignal) => Promise<unknown>>;

export type TaskName = keyof typeof tasks;
export type TaskArgs<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>;
