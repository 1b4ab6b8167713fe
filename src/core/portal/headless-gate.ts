// The pre-publish gate of `odw publish`, the editor's own rules: every file is linted with
// personal-data as an error whatever the settings; personal data always blocks, other errors
// block unless the caller gives a reason. The schema each file was checked against (name and
// version) is returned so the portal is told exactly what was validated.
import { lintFile } from '../lint-file';
import type { Diagnostic, Lang } from '../model';
import type { PublishFile, SchemaRef } from './types';
import { gateTally, shownCount } from './gate-tally';
import { fsReason } from '../fs-words';

export interface GateEntry {
  path: string;
  count: number;
  atLeast?: boolean;
  first: Diagnostic;
}

export interface HeadlessGate {
  personal: GateEntry[];
  errors: GateEntry[];
  /** Files that could not be read at all. */
  unreadable: { path: string; message: string }[];
  schemas: Record<string, SchemaRef>;
}

const TABLES = /\.(csv|tsv|txt|xlsx|ods|xls)$/i;

export async function runHeadlessGate(files: PublishFile[], lang: Lang): Promise<HeadlessGate> {
  const gate: HeadlessGate = { personal: [], errors: [], unreadable: [], schemas: {} };
  for (const f of files) {
    // Documentation (PDF…) is not a table: nothing to lint.
    if (!TABLES.test(f.path)) continue;
    let r;
    try {
      r = await lintFile(f.path, {
        lang,
        rules: { 'personal-data': 'error' },
        maxProblems: 100000,
        ...(f.schema ? { schema: f.schema.name } : {}),
      });
    } catch (e) {
      gate.unreadable.push({ path: f.path, message: fsReason(e, lang) });
      continue;
    }
    if (r.fatal) {
      gate.unreadable.push({ path: f.path, message: r.fatal });
      continue;
    }
    const t = gateTally(r);
    if (t.personal) gate.personal.push({ path: f.path, ...t.personal });
    if (t.others) gate.errors.push({ path: f.path, ...t.others });
    if (r.schema) gate.schemas[f.path] = { name: r.schema.name, ...(r.schema.version ? { version: r.schema.version } : {}) };
  }
  return gate;
}

export function describeGate(entries: GateEntry[], lang: Lang): string {
  return entries
    .map((e) => {
      const where = e.first.row ? `${e.path}:${e.first.row}` : e.path;
      return lang === 'fr'
        ? `${where} : ${shownCount(e)} erreur(s), la première : ${e.first.message} [${e.first.rule}]`
        : `${where}: ${shownCount(e)} error(s), first: ${e.first.message} [${e.first.rule}]`;
    })
    .join('\n');
}
