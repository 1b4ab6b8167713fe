// The `aggregate` worker task: large tables are read off the extension host thread, and the
// worker keeps the last pass so control changes on the same table answer at once.
import { RowTooLargeError } from '../read/csv';
import { SheetReadError, type SheetErrorKind } from '../sheet/errors';
import { aggregate, ChartCache, type AggregateRequest, type ChartResult } from './aggregate';
import { UnreadableError } from './read-rows';

/** Why a table cannot be charted at all; the host words it in the user's language. */
export type Unchartable =
  { reason: 'empty' | 'binary' | 'nul' | 'row-too-large' } | { reason: 'sheet'; kind: SheetErrorKind; detail?: string };

export type AggregateOutcome = { ok: true; result: ChartResult } | ({ ok: false } & Unchartable);

const cache = new ChartCache();

export async function aggregateTask(
  req: AggregateRequest,
  progress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<AggregateOutcome> {
  try {
    return { ok: true, result: await aggregate(req, cache, { onProgress: progress, signal }) };
  } catch (e) {
    if (e instanceof UnreadableError) return { ok: false, reason: e.kind };
    if (e instanceof RowTooLargeError) return { ok: false, reason: 'row-too-large' };
    if (e instanceof SheetReadError) return { ok: false, reason: 'sheet', kind: e.kind, detail: e.detail };
    throw e;
  }
}
