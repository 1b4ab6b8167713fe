// A cleaning step: "apply the certain fixes of rule R", optionally narrowed to some columns
// and, for dates, to the source format seen when it was recorded. Steps name columns and
// formats, never data values, so a recipe can be shared and replayed on next year's file.
import { dateFormatsOf, toIsoDate, type DateFormat } from '../values/date';
import type { Diagnostic, FixData } from '../model';

export interface CleanStep {
  rule: string;
  /** Only fixes in these columns (header labels); absent = every column. */
  fields?: string[];
  /** date-format: source format per column; a cell read another way is left alone. */
  formats?: Record<string, string>;
}

/** The date source formats the steps name, by column: what the linter needs to fix ambiguous columns. */
export function stepDateFormats(steps: readonly CleanStep[] | undefined): Record<string, string> | undefined {
  const all = steps?.filter((s) => s.rule === 'date-format' && s.formats).map((s) => s.formats!);
  return all?.length ? Object.assign({}, ...all) : undefined;
}

/** A step as recorded after it ran: which kind of edit and how many. */
export interface RecordedStep extends CleanStep {
  fix: FixData['kind'];
  count: number;
}

/** The source format that turns `value` into `iso`, if exactly one date format does. */
export function dateSourceFormat(value: string, iso: string): DateFormat | undefined {
  const v = value.trim();
  const ok = dateFormatsOf(v).filter((f) => toIsoDate(v, f) === iso);
  // 03/03/2019 reads the same both ways: name it by the French order.
  return ok.find((f) => f !== 'mm/dd/yyyy') ?? ok[0];
}

/** Does this fix belong to one of the steps? `valueOf` reads the current cell text. */
export function stepAccepts(step: CleanStep, d: Diagnostic, valueOf: (d: Diagnostic) => string | undefined): boolean {
  if (d.rule !== step.rule || !d.fix) return false;
  if (step.fields && d.field != null && !step.fields.includes(d.field)) return false;
  if (step.formats && d.field != null && d.fix.kind === 'set-cell') {
    const want = step.formats[d.field];
    const value = valueOf(d);
    // The cell must read as the same date in the recorded format (a day/month swap must not pass).
    if (want && (value === undefined || toIsoDate(value.trim(), want as DateFormat) !== d.fix.value)) return false;
  }
  return true;
}

/** Folds applied fixes into recorded steps, in order of first appearance. */
export function recordSteps(into: RecordedStep[], applied: readonly Diagnostic[], valueOf: (d: Diagnostic) => string | undefined): void {
  // A date that reads the same both ways (03/03/2019) names the French order only until a cell of
  // the column tells the order apart.
  const guessed = new Set<string>();
  // Columns already named by each step: a Set, or 200 000 deleted columns cost 200 000² compares.
  const named = new Map<RecordedStep, Set<string>>();
  for (const d of applied) {
    const fix = d.fix!;
    let step = into.find((s) => s.rule === d.rule && s.fix === fix.kind);
    if (!step) into.push((step = { rule: d.rule, fix: fix.kind, count: 0 }));
    step.count++;
    // Column-scoped fixes remember their column; row and file fixes (blank rows, EOL) do not.
    const scoped = d.field != null && (fix.kind === 'set-cell' || fix.kind === 'delete-column' || fix.kind === 'quote-cells');
    if (scoped) {
      let seen = named.get(step);
      if (!seen) named.set(step, (seen = new Set(step.fields)));
      if (!seen.has(d.field!)) {
        seen.add(d.field!);
        (step.fields ??= []).push(d.field!);
      }
    }
    if (d.rule === 'date-format' && fix.kind === 'set-cell' && d.field != null && d.row !== 1) {
      const value = valueOf(d)?.trim();
      const ok = value !== undefined ? dateFormatsOf(value).filter((f) => toIsoDate(value, f) === fix.value) : [];
      const formats = (step.formats ??= {});
      if (ok.length === 1 && (formats[d.field] === undefined || guessed.delete(d.field))) formats[d.field] = ok[0];
      else if (ok.length > 1 && formats[d.field] === undefined) {
        formats[d.field] = dateSourceFormat(value!, fix.value)!;
        guessed.add(d.field);
      }
      if (Object.keys(formats).length === 0) delete step.formats;
    }
  }
}
