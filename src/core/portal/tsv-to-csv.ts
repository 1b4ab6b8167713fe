// TSV → CSV for portals whose upload allow-list has no `.tsv` (udata's default
// ALLOWED_RESOURCES_EXTENSIONS). The copy is written next to the project's own state
// (.opendata/converted/), the user's file is never touched; cells are copied verbatim (no
// trimming, so no formula can appear), re-quoted per RFC 4180, in UTF-8.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decode } from '../read/decode';

/** A converted copy larger than this is refused: the whole file is held in memory. */
const MAX_BYTES = 512 * 1024 * 1024;

function tsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cell = '';
    if (text[i] === '"') {
      // A quoted cell, as spreadsheets export a tab-separated cell holding a tab or a line break.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i);
          i = n;
          break;
        }
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator belongs to the cell.
      while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) break;
    if (text[i] === '\t') {
      i++;
      if (i === n) row.push('');
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** Writes `<root>/.opendata/converted/<name>.csv` and returns its path. */
export function convertTsvToCsv(src: string, root: string): string {
  if (statSync(src).size > MAX_BYTES) throw new Error(`${src}: larger than ${MAX_BYTES / 1048576} MB, convert it with "odw clean"`);
  const { text } = decode(readFileSync(src));
  const out = rowsToCsv(tsvRows(text));
  const dir = path.join(root, '.opendata', 'converted');
  mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, `${path.basename(src).replace(/\.[^.]+$/, '')}.csv`);
  writeFileSync(dest, out, 'utf8');
  return dest;
}

export function rowsToCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

export { tsvRows };
