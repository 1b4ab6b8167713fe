// Stops a workbook read from inside its visitor (the head of a sheet is all that is wanted):
// the readers already stop on an aborted signal at the next chunk or every 256 rows, so the
// visitor aborts a signal of its own, linked to the caller's, and ignores the rows in between.
export interface ReadStop {
  /** The signal to hand the reader: aborted by `stop()` or by the caller's signal. */
  readonly signal: AbortSignal;
  stop(): void;
  /** Whether `e` is this stop (not the caller's cancellation, not a read error). */
  isStop(e: unknown): boolean;
}

export function readStop(outer?: AbortSignal): ReadStop {
  const ac = new AbortController();
  const reason = new Error('read stopped after the rows wanted');
  if (outer?.aborted) ac.abort(outer.reason);
  else outer?.addEventListener('abort', () => ac.abort(outer.reason), { once: true });
  return {
    signal: ac.signal,
    stop: () => ac.abort(reason),
    isStop: (e) => e === reason && !outer?.aborted,
  };
}
