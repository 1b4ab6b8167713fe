// The proposed mapping of a file's columns to a schema's fields: each (field, column) pair is
// scored by its labels (field name, title, synonyms, word overlap) times what the values look
// like (amounts for numbers, dates, SIRETs, the enumeration, a constant public SIRET for the
// granting body); the best pairs are taken one field and one column at a time.
import { cleanLabel, labelKey, labelWords, wordOverlap } from './labels';
import { shapeOf, type ColumnShape } from './shapes';
import { organisationField, synonymKeys, type FieldKeys } from './synonyms';
import type { Target, TargetField } from './target';
import { matchEnum, proposeValueMap } from './value-map';
import { continuation, spreadField } from './propose-expressions';
import { kindOf, type FieldSource, type SourceKind, type StandardiseSpec } from './spec';
import { constantReason, reasonText, type ConstantReason, type ReasonPart } from './reason-words';
import { proposeOperations, tableOf, type OperationProposal } from './propose-ops';
import type { ShapeReport } from './table-ops';

export interface FieldProposal {
  field: string;
  kind: SourceKind;
  source: string | null;
  confidence: number;
  /** In English: `odw map --format json` prints it. */
  reason: string;
  /** The reason as codes, for the words in either language (reason-words). */
  why: ReasonPart[];
  /** The entry of the recipe step this proposal stands for. */
  spec?: FieldSource;
}

export interface MappingProposal {
  schema: { name: string; version: string };
  fields: FieldProposal[];
  unmapped: string[];
  /** The table operations proposed (`drop.totals` when the rows read hold totals), in `spec.table` too. */
  operations: OperationProposal[];
  spec: StandardiseSpec;
}

export interface ProposeInput {
  header: readonly string[];
  /** First data rows (a few hundred are enough). */
  rows: readonly (readonly string[])[];
  /** Fixed values: `--set`, or the project's organisation for the granting-body fields. */
  constants?: Record<string, { value: string; reason: ConstantReason }>;
  /** The columns' value shapes, when already computed for this sample (one per header column). */
  shapes?: readonly ColumnShape[];
  /** What the sample's shaper saw (sample.ts): totals rows kept make `drop.totals` proposed. */
  report?: ShapeReport;
}

const MIN_SCORE = 0.45;

function nameScore(f: TargetField, label: string, keys: FieldKeys | undefined): { score: number; reason?: ReasonPart } {
  const k = labelKey(label);
  if (!k) return { score: 0 };
  const nameKey = labelKey(f.name);
  if (k === nameKey || k.replace(/ /g, '') === nameKey.replace(/ /g, '')) return { score: 1, reason: { code: 'name' } };
  if (keys?.strong.has(k)) return { score: 0.95, reason: { code: 'synonym' } };
  if (k === labelKey(f.title)) return { score: 0.95, reason: { code: 'title' } };
  if (keys?.weak.has(k)) return { score: 0.7, reason: { code: 'ambiguous-synonym' } };
  const words = labelWords(label);
  let best = Math.max(wordOverlap(words, labelWords(f.title)), wordOverlap(words, labelWords(f.name)));
  for (const s of keys?.words ?? []) best = Math.max(best, wordOverlap(words, s.words) * (s.weak ? 0.75 : 1));
  return best >= 0.5 ? { score: 0.35 + 0.45 * best, reason: { code: 'similar-name' } } : { score: 0 };
}

/**
 * The schema field a column label names by the proposal's label rules alone (name, title,
 * synonyms, word overlap; no values), or null when none scores MIN_SCORE or two fields tie: how
 * a label changed in a repeated header is matched to the first header's (`Nature` for `Type`).
 */
