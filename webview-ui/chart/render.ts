// Draws the points with chart.js on a canvas. Labels come from the data, and the canvas
// draws them as pixels, so no label can become markup. Only the parts used are registered,
// which keeps the bundle small; chart.js needs no eval, so the strict CSP holds.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap';
import type { Theme } from './theme';
import { treemapConfig } from './treemap';
import type { Drawing } from './drawing';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Tooltip,
  TreemapController,
  TreemapElement,
);

/** Axis labels longer than this are cut (the tooltip and the table keep them whole). */
const MAX_TICK = 28;
const cut = (s: string) => (s.length > MAX_TICK ? s.slice(0, MAX_TICK - 1) + '…' : s);

export class Renderer {
  private chart: Chart | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  draw(d: Drawing): void {
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, configFor(d));
  }

  clear(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  /** The chart as a PNG data URL, on the theme's background (a transparent PNG is unreadable elsewhere). */
  png(): string | null {
    return this.chart ? this.canvas.toDataURL('image/png') : null;
  }
}

function configFor(d: Drawing): ChartConfiguration {
  const { theme, f } = d;
  const base = {
    responsive: true,
    maintainAspectRatio: false,
    // No animation: honours reduced motion, and an export never catches a half-drawn chart.
    animation: false as const,
    color: theme.foreground,
    font: { family: theme.font },
  };
  const plugins = [background(theme.background)];
  if (d.config.type === 'scatter') {
    return {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: d.config.value ?? '',
            data: d.series.xy,
            backgroundColor: theme.palette[0],
            borderColor: theme.border ?? theme.palette[0],
            pointRadius: 3,
          },
        ],
      },
      options: {
        ...base,
        scales: {
          x: axis(theme, d.config.category ?? '', (v) => f.number(Number(v))),
          y: axis(theme, d.config.value ?? '', (v) => f.number(Number(v))),
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: { label: (c) => `${f.number((c.parsed as { x: number }).x)} ; ${f.number((c.parsed as { y: number }).y)}` },
          },
        },
      },
      plugins,
    };
  }
  const labels = d.points.map((p) => p.label);
  const values = d.points.map((p) => p.value);
  const rows = (i: number) => `${d.strings.tableRows}: ${f.number(d.points[i].rows)}`;
  const tooltip = {
    callbacks: {
      label: (c: { dataIndex: number }) => f.number(values[c.dataIndex]),
      afterLabel: (c: { dataIndex: number }) => rows(c.dataIndex),
    },
  };
  if (d.config.type === 'treemap') return treemapConfig(d, base, plugins);
  if (d.config.type === 'pie' || d.config.type === 'doughnut') {
    const colours = d.points.map((p, i) => (p.others ? theme.muted : theme.palette[i % theme.palette.length]));
    return {
      type: d.config.type,
      data: {
        labels,
        datasets: [
          { data: values, backgroundColor: colours, borderColor: theme.border ?? theme.background, borderWidth: theme.border ? 2 : 1 },
        ],
      },
      options: {
        ...base,
        plugins: { legend: { position: 'right', labels: { color: theme.foreground, generateLabels: cutLegend } }, tooltip },
      },
      plugins,
    };
  }
  const horizontal = d.config.type === 'bar-horizontal';
  const colours = d.points.map((p) => (p.others ? theme.muted : theme.palette[0]));
  // The heading already names the category column: no axis title to crowd long labels.
  const categoryAxis = axis(theme, '', (_v, i) => cut(labels[i] ?? ''));
  const valueAxis = axis(theme, d.config.aggregation === 'count' ? d.strings.count : (d.config.value ?? ''), (v) => f.number(Number(v)));
  return {
    type: d.config.type === 'line' ? 'line' : 'bar',
    data: {
      labels,
      datasets: [
        {
          data: values,
          backgroundColor: d.config.type === 'line' ? theme.palette[0] : colours,
          borderColor: theme.border ?? theme.palette[0],
          borderWidth: theme.border || d.config.type === 'line' ? 2 : 0,
          pointRadius: d.config.type === 'line' ? 3 : undefined,
          spanGaps: false,
        },
      ],
    },
    options: {
      ...base,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { legend: { display: false }, tooltip },
    },
    plugins,
  };
}

function axis(theme: Theme, title: string, tick: (value: string | number, index: number) => string) {
  return {
    ticks: { color: theme.foreground, callback: tick, autoSkip: true },
    grid: { color: theme.grid },
    border: { color: theme.border ?? theme.grid },
    title: { display: title !== '', text: title, color: theme.foreground },
  };
}

/** Legend entries use the same cut labels as the axes. */
function cutLegend(chart: Chart) {
  return Chart.overrides.pie.plugins.legend.labels.generateLabels(chart).map((l) => ({ ...l, text: cut(l.text) }));
}

/** Paints the theme background under the chart, so the exported PNG has one. */
function background(colour: string): Plugin {
  return {
    id: 'odwBackground',
    beforeDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
}
