// A workbook read hands the event loop back every few milliseconds. Inflated chunks are often
// already buffered, so `for await` alone never lets a macrotask in: a request the worker gets
// meanwhile (the grid's first screen while the whole workbook is linted) would wait for the end.
import { setImmediate as yieldNow } from 'node:timers/promises';

const TURN_MS = 12;

/** A function to await once per chunk: it yields when the read has held the loop for TURN_MS. */
export function takeTurns(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < TURN_MS) return undefined;
    return yieldNow().then(() => {
      since = performance.now();
    });
  };
}