export function labelField(target: Target): (label: string) => string | null {
  const keys = synonymKeys(target.name);
  return (label) => {
    let best: string | null = null;
    let top = 0;
    let tie = false;
    for (const f of target.fields) {
      const s = nameScore(f, label, keys.get(f.name)).score;
      if (s > top) [best, top, tie] = [f.name, s, false];
      else if (s === top && s > 0) tie = true;
    }
    return top >= MIN_SCORE && !tie ? best : null;
  };
}

const granting = (f: TargetField) => organisationField(f.name) !== null;
const beneficiary = (f: TargetField) => /beneficiaire/i.test(f.name);
const idLike = (f: TargetField) =>
  (!!f.pattern && /\\d\{(9|14)\}/.test(f.pattern)) || /^id(Beneficiaire|Attribuant)$|SIRET|siren/i.test(f.name);

/** How well the values fit the field, as a factor, and what was seen. */
function shapeFactor(f: TargetField, s: ColumnShape, k: FieldKeys | undefined): { factor: number; note?: ReasonPart } {
  if (s.filled === 0) return { factor: 0.6, note: { code: 'empty-column' } };
  let factor = 1;
  let note: ReasonPart | undefined;
  if (f.type === 'number' || f.type === 'integer') factor *= s.amount >= 0.8 ? 1 : 0.3 + 0.6 * s.amount;
  else if (f.type === 'date' || f.type === 'datetime') factor *= s.date >= 0.5 ? 1 : 0.5;
  else if (f.type === 'year') factor *= s.year >= 0.8 ? 1 : 0.5;
  else if (idLike(f)) factor *= s.siret + s.siren >= 0.8 ? 1 : 0.6;
  else if (f.type === 'string' && !f.enum && s.text < 0.2 && s.amount > 0.9 && /nom|objet|titre|libell/i.test(f.name)) factor *= 0.6;
  if (f.enum) {
    const m = proposeValueMap(s.values, f.enum, k?.values);
    factor *= m.mapped >= 0.8 ? 1 : m.mapped >= 0.3 ? 0.7 : 0.4;
  }
  if (granting(f)) {
    if (s.constant && (!idLike(f) || s.publicId >= 0.8))
      [factor, note] = [factor * 1.1, { code: idLike(f) ? 'constant-public-siret' : 'same-value' }];
    else if (!s.constant) factor *= 0.7;
  } else if (beneficiary(f) && s.constant) factor *= 0.6;
  return { factor, note };
}

/** The kinds of document (synonym files' `context`) that a column of few values names, e.g. `CA` → compte administratif. */
function documentsNamed(keys: Map<string, FieldKeys>, shapes: readonly ColumnShape[]): Set<string> {
  const terms = [...new Set([...keys.values()].flatMap((k) => k.context))];
  const seen = new Set<string>();
  if (!terms.length) return seen;
  for (const s of shapes) {
    if (s.distinct === 0 || s.distinct > 3) continue;
    const hits = s.values.map((v) => matchEnum(v, terms));
    if (hits.every((h) => h && h.score >= 0.8)) for (const h of hits) seen.add(h!.value);
  }
  return seen;
}

/** A field tied to a kind of document is the likelier when the file names it, the unlikelier when it names another. */
function contextFactor(k: FieldKeys | undefined, documents: ReadonlySet<string>): { factor: number; note?: ReasonPart } {
  if (!k?.context.length || !documents.size) return { factor: 1 };
  const hit = k.context.find((c) => documents.has(c));
  return hit ? { factor: 1.3, note: { code: 'document', document: hit } } : { factor: 0.8 };
}

const because = (why: ReasonPart[]) => ({ reason: reasonText(why, 'en'), why });

