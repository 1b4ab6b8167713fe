// The toolbar: chart type, columns, aggregation, top-N, sort, date grouping, and the two
// actions. VS Code Elements controls; every option text is set with textContent.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { clampTopN, type ChartConfig } from '../../src/core/chart/config';
import type { ColumnInfo } from '../../src/core/chart/series';
import { fill, type ChartStrings } from '../../src/protocol/chart';

type Option = [value: string, text: string];

interface Field<E extends HTMLElement> {
  label: HTMLElement;
  control: E;
}

export interface ControlEvents {
  change(config: ChartConfig): void;
  exportPng(): void;
  save(config: ChartConfig): void;
}

let ids = 0;

export class Controls {
  readonly element = document.createElement('div');
  private readonly type = this.select();
  private readonly category = this.select();
  private readonly subcategory = this.select();
  private readonly rows = this.select();
  private readonly value = this.select();
  private readonly aggregation = this.select();
  private readonly topN = this.field(document.createElement('vscode-textfield'));
  private readonly sort = this.select();
  private readonly dates = this.select();
  private readonly exportButton = document.createElement('vscode-button');
  private readonly saveButton = document.createElement('vscode-button');
  /** Options last put in each select, so an unchanged list is not rebuilt (and does not flicker). */
  private readonly shown = new Map<VscodeSingleSelect, string>();
  private config: ChartConfig | null = null;

  constructor(private readonly on: ControlEvents) {
    this.element.className = 'toolbar';
    this.topN.control.type = 'number';
    this.topN.control.min = 1;
    this.topN.control.max = 999;
    this.exportButton.secondary = true;
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(this.exportButton, this.saveButton);
    for (const f of [
      this.type,
      this.category,
      this.subcategory,
      this.rows,
      this.value,
      this.aggregation,
      this.topN,
      this.sort,
      this.dates,
    ]) {
      const group = document.createElement('div');
      group.className = 'field';
      group.append(f.label, f.control);
      this.element.append(group);
      f.control.addEventListener('change', () => this.changed());
    }
    this.element.append(actions);
    this.exportButton.addEventListener('click', () => this.on.exportPng());
    this.saveButton.addEventListener('click', () => this.config && this.on.save(this.read()));
  }

  /** Shows `config` over `columns`, in the user's language. */
  update(config: ChartConfig, columns: ColumnInfo[], s: ChartStrings, filterValues: string[] = []): void {
    this.config = config;
    const scatter = config.type === 'scatter';
    this.fill(this.type, s.chartType, config.type, [
      ['bar', s.bar],
      ['bar-horizontal', s.barHorizontal],
      ['line', s.line],
      ['pie', s.pie],
      ['doughnut', s.doughnut],
      ['treemap', s.treemap],
      ['scatter', s.scatter],
    ]);
    const names = columns.map((c): Option => [c.name, c.name]);
    // Measures first: numbers that are not identifiers; then every other column.
    const measures = columns.filter((c) => c.kind === 'number' && !c.code);
    const valueOptions: Option[] = [...measures, ...columns.filter((c) => !measures.includes(c))].map((c) => [c.name, c.name]);
    this.fill(this.category, scatter ? s.xAxis : s.category, config.category ?? '', names);
    const treemap = config.type === 'treemap';
    this.fill(this.subcategory, s.subcategory, treemap ? (config.subcategory ?? '') : '', [['', s.noSubcategory], ...names]);
    this.subcategory.control.disabled = !treemap || config.dateBucket !== 'none';
    // The row filter (a budget's dépenses or recettes): offered when the table has several values to switch between.
    const f = config.filter;
    const switchable = !!f && filterValues.length > 1 && filterValues.includes(f.value);
    this.rows.control.parentElement!.hidden = !switchable;
    if (f && switchable)
      this.fill(
        this.rows,
        fill(s.filterRows, f.column),
        f.value,
        filterValues.map((v): Option => [v, v]),
      );
    this.fill(this.value, scatter ? s.yAxis : s.value, config.value ?? '', scatter ? valueOptions : [['', s.noValue], ...valueOptions]);
    this.fill(this.aggregation, s.aggregation, config.aggregation, [
      ['sum', s.sum],
      ['count', s.count],
      ['mean', s.mean],
      ['min', s.min],
      ['max', s.max],
    ]);
    this.fill(this.sort, s.sort, config.sort, [
      ['value-desc', s.sortValueDesc],
      ['value-asc', s.sortValueAsc],
      ['label', s.sortLabel],
      ['file', s.sortFile],
    ]);
    this.fill(this.dates, s.dates, config.dateBucket, [
      ['none', s.bucketNone],
      ['month', s.bucketMonth],
      ['year', s.bucketYear],
    ]);
    this.topN.label.textContent = s.topN;
    this.topN.control.value = String(config.topN);
    this.exportButton.textContent = s.exportPng;
    this.saveButton.textContent = s.saveChart;
    this.aggregation.control.disabled = scatter;
    this.dates.control.disabled = scatter;
    this.sort.control.disabled = scatter;
    // Top-N applies to categories only: dates are all shown, in order.
    this.topN.control.disabled = scatter || config.dateBucket !== 'none';
  }

