// One chart from one table in one pass: the first rows are profiled (and a chart suggested
// when none is asked for), then every row streams into the groups, which are shaped into
// at most MAX_POINTS points. The last pass is cached so that changing the aggregation, sort,
// top-N or chart type of the same table reshapes without re-reading the file.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Row, TableFormat } from '../model';
import { detectSchema } from '../schema/detect';
import { groupingKey, subcategoryOf, type ChartConfig } from './config';
import { findColumn, profileColumns, type ColumnProfile } from './columns';
import { Grouper, type GroupSpec, type Grouped } from './grouper';
import { readFileRows, readTextRows, type CsvFormat, type ReadInfo, type ReadOptions } from './read-rows';
import { readSheetRows } from './read-sheet';
import type { ChartSeries, ColumnInfo } from './series';
import { shape } from './shape';
import { suggestChart, type FieldHint } from './suggest';

export type TableSource =
  /** `sheet`: the workbook sheet to chart (default: the first visible one holding a table). */
  | { kind: 'file'; path: string; format?: TableFormat; sheet?: string }
  /** `key` names this version of the text (uri + editor version) so its pass can be reused. */
  | { kind: 'text'; text: string; format?: CsvFormat; key?: string };

export interface AggregateRequest {
  source: TableSource;
  /** Null: suggest a chart from the data (and the schema fields when known). */
  config: ChartConfig | null;
  /** The table's schema fields; by default those of the catalog schema the header matches. */
  fields?: FieldHint[];
}

export interface ChartResult {
  /** The config drawn: the one asked for, completed from the suggestion where it names no column. */
  config: ChartConfig;
  suggested: ChartConfig;
  columns: ColumnInfo[];
  /** Columns the config names that the header lacks (a saved chart after a rename). */
  missing: string[];
  /** Null when a column is missing or the table has no header. */
  series: ChartSeries | null;
  /** The values the row filter's column takes in the first rows (`dépense`, `recette`), for the panel to switch between. */
  filterValues: string[];
  table: ReadInfo & { rows: number };
}

/** Rows profiled before the chart is decided. */
const SAMPLE_ROWS = 500;

interface Pass {
  sourceKey: string | null;
  header: string[];
  columns: ColumnProfile[];
  suggested: ChartConfig;
  info: ReadInfo;
  rows: number;
  grouping: string | null;
  grouped: Grouped | null;
  filterValues: string[];
}

/** Remembers the last pass (one table, one grouping). */
export class ChartCache {
  last: Pass | null = null;
}

export async function aggregate(req: AggregateRequest, cache = new ChartCache(), options: ReadOptions = {}): Promise<ChartResult> {
  const sourceKey = await keyOf(req.source);
  const hit = sourceKey !== null && cache.last?.sourceKey === sourceKey ? cache.last : null;
  if (hit) {
    const config = complete(req.config, hit.suggested);
    if (hit.grouping === groupingKey(config)) return result(hit, config);
  }
  const pass = await scan(req, sourceKey, options);
  cache.last = pass;
  return result(pass, complete(req.config, pass.suggested));
}

async function keyOf(source: TableSource): Promise<string | null> {
  if (source.kind === 'text') return source.key ?? null;
  const s = await stat(source.path);
  return `${source.path}\u0000${s.size}\u0000${s.mtimeMs}`;
}

function formatOf(source: TableSource): TableFormat {
  if (source.format) return source.format;
  if (source.kind === 'text') return 'csv';
  const ext = extname(source.path).toLowerCase();
  return ext === '.tsv' || ext === '.tab' ? 'tsv' : ext === '.xlsx' || ext === '.xlsm' ? 'xlsx' : ext === '.ods' ? 'ods' : 'csv';
}

/** Fills what the asked config leaves open (no category, no measure) from the suggestion. */
function complete(asked: ChartConfig | null, suggested: ChartConfig): ChartConfig {
  if (!asked) return suggested;
  const c = { ...asked, category: asked.category ?? suggested.category };
  if (c.aggregation !== 'count' || c.type === 'scatter') c.value ??= suggested.value;
  if (c.value === null && c.type !== 'scatter') c.aggregation = 'count';
  return c;
}

