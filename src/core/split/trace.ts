// ODW_SPLIT_TRACE=1: a split lint prints when each of its steps ends, on stderr (both threads), to
// see whether its parts end together. Null otherwise, so a call costs nothing. Times are the
// process's uptime, one clock for every thread (a worker's performance.now() starts with the worker).
export function splitTrace(label: string): ((what: string) => void) | null {
  if (process.env.ODW_SPLIT_TRACE !== '1') return null;
  return (what) => process.stderr.write(`[${label}] ${what} at ${(process.uptime() * 1000).toFixed(0)} ms\n`);
}
