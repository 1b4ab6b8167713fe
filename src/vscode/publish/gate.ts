// The pre-publish gate: lint every file (in the worker, with the person's rule settings, so
// `personal-data` runs too), then decide. Personal data always blocks; other lint errors block
// unless the person overrides with a reason (kept in the log); a missing schema declaration
// and a file name off the Etalab convention only warn.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/model';
import type { Services } from '../services';
import { lintSettings, uiLang } from '../settings';
import type { DatasetFile } from './datasets';
import { gateTally, shownCount } from '../../core/portal/gate-tally';

export interface GateReport {
  /** Lint errors per file (relative path), personal data excluded. */
  errors: { file: string; count: number; atLeast?: boolean; first: Diagnostic }[];
  personal: { file: string; count: number; atLeast?: boolean; first: Diagnostic }[];
  /** CSV files with no declared schema. */
  noSchema: string[];
  /** Files whose name is not AAAAMMJJ_<SIREN>_<nom>.<ext>. */
  offName: DatasetFile[];
  /** The schema each file was linted against (absolute path → name and version), declared to the portal. */
  schemas: Record<string, { name: string; version?: string }>;
  /** `openData.lint.rules` values for personal-data that the gate ignored (a repository's settings cannot weaken it). */
  ignoredOverrides: string[];
}

/** Etalab naming convention for published files: date, SIREN of the producer, short name. */
export const ETALAB_NAME = /^\d{8}_\d{9}_[A-Za-z0-9][A-Za-z0-9_-]*\.[a-z0-9]+$/i;

export async function runGate(services: Services, files: DatasetFile[], token?: vscode.CancellationToken): Promise<GateReport> {
  const report: GateReport = { errors: [], personal: [], noSchema: [], offName: [], schemas: {}, ignoredOverrides: [] };
  for (const f of files) {
    const settings = lintSettings(vscode.Uri.file(f.abs));
    // #16: `"personal-data": "off"` in a cloned repository's .vscode/settings.json must not
    // switch the block off; the gate always runs the rule as an error and says it did.
    const rules = { ...settings.rules };
    if (rules['personal-data'] !== undefined && rules['personal-data'] !== 'error') {
      const note = `${f.rel}: personal-data = ${rules['personal-data']}`;
      if (!report.ignoredOverrides.includes(note)) report.ignoredOverrides.push(note);
    }
    rules['personal-data'] = 'error';
    const r = await services.worker.run(
      'lintFile',
      {
        path: f.abs,
        options: {
          lang: uiLang(),
          rules,
          maxProblems: 100000,
          schemaGlobs: settings.schemaGlobs,
          schemaRoot: settings.schemaRoot,
          ...(f.schema ? { schema: f.schema } : {}),
        },
      },
      { token },
    );
    if (r.schema) report.schemas[f.abs] = { name: r.schema.name, ...(r.schema.version ? { version: r.schema.version } : {}) };
    const t = gateTally(r);
    if (t.personal) report.personal.push({ file: f.rel, ...t.personal });
    if (t.others) report.errors.push({ file: f.rel, ...t.others });
    if (r.fatal)
      report.errors.push({ file: f.rel, count: 1, first: { rule: 'source-error', severity: 'error', message: r.fatal } as Diagnostic });
    if (f.format === 'csv' && !f.schema && !r.schema) report.noSchema.push(f.rel);
    if (!ETALAB_NAME.test(path.basename(f.abs))) report.offName.push(f);
  }
  return report;
}

const where = (e: { file: string; first: Diagnostic }) => (e.first.row ? `${e.file}:${e.first.row}` : e.file);

/** One line per file, for the modal dialogs and the log. */
export function describeErrors(list: GateReport['errors']): string {
  return list.map((e) => vscode.l10n.t('{0}: {1} error(s), first: {2}', where(e), shownCount(e), e.first.message)).join('\n');
}

/** The suggested Etalab name of a file, e.g. 20240115_214900016_subventions.csv. */
export function etalabName(file: string, siren: string, date = new Date()): string {
  const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
  const base = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const name =
    base
      .replace(/^\d{8}_\d{9}_/, '')
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'donnees';
  return `${ymd}_${siren}_${name}${path.extname(file).toLowerCase()}`;
}