export function proposeMapping(target: Target, input: ProposeInput): MappingProposal {
  const keys = synonymKeys(target.name);
  const labels = input.header.map(cleanLabel);
  const shapes = input.shapes ?? labels.map((_, i) => shapeOf(input.rows.map((r) => r[i] ?? '')));
  const documents = documentsNamed(keys, shapes);
  const pairs: { f: number; c: number; score: number; why: ReasonPart[] }[] = [];
  target.fields.forEach((f, fi) => {
    labels.forEach((label, ci) => {
      const n = nameScore(f, label, keys.get(f.name));
      const sh = shapeFactor(f, shapes[ci], keys.get(f.name));
      const cx = contextFactor(keys.get(f.name), documents);
      let score = n.score * sh.factor * cx.factor;
      let why: ReasonPart[] = n.reason ? [n.reason, ...(sh.note ? [sh.note] : []), ...(cx.note ? [cx.note] : [])] : [];
      // The field's own name is what a person maps, whatever the values (the validation then says what is wrong with them).
      if (n.reason?.code === 'name' && score < 0.5) [score, why] = [0.5, [n.reason, sh.note ?? { code: 'values-do-not-fit' }]];
      // Value shape alone: the granting body's SIRET is the one constant public SIRET.
      if (idLike(f) && granting(f) && shapes[ci].constant && shapes[ci].siret >= 0.9 && shapes[ci].publicId >= 0.9 && score < 0.7)
        [score, why] = [0.7, [{ code: 'value-shape-siret' }]];
      if (score >= MIN_SCORE) pairs.push({ f: fi, c: ci, score: Math.min(1, score), why });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.c - b.c || a.f - b.f);
  const fieldCol = new Map<number, (typeof pairs)[number]>();
  const usedCols = new Set<number>();
  for (const p of pairs) {
    if (fieldCol.has(p.f) || usedCols.has(p.c)) continue;
    fieldCol.set(p.f, p);
    usedCols.add(p.c);
  }
  const cols = { header: input.header, labels, shapes, used: usedCols };
  const fields: FieldProposal[] = target.fields.map((f, fi) => {
    const set = input.constants?.[f.name];
    const p = fieldCol.get(fi);
    if (set && (!p || set.reason === '--set')) {
      if (p) usedCols.delete(p.c);
      return {
        field: f.name,
        kind: 'constant',
        source: null,
        confidence: 1,
        ...because([constantReason(set.reason)]),
        spec: { constant: set.value },
      };
    }
    if (!p) {
      const spread = spreadField(f, cols);
      if (!spread) return { field: f.name, kind: 'none', source: null, confidence: 0, ...because([{ code: 'no-match' }]) };
      for (const i of spread.columns) usedCols.add(i);
      return {
        field: f.name,
        kind: 'expression',
        source: labels[spread.columns[0]],
        confidence: 0.6,
        ...because([spread.reason]),
        spec: spread.spec,
      };
    }
    const source = labels[p.c];
    let spec: FieldSource = { column: input.header[p.c] };
    let why = p.why;
    const more = f.type === 'string' && !f.enum && !f.pattern ? continuation(cols, p.c) : -1;
    if (more >= 0) {
      usedCols.add(more);
      [spec, why] = [{ join: [input.header[p.c], input.header[more]], sep: ' ' }, [...why, { code: 'continued', column: labels[more] }]];
    }
    if (f.enum) {
      const m = proposeValueMap(shapes[p.c].values, f.enum, keys.get(f.name)?.values);
      if (!m.exact && m.mapped > 0) [spec, why] = [{ map: input.header[p.c], values: m.values }, [...why, { code: 'value-map' }]];
    }
    return { field: f.name, kind: kindOf(spec), source, confidence: Math.round(p.score * 100) / 100, ...because(why), spec };
  });
  const unmapped = labels.filter((l, i) => !usedCols.has(i) && l !== '');
  const operations = proposeOperations(input.report);
  const table = tableOf(operations);
  const spec: StandardiseSpec = {
    schema: { name: target.name, version: target.version },
    ...(table ? { table } : {}),
    fields: Object.fromEntries(fields.filter((f) => f.spec).map((f) => [f.field, f.spec!])),
  };
  return { schema: { name: target.name, version: target.version }, fields, unmapped, operations, spec };
}
