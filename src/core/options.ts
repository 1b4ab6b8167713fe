// Every option a lint takes, in one place: the session's (rules, cap, checks…), then what each
// way of reading adds — text (delimiter, known encoding), a file streamed from disk, any file.
import type { CheckFactory, RuleSetting } from './engine/check';
import type { Lang } from './model';
import type { Decoded } from './read/decode';
import type { TextStreamOptions } from './read/text-stream';
import type { SchemaOptions } from './schema/setup';

export type { RuleSetting } from './engine/check';

/** Problems listed per file by default (all are counted). */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** What the lint session reads (engine/session.ts). */
export interface LintOptions {
  lang?: Lang;
  /** Per-rule override: severity or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Cap on the problems listed per file (all are counted); 0 = no limit. */
  maxProblems?: number;
  /** Extra checks run in the same pass (Table Schema, custom checks…). */
  checks?: CheckFactory[];
  /** date-format: the source format of a column, by header label (the user's answer, or a recipe's). */
  dateFormats?: Record<string, string>;
  /**
   * Keep only problems that carry a fix (and schema type errors, which take the fix of the rule
   * that explains them); the rest are counted. Cleaning a 1 GB file must not hold millions of
   * problems it cannot repair.
   */
  fixesOnly?: boolean;
}

/** Linting CSV/TSV text or bytes (lint-csv.ts). */
export interface CsvLintOptions extends LintOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: string;
  /** What is known of the bytes when linting editor text (VS Code decoded them already). */
  encoding?: Pick<Decoded, 'encoding' | 'bomLies'>;
  format?: 'csv' | 'tsv';
}

/** Linting a CSV streamed from disk (lint-csv-stream.ts, split/split-lint.ts). */
export interface StreamOptions extends CsvLintOptions, TextStreamOptions {}

/** Linting any table file (lint-file.ts). `schema`, `schemaGlobs`, `resolvedSchema`: see SchemaOptions (undefined schema = detect). */
export interface FileLintOptions extends LintOptions, SchemaOptions, Pick<StreamOptions, 'onProgress' | 'signal' | 'delimiter'> {
  /** A workbook: lint this sheet only (by name); the schema describes it. Ignored for CSV. */
  sheet?: string;
}
