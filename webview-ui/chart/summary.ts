// The notes under the heading: how many rows were read and charted, what top-N or sampling
// left out, and every reason a row was skipped, with examples. Text nodes only.
import type { ChartResult } from '../../src/core/chart/aggregate';
import type { Skip, SkipReason } from '../../src/core/chart/series';
import { fill, type ChartStrings } from '../../src/protocol/chart';
import type { Formatters } from './labels';

const REASONS: Record<SkipReason, keyof ChartStrings> = {
  'blank-row': 'skipBlankRow',
  'missing-cell': 'skipMissingCell',
  'totals-row': 'skipTotalsRow',
  empty: 'skipEmpty',
  'not-a-number': 'skipNotANumber',
  'not-a-date': 'skipNotADate',
};

const p = (text: string, className?: string) => {
  const e = document.createElement('p');
  e.textContent = text;
  if (className) e.className = className;
  return e;
};

export function renderSummary(into: HTMLElement, r: ChartResult, s: ChartStrings, f: Formatters): void {
  into.replaceChildren();
  if (r.missing.length) {
    into.append(p(fill(s.missingColumns, r.missing.map((m) => `“${m}”`).join(', ')), 'warning'));
    return;
  }
  const series = r.series;
  if (!series) return;
  const st = series.stats;
  if (r.config.filter) into.append(p(fill(s.filterNote, r.config.filter.column, r.config.filter.value)));
  into.append(p(fill(s.rowsUsed, f.number(st.rows), f.number(st.used))));
  if (series.others)
    into.append(
      p(
        fill(
          s.topNote,
          f.number(series.labels.length),
          f.number(series.labels.length + series.others.categories),
          f.number(series.others.categories),
        ),
      ),
    );
  if (st.sampled) into.append(p(fill(s.sampleNote, f.number(series.xy.length), f.number(st.used))));
  if (st.truncated) into.append(p(s.truncatedNote, 'warning'));
  if (st.skipped.length) into.append(skipped(st.skipped, s, f));
}

function skipped(skips: Skip[], s: ChartStrings, f: Formatters): HTMLElement {
  const box = document.createElement('div');
  box.className = 'skipped';
  const total = skips.reduce((n, k) => n + k.rows, 0);
  const list = document.createElement('ul');
  for (const k of skips) {
    const li = document.createElement('li');
    li.textContent = fill(s[REASONS[k.reason]], f.number(k.rows), k.column ?? '');
    const examples = k.reason === 'blank-row' ? [] : k.examples.map((e) => fill(s.skipExample, e.row, `“${e.value}”`));
    if (examples.length) {
      const small = document.createElement('span');
      small.className = 'examples';
      small.textContent = ` — ${examples.join(' ; ')}`;
      li.append(small);
    }
    list.append(li);
  }
  box.append(p(fill(s.skippedTitle, f.number(total))), list);
  return box;
}
