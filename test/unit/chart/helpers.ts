// Shared by the chart unit tests: fixture paths and a one-call aggregation of CSV text.
import * as path from 'node:path';
import { aggregate, type ChartResult } from '../../../src/core/chart/aggregate';
import { DEFAULT_CONFIG, type ChartConfig } from '../../../src/core/chart/config';

/** test/fixtures/<rel>; this file compiles to out-test/test/unit/chart/. */
export function fixture(rel: string): string {
  return path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', rel);
}

export function chartOf(text: string, config: Partial<ChartConfig> | null): Promise<ChartResult> {
  return aggregate({ source: { kind: 'text', text }, config: config && { ...DEFAULT_CONFIG, ...config } });
}

/** label → value of a result's points. */
export function pointsOf(r: ChartResult): Record<string, number | null> {
  const s = r.series!;
  return Object.fromEntries(s.labels.map((l, i) => [l, s.values[i]]));
}
