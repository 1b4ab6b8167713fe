// A1-style cell addresses. Columns and rows are 1-based everywhere in src/core/sheet.

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(col: number, row: number): string {
  return columnLetters(col) + row;
}

/** Parses "C12" (also "$C$12"); null when it is not a cell address. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

/** Parses "A1:C3" (or a single cell "B2") into an inclusive range. */
export function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const p = parseCellRef(a);
  const q = parseCellRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rangeRef(r: CellRange): string {
  const a = cellRef(r.left, r.top);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellRef(r.right, r.bottom)}`;
}

/** How a location reads for people: `Feuil1!C12` (quoted when the sheet name needs it). */
export function qualifiedRef(sheet: string, ref: string): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${ref}`;
}
