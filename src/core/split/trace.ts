// ODW_SPLIT_TRACE=1: a split lint prints when each of its steps ends, on stderr (both threads), to
// see whether its parts end together. Null otherwise, so a call costs nothing.
export function splitTrace(label: string): ((what: string) => void) | null {
  if (process.env.ODW_SPLIT_TRACE !== '1') return null;
  const t0 = performance.now();
  return (what) => process.stderr.write(`[${label}] ${what} after ${(performance.now() - t0).toFixed(0)} ms\n`);
}
