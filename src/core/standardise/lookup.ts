// Reference tables for `lookup` entries: a small CSV (a nomenclature: code → label) read once
// into a map. A key seen twice is an error, since the label to use would be a guess.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { decode } from '../read/decode';
import { readTextRows } from '../chart/read-rows';
import { err } from './errors';
import { findColumn } from './table-ops';

export type LookupTables = Map<string, Map<string, string>>;

/** Above this size a reference file is not a nomenclature. */
const MAX_LOOKUP_BYTES = 64 * 1024 * 1024;

export function loadLookup(file: string, key: string, value: string, baseDir: string): Map<string, string> {
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    throw err('lookup-missing', `Lookup file not found: ${file}.`, `Fichier de correspondance introuvable : ${file}.`);
  }
  if (buf.length > MAX_LOOKUP_BYTES)
    throw err('bad-spec', `Lookup file too large: ${file}.`, `Fichier de correspondance trop gros : ${file}.`);
  const rows: string[][] = [];
  readTextRows(decode(buf).text, /\.tsv$/i.test(file) ? 'tsv' : 'csv', (r) => rows.push(r.values));
  const header = rows[0] ?? [];
  const k = findColumn(header, key);
  const v = findColumn(header, value);
  for (const [c, i] of [
    [key, k],
    [value, v],
  ] as const)
    if (i < 0) throw err('lookup-column', `${file}: no column “${c}”.`, `${file} : pas de colonne « ${c} ».`);
  const map = new Map<string, string>();
  for (let r = 1; r < rows.length; r++) {
    const kk = (rows[r][k] ?? '').trim();
    if (!kk) continue;
    if (map.has(kk))
      throw err(
        'lookup-duplicate',
        `${file}: key “${kk}” appears twice (row ${r + 1}); a lookup needs unique keys.`,
        `${file} : la clé « ${kk} » apparaît deux fois (ligne ${r + 1}) ; une correspondance demande des clés uniques.`,
      );
    map.set(kk, rows[r][v] ?? '');
  }
  return map;
}
