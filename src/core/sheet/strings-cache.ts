// The shared strings of the last workbook read, kept a short while. Opening a large workbook
// reads it several times in a row (the head lint, the grid's first screen, the whole lint, the
// whole grid), and its shared strings are the part each read must take whole before its first
// row: read once, they cost one parse instead of four. One workbook's strings at most, let go
// KEEP_MS after their last use.
import { SheetReadError } from './errors';
import type { SharedStrings } from './shared-strings';
import { forceSaxes } from './scanner-choice';

const KEEP_MS = 30_000;

let last: { key: string; strings: Promise<SharedStrings>; timer: ReturnType<typeof setTimeout> } | null = null;

function forget(key: string): void {
  if (last?.key !== key) return;
  clearTimeout(last.timer);
  last = null;
}

/** The strings of the part `identity` names, read by `read` unless the last read was of the same part. */
export async function cachedStrings(
  identity: string | null,
  read: () => Promise<SharedStrings>,
  signal?: AbortSignal,
): Promise<SharedStrings> {
  if (identity === null) return read();
  // The two readers are compared with each other: each reads for itself.
  const key = `${forceSaxes() ? 'saxes' : 'fast'}\0${identity}`;
  if (last?.key !== key) {
    if (last) forget(last.key);
    const strings = read();
    last = { key, strings, timer: setTimeout(() => forget(key), KEEP_MS) };
    last.timer.unref?.();
    strings.catch(() => forget(key));
  } else {
    clearTimeout(last.timer);
    last.timer = setTimeout(() => forget(key), KEEP_MS);
    last.timer.unref?.();
  }
  const mine = last.strings;
  try {
    return await mine;
  } catch (e) {
    // Not the part's fault (the read that started it was cancelled): this one reads them itself.
    if (signal?.aborted || e instanceof SheetReadError) throw e;
    return read();
  }
}