  /** The config the controls show now. */
  read(): ChartConfig {
    const base = this.config!;
    const value = this.value.control.value || null;
    const topN = Number(this.topN.control.value);
    return {
      type: this.type.control.value as ChartConfig['type'],
      category: this.category.control.value || base.category,
      value,
      aggregation: this.aggregationFor(value, base),
      topN: Number.isFinite(topN) && topN > 0 ? clampTopN(topN) : base.topN,
      sort: this.sort.control.value as ChartConfig['sort'],
      dateBucket: this.dates.control.value as ChartConfig['dateBucket'],
      // The row filter's column stays as suggested or saved; its value is the one picked.
      ...(base.filter ? { filter: { column: base.filter.column, value: this.rows.control.value || base.filter.value } } : {}),
      // Kept while another chart type is shown, so going back to the treemap finds it again.
      ...this.subcategoryRead(base),
    };
  }

  private subcategoryRead(base: ChartConfig): Pick<ChartConfig, 'subcategory'> {
    const v = this.subcategory.control.disabled ? (base.subcategory ?? null) : this.subcategory.control.value || null;
    return v ? { subcategory: v } : {};
  }

  /** Picking a measure while counting means "sum it"; picking no measure means "count". */
  private aggregationFor(value: string | null, base: ChartConfig): ChartConfig['aggregation'] {
    const picked = this.aggregation.control.value as ChartConfig['aggregation'];
    if (value === null && this.type.control.value !== 'scatter') return 'count';
    return value !== base.value && picked === 'count' ? 'sum' : picked;
  }

  private changed(): void {
    if (!this.config) return;
    const next = this.read();
    if (JSON.stringify(next) !== JSON.stringify(this.config)) this.on.change(next);
  }

  private select(): Field<VscodeSingleSelect> {
    return this.field(document.createElement('vscode-single-select'));
  }

  private field<E extends HTMLElement>(control: E): Field<E> {
    const label = document.createElement('vscode-label');
    control.id = `control-${++ids}`;
    label.setAttribute('for', control.id);
    return { label, control };
  }

  private fill(f: Field<VscodeSingleSelect>, label: string, value: string, options: Option[]): void {
    f.label.textContent = label;
    const key = JSON.stringify(options);
    if (this.shown.get(f.control) !== key) {
      this.shown.set(f.control, key);
      f.control.replaceChildren(
        ...options.map(([v, text]) => {
          const o = document.createElement('vscode-option');
          o.value = v;
          o.textContent = text;
          return o;
        }),
      );
    }
    f.control.value = value;
  }
}
