// What each stage lists, computed from the in-memory project, inventory, diagnostics and
// saved charts (no disk access here, so a refresh is cheap).
import * as vscode from 'vscode';
import { datasetsOf, resourcePaths, type DatasetView } from '../../core/project/datapackage';
import { publicationOf, isChecked, targetPortalOf } from '../../core/project/project';
import { qualityScore } from '../../core/project/quality';
import type { SavedChartEntry } from '../../core/chart/saved';
import type { StageId } from '../../core/project/stages';
import { completeness } from './completeness';
import type { Inventory } from './inventory';
import type { Counts, Node } from './nodes';
import type { ProjectStore } from './project-store';
import { diagChildren, diagnosticBody, identificationExtra } from '../diagnose/children';
import type { DiagnoseModel } from '../diagnose/model';
import { isDiagNode } from '../diagnose/nodes';

export interface TreeSources {
  store: ProjectStore;
  inventory: Inventory;
  charts: () => SavedChartEntry[];
  /** Whether a workspace file exists (from the inventory or the file system watcher). */
  exists: (uri: vscode.Uri) => boolean;
  /** Whether the file has been linted in this session (zero problems then means clean). */
  validated: (uri: vscode.Uri) => boolean;
  /** Published inventory, folders and PDFs of the diagnose area. */
  diagnosis?: DiagnoseModel;
}

