// The records of a CSV `odw standardise` writes (RFC 4180, comma, CRLF), for the tests to read back.
import { readFileSync } from 'node:fs';

export function csvRecords(csv: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && csv[i + 1] === '\n') (row.push(cell), out.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  return out;
}

export const fileRecords = (path: string): string[][] => csvRecords(readFileSync(path, 'utf8'));
