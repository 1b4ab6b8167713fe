// Problems a reader finds itself (encoding, badly quoted rows, an empty or unreadable file),
// reported under a registered rule's id and message.
import type { Diagnostic, Lang, Loc } from './model';
import { ruleById } from './rules/registry';
import type { SourceErrorParams } from './rules/source-error';

/** Builds a diagnostic for a rule the reader reports itself (encoding, source errors). */
export function readerDiagnostic(rule: string, params: unknown, loc: Loc, lang: Lang): Diagnostic {
  const r = ruleById(rule)!;
  return {
    rule,
    severity: r.meta.severity,
    message: r.message(lang, params),
    row: loc.row,
    column: loc.column,
    field: null,
    line: loc.line ?? null,
    start: loc.start ?? null,
    end: loc.end ?? null,
  };
}

/** The source-error of a row papaparse found badly quoted. */
export function quoteError(kind: 'MissingQuotes' | 'InvalidQuotes', lang: Lang, loc: Loc): Diagnostic {
  return sourceError(kind === 'MissingQuotes' ? 'missing-quote' : 'invalid-quote', lang, loc);
}

export function sourceError(
  kind: SourceErrorParams['kind'],
  lang: Lang,
  loc: Loc = { row: null, column: null },
  detail?: string,
): Diagnostic {
  return readerDiagnostic('source-error', { kind, detail } satisfies SourceErrorParams, loc, lang);
}