async function scan(req: AggregateRequest, sourceKey: string | null, options: ReadOptions): Promise<Pass> {
  let table = new TableScan(req);
  // A file pass may restart (UTF-8 at the start, Latin-1 further on): each pass starts afresh.
  const start = () => (table = new TableScan(req)).sink;
  const format = formatOf(req.source);
  const src = req.source;
  const info =
    src.kind === 'text'
      ? readTextRows(src.text, format === 'tsv' ? 'tsv' : 'csv', start())
      : format === 'xlsx' || format === 'ods'
        ? await readSheetRows(src.path, start, { sheet: src.sheet, signal: options.signal })
        : await readFileRows(src.path, format, start, options);
  const { header, columns, suggested, grouper, filterValues } = table.end();
  return {
    sourceKey,
    header,
    columns,
    suggested,
    info,
    rows: table.rows,
    grouping: groupingKey(complete(req.config, suggested)),
    grouped: grouper?.finish() ?? null,
    filterValues,
  };
}

function result(pass: Pass, config: ChartConfig): ChartResult {
  const missing = [config.category, config.value, config.filter?.column ?? null, subcategoryOf(config)].filter(
    (c): c is string => c !== null && findColumn(pass.header, c) === -1,
  );
  const columns = pass.columns.map(({ name, kind, code }) => ({ name, kind, code }));
  const series = pass.grouped && missing.length === 0 ? shape(pass.grouped, config) : null;
  const filterValues = config.filter && findColumn(pass.header, config.filter.column) !== -1 ? pass.filterValues : [];
  return { config, suggested: pass.suggested, columns, missing, series, filterValues, table: { ...pass.info, rows: pass.rows } };
}

/** Collects the header and a sample, decides the chart, then streams the rest into a Grouper. */
class TableScan {
  header: string[] | null = null;
  columns: ColumnProfile[] = [];
  suggested: ChartConfig | null = null;
  grouper: Grouper | null = null;
  filterValues: string[] = [];
  rows = 0;
  private sample: Row[] | null = [];

  constructor(private readonly req: AggregateRequest) {}

  readonly sink = (row: Row): void => {
    if (!this.header) {
      this.header = row.values;
      return;
    }
    this.rows++;
    if (this.sample === null) this.grouper?.push(row);
    else if (this.sample.push(row) >= SAMPLE_ROWS) this.decide();
  };

  end(): { header: string[]; columns: ColumnProfile[]; suggested: ChartConfig; grouper: Grouper | null; filterValues: string[] } {
    if (this.sample !== null) this.decide();
    return {
      header: this.header ?? [],
      columns: this.columns,
      suggested: this.suggested!,
      grouper: this.grouper,
      filterValues: this.filterValues,
    };
  }

  private decide(): void {
    const sample = this.sample ?? [];
    this.sample = null;
    const header = this.header ?? [];
    this.columns = profileColumns(
      header,
      sample.map((r) => r.values),
    );
    this.suggested = suggestChart(this.columns, this.req.fields ?? detectSchema(header)?.entry.descriptor.fields ?? []);
    const config = complete(this.req.config, this.suggested);
    this.filterValues = valuesOf(header, sample, config.filter?.column ?? null);
    const spec = groupSpec(header, config);
    if (!spec) return;
    this.grouper = new Grouper(spec);
    for (const row of sample) this.grouper.push(row);
  }
}

/** A filter column's distinct values in the sample, in order of appearance; none past MAX_FILTER_VALUES (not a choice). */
const MAX_FILTER_VALUES = 12;
function valuesOf(header: string[], sample: Row[], column: string | null): string[] {
  const i = column === null ? -1 : findColumn(header, column);
  if (i === -1) return [];
  const seen = new Set<string>();
  for (const r of sample) {
    const v = (r.values[i] ?? '').trim();
    if (v) seen.add(v);
    if (seen.size > MAX_FILTER_VALUES) return [];
  }
  return [...seen];
}

function groupSpec(header: string[], c: ChartConfig): GroupSpec | null {
  if (c.category === null) return null;
  const ci = findColumn(header, c.category);
  const vi = c.value === null ? -1 : findColumn(header, c.value);
  const fi = c.filter ? findColumn(header, c.filter.column) : -1;
  const sub = subcategoryOf(c);
  const si = sub === null ? -1 : findColumn(header, sub);
  if (ci === -1 || (c.value !== null && vi === -1) || (c.filter && fi === -1) || (sub !== null && si === -1)) return null;
  return {
    sub: si === -1 ? null : { index: si, name: header[si] },
    filter: c.filter && { index: fi, value: c.filter.value },
    category: { index: ci, name: header[ci] },
    value: vi === -1 ? null : { index: vi, name: header[vi] },
    dateBucket: c.type === 'scatter' ? 'none' : c.dateBucket,
    scatter: c.type === 'scatter',
  };
}
