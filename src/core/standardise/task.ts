// The worker's standardise jobs, as plain data in and out: the proposal for a target schema,
// the preview (first rows mapped and validated), and the write. Errors the user can act on
// come back as `{ problem }` in both languages, not as exceptions.
import { dirname } from 'node:path';
import type { Lang, Text } from '../model';
import { catalog } from '../schema/catalog';
import { likeliestSchema } from './detect-target';
import { StandardiseError } from './errors';
import { organisationConstants, projectOrganisation, type Organisation } from './organisation';
import { previewProblems, problemsLeft, type ProblemSummary } from './problems';
import { proposeMapping, type FieldProposal } from './propose';
import type { OperationProposal } from './propose-ops';
import type { SourceRef } from './read';
import { standardisePreview, standardiseToFile } from './run';
import { sampleSource } from './sample';
import type { StandardiseSpec, TableOps } from './spec';
import { resolveTarget, versionsOf, type TargetField } from './target';
import type { ShapeReport } from './table-ops';
import { catalogListing } from '../catalog/listing';

export type Outcome<T> = { ok: true; result: T } | { ok: false; problem: Text };

async function guard<T>(f: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, result: await f() };
  } catch (e) {
    if (e instanceof StandardiseError) return { ok: false, problem: e.text };
    throw e;
  }
}

export interface ProposalView {
  /** Every table schema of the catalog (the one the header looks like first, then the bundled
   *  SCDL and Etalab ones, then the others by title), with the versions at hand, newest first. */
  schemas: { name: string; version: string; title: string; versions: string[] }[];
  /** The schema the header looks like, if any. */
  detected?: string;
  schema: { name: string; version: string };
  fields: TargetField[];
  columns: string[];
  /** The source's header before the table operations (what unpivot chooses from). */
  rawColumns: string[];
  proposal: FieldProposal[];
  unmapped: string[];
  /** The table operations proposed with the mapping (in `spec.table`), none when the table operations were given. */
  operations: OperationProposal[];
  spec: StandardiseSpec;
  /** Distinct values of the columns that have few (≤ 30 in the sample), for value maps. */
  columnValues: Record<string, string[]>;
}

function fewValues(header: readonly string[], rows: readonly (readonly string[])[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  header.forEach((h, i) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const v = (r[i] ?? '').trim();
      if (v) seen.add(v);
      if (seen.size > 30) return;
    }
    if (seen.size) out[h.trim()] = [...seen];
  });
  return out;
}

/** `schema` undefined: the catalog schema the header looks most like, else subventions. */
export function proposeTask(args: {
  source: SourceRef;
  schema?: string;
  table?: TableOps;
  organisation?: Organisation;
}): Promise<Outcome<ProposalView>> {
  return guard(async () => {
    // The rows the run would write; a label a repeated header changed is matched by the target's
    // fields, so the sample is read again once the detection names the target, if it needs them.
    const given = args.schema ? resolveTarget(args.schema) : undefined;
    let sample = await sampleSource(args.source, { table: args.table, target: given });
    const detected = likeliestSchema(sample);
    const target = given ?? resolveTarget(detected ?? 'scdl/subventions');
    if (!given && sample.report.unmatchedLabels.count) sample = await sampleSource(args.source, { table: args.table, target });
    const org = { ...projectOrganisation(dirname(args.source.path)), ...stripEmpty(args.organisation) };
    const p = proposeMapping(target, { ...sample, constants: organisationConstants(target, org) });
    return {
      schemas: targetChoices(detected),
      ...(detected ? { detected } : {}),
      schema: p.schema,
      fields: target.fields,
      columns: sample.header.map((h) => h.trim()),
      rawColumns: sample.raw.map((h) => h.trim()),
      proposal: p.fields,
      unmapped: p.unmapped,
      // The table operations given are the user's: none is proposed over them.
      operations: args.table ? [] : p.operations,
      spec: args.table ? { ...p.spec, table: args.table } : p.spec,
      columnValues: fewValues(sample.header, sample.rows),
    };
  });
}

function targetChoices(detected: string | null | undefined): ProposalView['schemas'] {
  const rank = (name: string) => (name === detected ? 0 : catalog.some((e) => e.name === name) ? 1 : 2);
  const all = catalogListing()
    .schemas.map((t) => ({ name: t.name, title: t.title, versions: versionsOf(t.name) }))
    .filter((t) => t.versions.length)
    .map((t) => ({ ...t, version: t.versions[0] }));
  for (const e of catalog)
    if (!all.some((t) => t.name === e.name)) all.push({ name: e.name, title: e.title, version: e.version, versions: [e.version] });
  return all.sort((a, b) => rank(a.name) - rank(b.name) || a.title.localeCompare(b.title, 'fr'));
}

const stripEmpty = (o: Organisation | undefined): Organisation =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v)) as Organisation;

export interface PreviewView {
  header: string[];
  rows: string[][];
  counts: ProblemSummary;
  /** Rows mapped and validated (the preview shows the first 50). */
  checked: number;
  /** Time the mapping and the validation took, in ms. */
  ms: number;
  /** The rows read for the preview that were left out or are worth a look (blank, totals written…). */
  report: ShapeReport;
  /**
   * What `report` covers: the file's lines up to `line` (a sheet's rows), and `whole` when that is
   * the whole file (every stacked source too): else its counts are the first lines', not the file's.
   */
  read: { line: number; whole: boolean };
}

/** The run's report without what the panel shows elsewhere (the unmapped columns, how far it read). */
const shapeReport = ({ unmapped: _u, read: _r, ...r }: ShapeReport & { unmapped?: string[]; read?: unknown }): ShapeReport => r;

export function previewTask(args: { source: SourceRef; spec: StandardiseSpec; rows?: number; lang: Lang }): Promise<Outcome<PreviewView>> {
  return guard(async () => {
    const started = performance.now();
    const target = resolveTarget(args.spec.schema.name, args.spec.schema.version);
    const p = await standardisePreview(args.spec, target, args.source, args.rows ?? 5000);
    const counts = previewProblems(p.text, target, args.lang);
    return {
      header: p.header,
      rows: p.rows.slice(0, 50),
      counts,
      checked: p.rows.length,
      ms: performance.now() - started,
      report: shapeReport(p.report),
      read: p.report.read,
    };
  });
}

/** `baseDir`: where a replayed recipe's relative lookup files are (its folder). */
export function writeTask(args: {
  source: SourceRef;
  spec: StandardiseSpec;
  out: string;
  lang: Lang;
  baseDir?: string;
}): Promise<Outcome<{ rows: number; problems: ProblemSummary; report: ShapeReport }>> {
  return guard(async () => {
    const target = resolveTarget(args.spec.schema.name, args.spec.schema.version);
    const { header: _h, rows, ...r } = await standardiseToFile(args.spec, target, args.source, args.out, { baseDir: args.baseDir });
    return { rows, problems: await problemsLeft(args.out, target, args.lang), report: shapeReport(r) };
  });
}
