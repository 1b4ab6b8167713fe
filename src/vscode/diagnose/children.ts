// What the Diagnostic stage lists (published inventory, Socle coverage, maturity, referents)
// and what Identification adds (the Wanted Data List, extra folders, PDFs), from the project
// file and the model; no I/O here.
import * as vscode from 'vscode';
import { flagDetail, flagsOf } from '../../core/diagnose/messages';
import { maturityResult, MATURITY_QUESTIONS } from '../../core/diagnose/maturity';
import { diagnosisTarget, maturityOf, referentsOf, wantedOf } from '../../core/diagnose/project-state';
import { SOCLE } from '../../core/diagnose/socle';
import { datasetOfPath } from '../../core/project/datapackage';
import type { DataPackage, ProjectState } from '../../core/project/types';
import { uiLang } from '../settings';
import type { DiagnoseModel } from './model';
import type { DiagNode } from './nodes';

export function diagnosticBody(p: ProjectState | null, model: DiagnoseModel): DiagNode[] {
  const target = diagnosisTarget(p);
  const nodes: DiagNode[] = [
    target
      ? { kind: 'diag.inventory', target, outcome: model.outcome, running: model.running }
      : { kind: 'diag.run', running: model.running },
  ];
  const inv = model.outcome?.inventory;
  if (inv)
    nodes.push({
      kind: 'diag.socle',
      coverage: inv.socle,
      wanted: new Set(
        wantedOf(p)
          .map((w) => w.schema)
          .filter((s): s is string => !!s),
      ),
    });
  const m = maturityOf(p);
  nodes.push({ kind: 'diag.maturity', result: maturityResult(m), answers: m.answers, assessedAt: m.assessedAt });
  nodes.push({ kind: 'diag.referents', list: referentsOf(p) });
  return nodes;
}

export function identificationExtra(p: ProjectState | null, dp: DataPackage | null, model: DiagnoseModel): DiagNode[] {
  // The received file may have joined a dataset since: look it up each time.
  const datasetOf = (file: string) => datasetOfPath(dp, file)?.meta.name;
  const nodes: DiagNode[] = [{ kind: 'diag.wanted', list: wantedOf(p), datasetOf }];
  for (const scan of model.folders) nodes.push({ kind: 'diag.folder', scan });
  const pdfs = [...model.workspacePdfs, ...model.folders.flatMap((f) => f.pdfs)];
  if (pdfs.length) nodes.push({ kind: 'diag.pdfs', pdfs });
  return nodes;
}

export function diagChildren(n: DiagNode): DiagNode[] {
  const lang = uiLang();
  switch (n.kind) {
    case 'diag.inventory': {
      const o = n.outcome;
      const out: DiagNode[] = [];
      if (o?.error) out.push({ kind: 'diag.error', message: o.error[lang] });
      if (!o?.inventory) {
        if (!o?.error)
          out.push({
            kind: 'diag.info',
            message: n.running ? vscode.l10n.t('Reading the portal…') : vscode.l10n.t('Not read yet: use “Read the Published Datasets”.'),
          });
        return out;
      }
      if (!o.inventory.datasets.length)
        out.push({ kind: 'diag.info', message: vscode.l10n.t('This organisation has published no dataset yet.') });
      const flagged = o.inventory.datasets.map((dataset) => ({ kind: 'diag.dataset' as const, dataset, flags: flagsOf(dataset) }));
      // Flagged datasets first: they are the work to do.
      flagged.sort((a, b) => Number(b.flags.some((f) => f !== 'private')) - Number(a.flags.some((f) => f !== 'private')));
      return [...out, ...flagged];
    }
    case 'diag.dataset':
      return n.flags.filter((f) => f !== 'private').map((flag) => ({ kind: 'diag.flag', flag, text: flagDetail(n.dataset, flag, lang) }));
    case 'diag.socle':
      return SOCLE.map((s) => ({
        kind: 'diag.socleSchema',
        name: s.name,
        title: s.title,
        published: n.coverage.published.includes(s.name),
        wanted: n.wanted.has(s.name),
      }));
    case 'diag.maturity':
      return MATURITY_QUESTIONS.map((q) => ({ kind: 'diag.axis', axis: q.axis, level: n.answers[q.axis] }));
    case 'diag.referents':
      return n.list.length
        ? n.list.map((referent) => ({ kind: 'diag.referent', referent }))
        : [{ kind: 'diag.info', message: vscode.l10n.t('No referent yet: add the services to ask for data.') }];
    case 'diag.wanted':
      return n.list.length
        ? n.list.map((entry) => ({ kind: 'diag.wantedEntry', entry, dataset: (entry.file && n.datasetOf(entry.file)) || entry.dataset }))
        : [{ kind: 'diag.info', message: vscode.l10n.t('Empty: add the missing Socle schemas from Diagnostic, or a dataset by hand.') }];
    case 'diag.folder':
      return n.scan.error ? [{ kind: 'diag.error', message: n.scan.error }] : n.scan.tables.map((table) => ({ kind: 'diag.table', table }));
    case 'diag.pdfs':
      return n.pdfs.map((file) => ({ kind: 'diag.pdf', file }));
    default:
      return [];
  }
}
