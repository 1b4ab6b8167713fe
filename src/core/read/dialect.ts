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
  let headerFits = false;
  const late: [string, number][] = [];
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d, quoteChar));
    const header = counts[0];
    if (header === 0) {
      // Absent from the first line (a title?): it must split most of the other lines alike,
      // or one cell full of tabs would make a `;` file look tab-separated.
      const m = modeOfNonZero(counts, 1);
      if (m.share > 0.5) late.push([d, m.share * Math.min(m.count, 50)]);
      continue;
    }
    // Share of lines whose field count equals the header's, weighted by how many fields.
    const same = counts.filter((c) => c === header).length / counts.length;
    if (same === 1 && lines.length > 1) headerFits = true;
    const score = same * Math.min(header, 50) + 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  // A delimiter that splits the header and every line alike beats one the header lacks.
  if (!headerFits)
    for (const [d, score] of late)
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
  return best;
}

/** The most frequent non-zero count from index `from` on, and the share of those lines having it. */
function modeOfNonZero(counts: number[], from: number): { count: number; share: number } {
  const n = counts.length - from;
  if (n <= 0) return { count: 0, share: 0 };
  const seen = new Map<number, number>();
  let count = 0;
  let best = 0;
  for (let i = from; i < counts.length; i++) {
    const c = counts[i];
    if (c === 0) continue;
    const k = (seen.get(c) ?? 0) + 1;
    seen.set(c, k);
    if (k > best) {
      best = k;
      count = c;
    }
  }
  return { count, share: best / n };
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
