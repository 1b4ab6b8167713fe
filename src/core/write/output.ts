// The files the commands write (clean, convert, standardise, recipes). Each is written to
// `<out>.<pid>.part` and renamed over `out` once complete, so a failed run never leaves a
// half-written output, and a link at `out` is replaced rather than written through: a symbolic
// or hard link to the input cannot turn "write a new file" into "modify the input".
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import type { Lang } from '../model';

const partOf = (out: string) => `${out}.${process.pid}.part`;

/** Whether `a` and `b` name the same file (same path, or links to one file). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** Why `out` cannot be written (its folder is missing, it is a folder), or null. Checked before any work. */
export function outputProblem(out: string, lang: Lang): string | null {
  const fr = lang === 'fr';
  const dir = dirname(resolve(out));
  const d = statSync(dir, { throwIfNoEntry: false });
  if (!d || !d.isDirectory())
    return fr ? `impossible d’écrire ${out} : le dossier ${dir} n’existe pas` : `cannot write ${out}: the folder ${dir} does not exist`;
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory())
    return fr ? `impossible d’écrire ${out} : c’est un dossier` : `cannot write ${out}: it is a folder`;
  return null;
}

/** Writes `text` to `out` whole, or not at all. */
export async function writeOutput(out: string, text: string): Promise<void> {
  const part = partOf(out);
  try {
    await writeFile(part, text, 'utf8');
    await rename(part, out);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

/** An output written as a stream: `commit()` makes it `out`, `abort()` leaves nothing. */
export class OutputStream {
  readonly stream: WriteStream;
  private readonly part: string;
  private failure: Error | null = null;

  constructor(private readonly out: string) {
    this.part = partOf(out);
    this.stream = createWriteStream(this.part);
    // An unwritable path surfaces in write()/drained()/commit(), never as an unhandled 'error' event.
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  /** Resolves when the stream can take more (rejects if it failed meanwhile). */
  async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    if (!this.failure) await new Promise<void>((res) => this.stream.end((e?: Error | null) => ((this.failure ??= e ?? null), res())));
    if (this.failure) {
      await this.abort();
      throw this.failure;
    }
    await rename(this.part, this.out);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.part, { force: true });
  }
}
