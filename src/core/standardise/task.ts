// The worker's standardise jobs, as plain data in and out: the proposal for a target schema,
// the preview (first rows mapped and validated), and the write. Errors the user can act on
// come back as `{ problem }` in both languages, not as exceptions.
import { dirname } from 'node:path';
import type { Lang, Text } from '../model';
import { catalog } from '../schema/catalog';
import { detectSchema } from '../schema/detect';
import { StandardiseError } from './errors';
import { organisationConstants, projectOrganisation, type Organisation } from './organisation';
import { previewProblems, problemsLeft, type ProblemSummary } from './problems';
import { proposeMapping, type FieldProposal } from './propose';
import { sampleSource, type SourceRef } from './read';
import { standardisePreview, standardiseToFile } from './run';
import type { StandardiseSpec } from './spec';
import { resolveTarget, type TargetField } from './target';

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
  schemas: { name: string; version: string; title: string }[];
  schema: { name: string; version: string };
  fields: TargetField[];
  columns: string[];
  proposal: FieldProposal[];
  unmapped: string[];
  spec: StandardiseSpec;
}

/** `schema` undefined: the catalog schema the header looks most like, else subventions. */
export function proposeTask(args: { source: SourceRef; schema?: string; organisation?: Organisation }): Promise<Outcome<ProposalView>> {
  return guard(async () => {
    const sample = await sampleSource(args.source);
    const name = args.schema ?? detectSchema(sample.header)?.ref.name ?? 'scdl/subventions';
    const target = resolveTarget(name);
    const org = { ...projectOrganisation(dirname(args.source.path)), ...stripEmpty(args.organisation) };
    const p = proposeMapping(target, { ...sample, constants: organisationConstants(target, org) });
    return {
      schemas: catalog.map((e) => ({ name: e.name, version: e.version, title: e.title })),
      schema: p.schema,
      fields: target.fields,
      columns: sample.header.map((h) => h.trim()),
      proposal: p.fields,
      unmapped: p.unmapped,
      spec: p.spec,
    };
  });
}

const stripEmpty = (o: Organisation | undefined): Organisation => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v)) as Organisation;

export interface PreviewView {
  header: string[];
  rows: string[][];
  counts: ProblemSummary;
  /** Rows mapped and validated (the preview shows the first 50). */
  checked: number;
  /** Time the mapping and the validation took, in ms. */
  ms: number;
}

export function previewTask(args: { source: SourceRef; spec: StandardiseSpec; rows?: number; lang: Lang }): Promise<Outcome<PreviewView>> {
  return guard(async () => {
    const started = performance.now();
    const target = resolveTarget(args.spec.schema.name, args.spec.schema.version);
    const p = await standardisePreview(args.spec, target, args.source, args.rows ?? 5000);
    const counts = previewProblems(p.text, target, args.lang);
    return { header: p.header, rows: p.rows.slice(0, 50), counts, checked: p.rows.length, ms: performance.now() - started };
  });
}

export function writeTask(args: { source: SourceRef; spec: StandardiseSpec; out: string; lang: Lang }): Promise<Outcome<{ rows: number; problems: ProblemSummary }>> {
  return guard(async () => {
    const target = resolveTarget(args.spec.schema.name, args.spec.schema.version);
    const r = await standardiseToFile(args.spec, target, args.source, args.out);
    return { rows: r.rows, problems: await problemsLeft(args.out, target, args.lang) };
  });
}
