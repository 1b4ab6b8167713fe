// "No schema declared although a catalog schema matches its columns": only after the user
// agreed, the first bytes of each undeclared dataset's first CSV resource are downloaded
// (never the whole file, no API key sent) and its header compared with the catalog.
import Papa from 'papaparse';
import { decode } from '../read/decode';
import { detectDelimiter } from '../read/dialect';
import { detectSchema } from '../schema/detect';
import { assertSafeUrl } from '../portal/url';
import type { PublishedDataset } from './types';

/** Enough for any header line. */
export const HEAD_BYTES = 64 * 1024;

export interface ColumnCheckOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

async function head(url: string, o: ColumnCheckOptions): Promise<Buffer> {
  assertSafeUrl(url);
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), o.timeoutMs ?? 15_000);
  const onAbort = () => ctl.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await (o.fetch ?? fetch)(url, { signal: ctl.signal, headers: { 'User-Agent': 'open-data-workbench' } });
    // A redirect may lead anywhere: the address that answered must be as safe as the first.
    if (res.url) assertSafeUrl(res.url);
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = res.body.getReader();
    while (size < HEAD_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      size += value.length;
    }
    await reader.cancel().catch(() => undefined);
    return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}

export function headerOf(bytes: Buffer): string[] {
  let text = decode(bytes).text;
  // The last line is probably cut: keep whole lines only.
  const nl = text.lastIndexOf('\n');
  if (bytes.length >= HEAD_BYTES && nl > 0) text = text.slice(0, nl);
  const first = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), preview: 1 }).data[0] ?? [];
  return first.map((v) => String(v).trim());
}

/** Datasets that declare no schema and have a CSV resource: candidates for the check. */
export function undeclaredCsv(datasets: readonly PublishedDataset[]): PublishedDataset[] {
  return datasets.filter((d) => !d.schema && d.resources.some((r) => r.format === 'csv' && r.url));
}

/** Sets `suggestedSchema` on the datasets whose CSV header matches a catalog schema; returns how many were read. */
export async function checkColumns(datasets: PublishedDataset[], o: ColumnCheckOptions = {}): Promise<{ read: number; failed: number }> {
  let read = 0;
  let failed = 0;
  for (const d of undeclaredCsv(datasets)) {
    if (o.signal?.aborted) break;
    const r = d.resources.find((x) => x.format === 'csv' && x.url)!;
    try {
      const match = detectSchema(headerOf(await head(r.url!, o)));
      read++;
      if (match) d.suggestedSchema = { name: match.ref.name, matched: match.matched, total: match.total };
      else delete d.suggestedSchema;
    } catch {
      failed++;
    }
  }
  return { read, failed };
}
