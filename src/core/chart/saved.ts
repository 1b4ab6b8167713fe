// Charts saved in the project: `.opendata/charts/<slug>.json`, one file per chart, holding
// the table it draws (relative to the workspace folder, so the project can move) and its
// config. Plain JSON that people can read, diff and commit.
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { confinedPath } from '../project/confine';
import { parseChartConfig, type ChartConfig } from './config';

export const CHARTS_DIR = join('.opendata', 'charts');
export const SAVED_CHART_VERSION = 1;

export interface SavedChart {
  version: typeof SAVED_CHART_VERSION;
  title: string;
  /** The table, relative to the workspace folder with `/` separators (a chart of a table outside it cannot be reopened). */
  source: string;
  config: ChartConfig;
}

export interface SavedChartEntry {
  /** Absolute path of the `.json` file. */
  file: string;
  /** Null when the file is not a saved chart (hand-edited, newer version…). */
  chart: SavedChart | null;
}

const MAX_SLUG = 60;

/** `Subventions 2024 : bénéficiaires` → `subventions-2024-beneficiaires`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || 'chart';
}

/** A file name in the charts folder that does not overwrite one of `existing`. */
export function chartFileName(title: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const slug = slugify(title);
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${slug}.json` : `${slug}-${i}.json`;
    if (!taken.has(name)) return name;
  }
}

export function relativeSource(root: string, table: string): string {
  const rel = relative(root, table);
  return rel.startsWith('..') || isAbsolute(rel) ? table : rel.split(sep).join('/');
}

/**
 * The table of a saved chart, inside the workspace folder `root`; null when the chart file
 * (which comes with the repository) names a file outside it (absolute path, `..`, link).
 */
export function resolveSource(root: string, source: string): string | null {
  return confinedPath(root, source);
}

export function serializeSavedChart(chart: SavedChart): string {
  return JSON.stringify(chart, null, 2) + '\n';
}

export function parseSavedChart(text: string): SavedChart | null {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const { version, title, source, config } = o as Record<string, unknown>;
  if (version !== SAVED_CHART_VERSION || typeof title !== 'string' || typeof source !== 'string' || source === '') return null;
  const parsed = parseChartConfig(config);
  return parsed && { version, title, source, config: parsed };
}

/** The saved charts of a workspace folder, by title; none when the folder has no charts. */
export async function listSavedCharts(root: string): Promise<SavedChartEntry[]> {
  const dir = join(root, CHARTS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json'));
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names.map(async (n) => {
      const file = join(dir, n);
      const chart = await readFile(file, 'utf8').then(parseSavedChart, () => null);
      return { file, chart };
    }),
  );
  // Broken files last, so the tree lists the usable charts first.
  return entries.sort((a, b) =>
    a.chart && b.chart ? a.chart.title.localeCompare(b.chart.title, 'fr') : a.chart ? -1 : b.chart ? 1 : a.file.localeCompare(b.file),
  );
}
