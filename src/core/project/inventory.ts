// Inventory of candidate data files: which tables a folder holds, their size, row count,
// header and the catalog schema the header looks like. Row counts stream the bytes (the
// quote and newline bytes are ASCII in every encoding French exports use), so a 1 GB CSV
// costs one read and no memory.
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import Papa from 'papaparse';
import { decode } from '../read/decode';
import { detectDelimiter } from '../read/dialect';
import { detectSchema } from '../schema/detect';
import { globMatches } from '../schema/glob';
import { peekHeader, listSheets } from '../sheet/peek';

export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.xlsx', '.ods'] as const;
export const TABLE_GLOB = '**/*.{csv,tsv,xlsx,ods,CSV,TSV,XLSX,ODS}';

export interface TableFacts {
  size: number;
  /** Last modification of the file (ISO 8601): how fresh the table is. */
  modified?: string;
  /** Data rows (header excluded); undefined for workbooks, which are not read whole. */
  rows?: number;
  header: string[];
  /** Catalog schema the header matches, e.g. scdl/subventions, with the columns found. */
  schema?: { name: string; version: string; matched: number; total: number };
  /** Why the file could not be read; the other fields are then best effort. */
  error?: string;
}

const isTable = (path: string) => (TABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());

const HEAD_BYTES = 64 * 1024;

export async function inspectTable(path: string): Promise<TableFacts> {
  let size = 0;
  let modified: string | undefined;
  try {
    const s = await stat(path);
    size = s.size;
    modified = s.mtime.toISOString();
    const ext = extname(path).toLowerCase();
    const header = ext === '.xlsx' || ext === '.ods' ? await workbookHeader(path) : await textHeader(path);
    const rows = ext === '.xlsx' || ext === '.ods' ? undefined : Math.max(0, (await countRecords(path)) - 1);
    const d = header.length ? detectSchema(header) : null;
    return {
      size,
      modified,
      rows,
      header,
      ...(d ? { schema: { name: d.ref.name, version: d.ref.version, matched: d.matched, total: d.total } } : {}),
    };
  } catch (e) {
    return { size, header: [], error: (e as Error).message };
  }
}

async function textHeader(path: string): Promise<string[]> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    const text = decode(buf.subarray(0, bytesRead)).text;
    const delimiter = path.toLowerCase().endsWith('.tsv') ? '\t' : detectDelimiter(text);
    const first = Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? [];
    return first.map((v) => v.trim());
  } finally {
    await fh.close();
  }
}

async function workbookHeader(path: string): Promise<string[]> {
  const sheet = (await listSheets(path)).find((s) => s.state === 'visible');
  return sheet ? (await peekHeader(path, sheet.name)).labels : [];
}

/** Records in a CSV: line breaks outside quotes, plus a last line without a break. */
export async function countRecords(path: string): Promise<number> {
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) quoted = !quoted;
      if (b === 0x0a && !quoted) {
        if (lineHasContent) records++;
        lineHasContent = false;
      } else if (b !== 0x0d) lineHasContent = true;
    }
  }
  return records + (lineHasContent ? 1 : 0);
}

/**
 * Table files under `root` (relative paths, `/` separators, sorted), skipping dot folders,
 * node_modules and `exclude` globs (files.exclude style). The editor uses findFiles instead;
 * this serves the CLI, the worker and the tests.
 */
export async function scanTables(root: string, exclude: string[] = []): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      const rel = relative(root, full).split(sep).join('/');
      if (exclude.some((g) => globMatches(g, rel))) continue;
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(full);
      } else if (e.isFile() && isTable(e.name)) found.push(rel);
    }
  };
  await walk(root);
  return found.sort((a, b) => a.localeCompare(b, 'fr'));
}
