// The problems left in a standardised file: the linter with the target schema, summarised by
// rule with the first few located examples, for the CLI and the webview's counts.
import { lintFile } from '../lint-file';
import { lintCsvText } from '../lint-csv';
import { schemaSetup } from '../schema/setup';
import type { Diagnostic, Lang } from '../model';
import type { Target } from './target';
import { allRules } from '../rules/registry';
import type { RuleSetting } from '../options';

export interface ProblemSummary {
  errors: number;
  warnings: number;
  /** Problems per rule. */
  byRule: Record<string, number>;
  /** Problems per schema field. */
  byField: Record<string, number>;
  lines: string[];
  /** The linter stopped keeping problems at its cap: the counts are lower bounds. */
  capped?: boolean;
}

export function summarise(diagnostics: readonly Diagnostic[], examples = 20, lang: Lang = 'en'): ProblemSummary {
  const rowWord = lang === 'fr' ? 'ligne' : 'row';
  const fileWord = lang === 'fr' ? 'fichier' : 'file';
  const colon = lang === 'fr' ? ' :' : ':';
  const s: ProblemSummary = { errors: 0, warnings: 0, byRule: {}, byField: {}, lines: [] };
  for (const d of diagnostics) {
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else continue;
    s.byRule[d.rule] = (s.byRule[d.rule] ?? 0) + 1;
    if (d.field) s.byField[d.field] = (s.byField[d.field] ?? 0) + 1;
    // Schema descriptions can run for paragraphs: the first sentence locates the problem.
    const msg = d.message.length > 200 ? `${d.message.slice(0, 199)}…` : d.message;
    if (s.lines.length < examples)
      s.lines.push(`${d.row != null ? `${rowWord} ${d.row}` : fileWord}${d.field ? ` [${d.field}]` : ''} ${d.rule}${colon} ${msg}`);
  }
  return s;
}

/** Problems counted in a written file; beyond, the count is "at least". */
const MAX_COUNTED = 100_000;

export async function problemsLeft(path: string, target: Target, lang: Lang): Promise<ProblemSummary> {
  const report = await lintFile(path, { schema: target.name, lang, maxProblems: MAX_COUNTED });
  return { ...summarise(report.diagnostics, 20, lang), ...(report.diagnostics.length >= MAX_COUNTED ? { capped: true } : {}) };
}

let schemaOnly: Record<string, RuleSetting> | undefined;

/**
 * Validation of preview text (the first rows of the result), in memory: the schema's checks
 * only, since the table is written by us (no structure or encoding problem to find) and the
 * preview must follow every change of the mapping.
 */
export function previewProblems(text: string, target: Target, lang: Lang): ProblemSummary {
  const setup = schemaSetup({ schema: target.name }, lang);
  schemaOnly ??= Object.fromEntries(allRules.map((r) => [r.meta.id, 'off' as const]));
  return summarise(lintCsvText(text, { lang, checks: setup.checks, rules: schemaOnly, maxProblems: 100_000 }).diagnostics, 0);
}