export function countsOf(uri: vscode.Uri): Counts {
  const ds = vscode.languages.getDiagnostics(uri);
  return {
    errors: ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}

const add = (a: Counts, b: Counts): Counts => ({ errors: a.errors + b.errors, warnings: a.warnings + b.warnings });

export function resourceUris(root: vscode.Uri | undefined, view: DatasetView): vscode.Uri[] {
  return root ? view.resources.flatMap(resourcePaths).map((p) => vscode.Uri.joinPath(root, ...p.split('/'))) : [];
}

function stageChildren(src: TreeSources, stage: StageId, checklist: { id: string; label: { en: string; fr: string } }[]): Node[] {
  const p = src.store.state;
  return [
    ...checklist.map((item): Node => ({ kind: 'check', stage, item, checked: isChecked(p, stage, item.id) })),
    { kind: 'notes', stage, notes: p?.stages?.[stage]?.notes },
  ];
}

export function childrenOf(src: TreeSources, n: Node): Node[] {
  const datasets = datasetsOf(src.store.datapackage);
  switch (n.kind) {
    case 'stage': {
      const own = stageChildren(src, n.stage.id, n.stage.checklist);
      return [...own, ...stageBody(src, n.stage.id, datasets)];
    }
    case 'dataset':
      return datasetChildren(src, n.stage, n.view);
    case 'quality':
      return n.criteria.map((criterion): Node => ({ kind: 'criterion', criterion }));
    case 'otherCharts':
      return n.charts;
    default:
      return isDiagNode(n) ? diagChildren(n) : [];
  }
}

function stageBody(src: TreeSources, stage: StageId, datasets: DatasetView[]): Node[] {
  const noDataset: Node = { kind: 'empty', message: vscode.l10n.t('No dataset yet: add files from Identification.') };
  switch (stage) {
    case 'diagnostic':
      return src.diagnosis ? diagnosticBody(src.store.state, src.diagnosis) : [];
    case 'identification': {
      const extra: Node[] = src.diagnosis ? identificationExtra(src.store.state, src.store.datapackage, src.diagnosis) : [];
      const files = src.inventory.list();
      if (!files.length) return [...extra, { kind: 'empty', message: vscode.l10n.t('No CSV, TSV, XLSX or ODS file in the workspace.') }];
      const root = src.store.root;
      const owner = new Map<string, string>();
      for (const d of datasets)
        for (const p of d.resources.flatMap(resourcePaths))
          if (root) owner.set(vscode.Uri.joinPath(root, ...p.split('/')).toString(), d.meta.name);
      return [...extra, ...files.map((f): Node => ({ kind: 'file', uri: f.uri, facts: f.facts, dataset: owner.get(f.uri.toString()) }))];
    }
    case 'preparation':
      return datasets.length
        ? datasets.map((view): Node => {
            const uris = resourceUris(src.store.root, view);
            return {
              kind: 'dataset',
              stage,
              view,
              counts: uris.map(countsOf).reduce(add, { errors: 0, warnings: 0 }),
              validated: uris.length > 0 && uris.every(src.validated),
            };
          })
        : [noDataset];
    case 'publication':
      return [
        { kind: 'portal', portal: targetPortalOf(src.store.state) },
        ...(datasets.length ? datasets.map((view): Node => ({ kind: 'dataset', stage, view, score: scoreText(src, view) })) : [noDataset]),
      ];
    case 'valorisation': {
      const charts = src.charts();
      const nodes: Node[] = datasets.map((view) => ({
        kind: 'dataset',
        stage,
        view,
        score: vscode.l10n.t('{0} charts', chartsOf(src, view, charts).length),
      }));
      const claimed = new Set(datasets.flatMap((v) => chartsOf(src, v, charts)).map((c) => c.file));
      const others = charts.filter((c) => !claimed.has(c.file)).map(chartNode);
      if (others.length) nodes.push({ kind: 'otherCharts', charts: others });
      return nodes.length ? nodes : [{ kind: 'empty', message: vscode.l10n.t('No saved chart yet: open a table and use “Save chart”.') }];
    }
  }
}

const chartNode = (c: SavedChartEntry): Node => ({ kind: 'chart', uri: vscode.Uri.file(c.file), title: c.chart?.title });

function chartsOf(src: TreeSources, view: DatasetView, charts: SavedChartEntry[]): SavedChartEntry[] {
  const paths = new Set(view.resources.flatMap(resourcePaths));
  return charts.filter((c) => c.chart && paths.has(c.chart.source));
}

/** The reuses recorded by "Publish as Reuse…" (only finished ones have a page). */
function reuseNodes(src: TreeSources, dataset: string): Node[] {
  const all = (
    src.store.state?.datasets?.[dataset] as { reuses?: Record<string, { title?: string; page?: string; portal?: string }> } | undefined
  )?.reuses;
  if (!all || typeof all !== 'object') return [];
  return Object.entries(all)
    .filter(([, r]) => r && typeof r.page === 'string')
    .map(([slug, r]): Node => ({ kind: 'reuse', dataset, slug, title: r.title, page: r.page, portal: r.portal }));
}

function quality(src: TreeSources, view: DatasetView) {
  const root = src.store.root;
  return qualityScore(view, {
    exists: (p) => !root || src.exists(vscode.Uri.joinPath(root, ...p.split('/'))),
    publishedAt: publicationOf(src.store.state, view.meta.name)?.publishedAt,
  });
}

function scoreText(src: TreeSources, view: DatasetView): string {
  return vscode.l10n.t('quality {0}/9', quality(src, view).points);
}

function datasetChildren(src: TreeSources, stage: 'preparation' | 'publication' | 'valorisation', view: DatasetView): Node[] {
  const name = view.meta.name;
  if (stage === 'preparation')
    return resourceUris(src.store.root, view).map((uri): Node => ({
      kind: 'resource',
      uri,
      dataset: name,
      counts: countsOf(uri),
      exists: src.exists(uri),
      validated: src.validated(uri),
    }));
  if (stage === 'valorisation') return [...chartsOf(src, view, src.charts()).map(chartNode), ...reuseNodes(src, name)];
  const q = quality(src, view);
  return [
    { kind: 'completeness', dataset: name, ...completeness(view.meta) },
    { kind: 'quality', dataset: name, points: q.points, criteria: q.criteria },
    { kind: 'published', dataset: name, publication: publicationOf(src.store.state, name) },
  ];
}
