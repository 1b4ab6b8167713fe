// The nodes of the "Open Data" tree: plain data, one kind per line of the tree. Stage nodes
// are singletons so a change can refresh one stage without rebuilding the others.
import type * as vscode from 'vscode';
import type { DatasetView } from '../../core/project/datapackage';
import type { Criterion } from '../../core/project/quality';
import type { TableFacts } from '../../core/project/inventory';
import type { ChecklistItem, Stage, StageId } from '../../core/project/stages';
import type { Publication } from '../../core/project/types';
import type { DiagNode } from '../diagnose/nodes';

export type Node =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'check'; stage: StageId; item: ChecklistItem; checked: boolean }
  | { kind: 'notes'; stage: StageId; notes?: string }
  | { kind: 'file'; uri: vscode.Uri; facts?: TableFacts; dataset?: string }
  | {
      kind: 'dataset';
      stage: 'preparation' | 'publication' | 'valorisation';
      view: DatasetView;
      counts?: Counts;
      validated?: boolean;
      score?: string;
    }
  | { kind: 'resource'; uri: vscode.Uri; dataset: string; counts: Counts; exists: boolean; validated: boolean }
  | { kind: 'completeness'; dataset: string; filled: number; total: number; missing: string[] }
  | { kind: 'quality'; dataset: string; points: number; criteria: Criterion[] }
  | { kind: 'criterion'; criterion: Criterion }
  | { kind: 'portal'; portal?: string }
  | { kind: 'published'; dataset: string; publication?: Publication }
  | { kind: 'chart'; uri: vscode.Uri; title?: string }
  /** A chart published as a reuse (`datasets[<name>].reuses` in the project file). */
  | { kind: 'reuse'; dataset: string; slug: string; title?: string; page?: string; portal?: string }
  | { kind: 'otherCharts'; charts: Node[] }
  | { kind: 'empty'; message: string }
  | DiagNode;

export interface Counts {
  errors: number;
  warnings: number;
}

export const nodeId = (n: Node): string | undefined => {
  switch (n.kind) {
    case 'stage':
      return `stage:${n.stage.id}`;
    case 'check':
      return `check:${n.stage}:${n.item.id}`;
    case 'notes':
      return `notes:${n.stage}`;
    case 'file':
      return `file:${n.uri.toString()}`;
    case 'dataset':
      return `dataset:${n.stage}:${n.view.meta.name}`;
    case 'resource':
      return `resource:${n.dataset}:${n.uri.toString()}`;
    case 'completeness':
    case 'quality':
    case 'published':
      return `${n.kind}:${n.dataset}`;
    case 'chart':
      return `chart:${n.uri.toString()}`;
    case 'reuse':
      return `reuse:${n.dataset}:${n.slug}`;
    default:
      return undefined;
  }
};
