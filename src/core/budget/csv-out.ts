// CSV as Python's csv.writer writes it (the reference converter's writer): comma, CRLF, a
// field quoted only when it holds a comma, a quote, CR or LF, quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly string[]): string {
  // Python writes a lone empty field as "" so the row is not read back as blank.
  if (cells.length === 1 && cells[0] === '') return '""\r\n';
  return cells.map(csvField).join(',') + '\r\n';
}
