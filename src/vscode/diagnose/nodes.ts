// The Diagnostic and Identification nodes of the "Open Data" tree: plain data, kinds
// prefixed "diag." so the stages tree can hand them over without knowing them.
import type * as vscode from 'vscode';
import type { DiagnoseOutcome, PublishedDataset, SocleCoverage } from '../../core/diagnose/types';
import type { FolderFile, FolderScan, FolderTable } from '../../core/diagnose/folders';
import type { MaturityAxis, MaturityResult, Level } from '../../core/diagnose/maturity';
import type { DiagnosisTarget, Referent, WantedEntry } from '../../core/diagnose/project-state';
import type { FlagId } from '../../core/diagnose/messages';

export type DiagNode =
  | { kind: 'diag.run'; running: boolean }
  | { kind: 'diag.inventory'; target: DiagnosisTarget; outcome?: DiagnoseOutcome; running: boolean }
  | { kind: 'diag.error'; message: string }
  | { kind: 'diag.dataset'; dataset: PublishedDataset; flags: FlagId[] }
  | { kind: 'diag.flag'; flag: FlagId; text: string }
  | { kind: 'diag.socle'; coverage: SocleCoverage; wanted: Set<string> }
  | { kind: 'diag.socleSchema'; name: string; title: string; published: boolean; wanted: boolean }
  | { kind: 'diag.maturity'; result: MaturityResult; answers: Partial<Record<MaturityAxis, Level>>; assessedAt?: string }
  | { kind: 'diag.axis'; axis: MaturityAxis; level?: Level }
  | { kind: 'diag.referents'; list: Referent[] }
  | { kind: 'diag.referent'; referent: Referent }
  | { kind: 'diag.wanted'; list: WantedEntry[]; datasetOf: (file: string) => string | undefined }
  | { kind: 'diag.wantedEntry'; entry: WantedEntry; dataset?: string }
  | { kind: 'diag.folder'; scan: FolderScan }
  | { kind: 'diag.table'; table: FolderTable }
  | { kind: 'diag.pdfs'; pdfs: (FolderFile | vscode.Uri)[] }
  | { kind: 'diag.pdf'; file: FolderFile | vscode.Uri }
  | { kind: 'diag.info'; message: string };

export const isDiagNode = (n: { kind: string }): n is DiagNode => n.kind.startsWith('diag.');

export function diagNodeId(n: DiagNode): string | undefined {
  switch (n.kind) {
    case 'diag.inventory':
      // VS Code keeps a node's expansion by id: a new id once there is something to show lets it open.
      return n.outcome?.inventory || n.outcome?.error ? 'diag.inventory:read' : 'diag.inventory';
    case 'diag.run':
    case 'diag.socle':
    case 'diag.maturity':
    case 'diag.referents':
    case 'diag.wanted':
    case 'diag.pdfs':
      return n.kind;
    case 'diag.dataset':
      return `diag.dataset:${n.dataset.id}`;
    case 'diag.socleSchema':
      return `diag.socle:${n.name}`;
    case 'diag.axis':
      return `diag.axis:${n.axis}`;
    case 'diag.referent':
      return `diag.referent:${n.referent.id}`;
    case 'diag.wantedEntry':
      return `diag.wanted:${n.entry.id}`;
    case 'diag.folder':
      return `diag.folder:${n.scan.root}`;
    default:
      return undefined;
  }
}
