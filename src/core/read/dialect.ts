// Delimiter detection: the candidate that splits the first lines into the most
// consistent, largest number of fields wins. Quoted sections are skipped.

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter a lint uses: the one asked for, a tab for TSV, else the one detected in `text`. */
export function delimiterFor(text: string, format: 'csv' | 'tsv', forced?: string): string {
  return forced ?? (format === 'tsv' ? '\t' : detectDelimiter(text));
}

export function detectDelimiter(text: string, quoteChar = '"', fallback = ','): string {
  const lines = sampleLines(text, quoteChar, 50);
  if (lines.length === 0) return fallback;
  let best = fallback;
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d, quoteChar));
    const header = counts[0];
    if (header === 0 && counts.every((c) => c === 0)) continue;
    // Share of lines whose field count equals the header's, weighted by how many fields.
    const same = counts.filter((c) => c === header).length / counts.length;
    const score = same * Math.min(header || Math.max(...counts), 50) + (header > 0 ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
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

function countOutsideQuotes(line: string, d: string, q: string): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === q) inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}
