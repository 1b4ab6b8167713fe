// Extra folders of the inventory (a network share, say): the tables they hold, with their
// size and freshness, and the PDFs, whose tables can only be had from the service's source
// file. Walks the tree once, skipping dot folders and node_modules, up to a file budget.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { inspectTable, TABLE_EXTENSIONS, type TableFacts } from '../project/inventory';
import { lintFile } from '../lint-file';

export interface FolderFile {
  /** Absolute path. */
  path: string;
  /** Relative to the scanned folder, `/` separators. */
  rel: string;
  size: number;
  /** Last modification, ISO 8601. */
  modified: string;
}

export interface FolderTable extends FolderFile {
  facts: TableFacts;
  /** Lint result (rules + detected schema) of tables up to QUALITY_MAX_BYTES; undefined above. */
  quality?: { errors: number; warnings: number };
}

export interface FolderScan {
  root: string;
  tables: FolderTable[];
  pdfs: FolderFile[];
  /** Set when the folder could not be read at all. */
  error?: string;
  /** True when the file budget stopped the walk. */
  truncated: boolean;
}

export const MAX_FOLDER_FILES = 2000;
/** A share may hold large exports: only smaller tables get a quality summary. */
export const QUALITY_MAX_BYTES = 5 * 1024 * 1024;

async function qualityOf(path: string, size: number): Promise<FolderTable['quality']> {
  if (size > QUALITY_MAX_BYTES) return undefined;
  try {
    const r = await lintFile(path, { maxProblems: 10_000 });
    if (r.fatal) return undefined;
    return {
      errors: r.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
    };
  } catch {
    return undefined;
  }
}

export async function scanFolder(root: string, max = MAX_FOLDER_FILES): Promise<FolderScan> {
  const found: { path: string; kind: 'table' | 'pdf' }[] = [];
  let truncated = false;
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (found.length >= max) return void (truncated = true);
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(full);
      } else if (e.isFile()) {
        const ext = extname(e.name).toLowerCase();
        if ((TABLE_EXTENSIONS as readonly string[]).includes(ext)) found.push({ path: full, kind: 'table' });
        else if (ext === '.pdf') found.push({ path: full, kind: 'pdf' });
      }
    }
  };
  try {
    if (!(await stat(root)).isDirectory()) return { root, tables: [], pdfs: [], error: 'not a folder', truncated };
  } catch (e) {
    return { root, tables: [], pdfs: [], error: (e as Error).message, truncated };
  }
  await walk(root);
  const file = async (p: string): Promise<FolderFile> => {
    const s = await stat(p).catch(() => undefined);
    return { path: p, rel: relative(root, p).split(sep).join('/'), size: s?.size ?? 0, modified: s ? s.mtime.toISOString() : '' };
  };
  const byRel = (a: FolderFile, b: FolderFile) => a.rel.localeCompare(b.rel, 'fr');
  const tables: FolderTable[] = [];
  for (const f of found.filter((x) => x.kind === 'table')) {
    const info = await file(f.path);
    const facts = await inspectTable(f.path);
    tables.push({ ...info, facts, quality: facts.error ? undefined : await qualityOf(f.path, info.size) });
  }
  const pdfs = await Promise.all(found.filter((x) => x.kind === 'pdf').map((f) => file(f.path)));
  return { root, tables: tables.sort(byRel), pdfs: pdfs.sort(byRel), truncated };
}
