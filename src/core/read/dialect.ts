// Delimiter detection: each candidate is scored on the header (how many named columns it makes)
// and on row-length consistency (the share of records that split like the header). Trailing
// empty fields do not count as columns: an Excel re-save of a comma file ends every line with
// `;;`, which must not make `;` the separator of a 3-column table. Quoted sections are skipped.

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** What detection found: the winner, and the runner-up when it came close (the report says so). */
export interface DialectGuess {
  delimiter: string;
  /** Named columns of the header and share of records that split like it, per candidate scored. */
  scores: { delimiter: string; score: number; columns: number; consistent: number }[];
  /** Set when the second candidate scored at least CLOSE × the winner's score. */
  close?: { runnerUp: string; columns: number; runnerUpColumns: number; consistent: number; runnerUpConsistent: number };
}

/** A runner-up at this share of the winner's score is a close call. */
export const CLOSE = 0.75;

/** The delimiter a lint uses: the one asked for, a tab for TSV, else the one detected in `text`. */
export function delimiterFor(text: string, format: 'csv' | 'tsv', forced?: string): string {
  return dialectFor(text, format, forced).delimiter;
}

/** As `delimiterFor`, with what detection weighed (none when forced or TSV). */
export function dialectFor(text: string, format: 'csv' | 'tsv', forced?: string): DialectGuess {
  if (forced) return { delimiter: forced, scores: [] };
  if (format === 'tsv') return { delimiter: '\t', scores: [] };
  return detectDialect(text);
}

export function detectDelimiter(text: string, quoteChar = '"', fallback = ','): string {
  return detectDialect(text, quoteChar, fallback).delimiter;
}

export function detectDialect(text: string, quoteChar = '"', fallback = ','): DialectGuess {
  const lines = sampleLines(text, quoteChar, 50);
  if (lines.length === 0) return { delimiter: fallback, scores: [] };
  const scores: DialectGuess['scores'] = [];
  for (const d of DELIMITERS) {
    const split = lines.map((l) => fieldsOf(l, d, quoteChar));
    const header = split[0];
    if (split.every((f) => f.raw === 1)) continue;
    // The header's named columns (trailing empty labels are not columns).
    const columns = header.kept;
    // A record splits like the header: the same number of fields, or fewer once its trailing
    // empty fields are dropped (a short row is a missing-cell, not another dialect).
    const rows = split.length > 1 ? split.slice(1) : split;
    const consistent = rows.filter((f) => f.raw === header.raw || (f.kept <= columns && f.raw >= columns)).length / rows.length;
    const named = header.named / Math.max(header.kept, 1);
    const score = columns <= 1 ? 0.1 * consistent : consistent * Math.min(columns, 50) * (0.5 + 0.5 * named);
    scores.push({ delimiter: d, score, columns, consistent });
  }
  if (scores.length === 0) return { delimiter: fallback, scores };
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  const guess: DialectGuess = { delimiter: best.delimiter, scores };
  // Only between candidates that each split some records alike (an unclosed quote makes no close call).
  if (second && second.columns > 1 && best.consistent > 0 && second.consistent > 0 && second.score >= CLOSE * best.score)
    guess.close = {
      runnerUp: second.delimiter,
      columns: best.columns,
      runnerUpColumns: second.columns,
      consistent: best.consistent,
      runnerUpConsistent: second.consistent,
    };
  return guess;
}

/** First `max` records, with newlines inside quotes kept in their record. */
function sampleLines(text: string, quoteChar: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  const end = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < end && out.length < max; i++) {
    const c = text[i];
    if (c === quoteChar) inQuotes = !inQuotes;
    else if ((c === '\n' || c === '\r') && !inQuotes) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < max && start < end) out.push(text.slice(start, end));
  return out.filter((l) => l.trim() !== '');
}

/** A record's fields for delimiter `d`: all of them, without its trailing empty ones, and the non-blank ones. */
function fieldsOf(line: string, d: string, q: string): { raw: number; kept: number; named: number } {
  let raw = 1;
  let kept = 0;
  let named = 0;
  let inQuotes = false;
  let filled = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === q) {
      inQuotes = !inQuotes;
      filled = true;
    } else if (c === d && !inQuotes) {
      if (filled) ((kept = raw), named++);
      raw++;
      filled = false;
    } else if (c !== ' ' && c !== '\t' && c !== '\r') filled = true;
  }
  if (filled) ((kept = raw), named++);
  return { raw, kept, named };
}
