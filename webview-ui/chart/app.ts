// The panel's page: heading, toolbar, notes, chart and data table, redrawn from each view
// the host sends. Keeps the last view in the webview state so a hidden-then-shown tab (or a
// reloaded window) draws at once, before the host answers.
import type { ChartConfig } from '../../src/core/chart/config';
import { chartHeading, fill, type ChartView, type ToWebview } from '../../src/protocol/chart';
import { Controls } from './controls';
import { formatters, pointsOf } from './labels';
import { Renderer } from './render';
import { renderSummary } from './summary';
import { renderTable } from './table';
import { readTheme, watchTheme } from './theme';
import { vscode } from './vscode-api';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.className = className;
  return e;
};

export class ChartApp {
  private view: ChartView | null = null;
  private readonly title = el('h1', 'title');
  private readonly heading = el('h2', 'heading');
  private readonly status = el('p', 'status');
  private readonly notes = el('div', 'notes');
  private readonly canvas = el('canvas', 'chart');
  private readonly chartBox = el('div', 'chart-box');
  private readonly table = el('table', 'data');
  private readonly tableBox = el('div', 'table-wrap');
  private readonly renderer = new Renderer(this.canvas);
  private readonly controls = new Controls({
    change: (config) => this.ask(config),
    exportPng: () => {
      const dataUrl = this.renderer.png();
      if (dataUrl) vscode.postMessage({ type: 'export-png', dataUrl });
    },
    save: (config) => vscode.postMessage({ type: 'save', config }),
  });

  constructor(root: HTMLElement) {
    this.status.setAttribute('role', 'status');
    this.canvas.setAttribute('role', 'img');
    this.chartBox.append(this.canvas);
    // A scrollable region must be focusable so keyboard users can scroll it.
    this.tableBox.tabIndex = 0;
    this.tableBox.setAttribute('role', 'region');
    this.tableBox.append(this.table);
    const header = el('header', 'header');
    header.append(this.title, this.heading);
    root.append(header, this.controls.element, this.status, this.notes, this.chartBox, this.tableBox);
    watchTheme(() => this.draw());
  }

  handle(msg: ToWebview): void {
    if (msg.type === 'png-request') {
      vscode.postMessage({ type: 'png', id: msg.id, dataUrl: this.renderer.png() });
      return;
    }
    if (msg.type === 'busy') {
      this.status.textContent = this.view?.strings.updating ?? '';
      return;
    }
    if (msg.type === 'problem') {
      this.status.textContent = msg.message;
      this.status.classList.add('problem');
      this.renderer.clear();
      this.table.replaceChildren();
      this.notes.replaceChildren();
      return;
    }
    this.show(msg.view);
  }

  show(view: ChartView): void {
    this.view = view;
    this.status.textContent = '';
    this.status.classList.remove('problem');
    vscode.setState({ source: view.source, config: view.result.config, view });
    this.draw();
  }

  /** A control changed: keep it for a reload, ask the host for the new points. */
  private ask(config: ChartConfig): void {
    if (this.view) vscode.setState({ source: this.view.source, config, view: this.view });
    vscode.postMessage({ type: 'config', config });
  }

  private draw(): void {
    const v = this.view;
    if (!v) return;
    const { result, strings: s } = v;
    const series = result.series;
    const f = formatters(v.locale, series?.kind ?? 'categories', s);
    const heading = chartHeading(result.config, s);
    this.title.textContent = v.title;
    this.heading.textContent = heading;
    this.controls.update(result.config, result.columns, s, Array.isArray(result.filterValues) ? result.filterValues : []);
    renderSummary(this.notes, result, s, f);
    this.canvas.setAttribute('aria-label', fill(s.canvasLabel, heading));
    this.tableBox.setAttribute('aria-label', s.tableCaption);
    if (!series) {
      this.renderer.clear();
      this.table.replaceChildren();
      return;
    }
    const points = pointsOf(series, f, s);
    // One readable line per horizontal bar (CSSOM style: allowed by the CSP, unlike a style attribute).
    this.chartBox.style.height = result.config.type === 'bar-horizontal' ? `${Math.max(320, points.length * 26 + 60)}px` : '';
    this.renderer.draw({ config: result.config, series, points, f, strings: s, theme: readTheme() });
    renderTable(this.table, result.config, series, points, s, f);
  }
}
