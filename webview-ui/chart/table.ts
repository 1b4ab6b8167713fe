// The chart's data as a real table under the canvas: what screen readers read, what
// keyboard users can scroll, and the full labels the axes cut. Text nodes only.
import type { ChartConfig } from '../../src/core/chart/config';
import type { ChartSeries } from '../../src/core/chart/series';
import type { ChartStrings } from '../../src/protocol/chart';
import type { Formatters, Point } from './labels';

function row(cells: string[], header = false): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(header || i === 0 ? 'th' : 'td');
    if (header) cell.scope = 'col';
    else if (i === 0) cell.scope = 'row';
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

export function renderTable(
  table: HTMLTableElement,
  config: ChartConfig,
  series: ChartSeries,
  points: Point[],
  s: ChartStrings,
  f: Formatters,
): void {
  const caption = document.createElement('caption');
  caption.textContent = s.tableCaption;
  const head = document.createElement('thead');
  const body = document.createElement('tbody');
  if (series.kind === 'scatter') {
    head.append(row([config.category ?? 'x', config.value ?? 'y'], true));
    for (const pt of series.xy) body.append(row([f.number(pt.x), f.number(pt.y)]));
  } else {
    head.append(row([config.category ?? s.tableLabel, config.aggregation === 'count' ? s.count : s.tableValue, s.tableRows], true));
    for (const pt of points) {
      const tr = row([pt.label, f.number(pt.value), f.number(pt.rows)]);
      if (pt.others) tr.className = 'others';
      body.append(tr);
      // A treemap's second level, under its category: "Chapter › nature".
      for (const c of pt.children ?? []) {
        const child = row([`${pt.label} › ${c.label}`, f.number(c.value), f.number(c.rows)]);
        child.className = c.others ? 'child others' : 'child';
        body.append(child);
      }
    }
  }
  table.replaceChildren(caption, head, body);
}
