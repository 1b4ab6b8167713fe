// Where the standardised file goes (a new name beside the source, never an existing file), what
// can be stacked under the table, and the organisation the settings give for the granting-body fields.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Organisation } from '../../core/standardise/organisation';
import type { TableOps } from '../../core/standardise/spec';
import { listSheets, peekHeader } from '../../core/sheet/peek';
import type { StackCandidate } from '../../protocol/standardise';

/** `aides.xlsx` + scdl/subventions → `aides-subventions.csv`, then `-2`, `-3`… if taken. */
export function freeOutputPath(source: string, schema: string): string {
  const stem = path.join(path.dirname(source), path.basename(source, path.extname(source)));
  const base = `${stem}-${schema
    .split('/')
    .pop()!
    .replace(/[^A-Za-z0-9_-]+/g, '_')}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}.csv` : `${base}-${n}.csv`;
    if (!existsSync(candidate)) return candidate;
  }
}

export function organisationSetting(scope: vscode.Uri): Organisation {
  const c = vscode.workspace.getConfiguration('openData.organisation', scope);
  return { name: c.get<string>('name', '') || undefined, siret: c.get<string>('siret', '') || undefined };
}

const TABLES = '**/*.{csv,tsv,xlsx,xlsm,ods}';
const SKIP = '{**/node_modules/**,**/.git/**,**/.opendata/**,**/.vscode/**}';
const BOOK = /\.(xlsx|xlsm|ods)$/i;

/**
 * What can be stacked under the table: the other sheets of its workbook, the workspace's other
 * tables (each sheet of a workbook), and whatever the recipe already stacks. Paths are relative to
 * the source's folder, as the recipe keeps them.
 */
export async function stackCandidates(source: { uri: vscode.Uri; sheet?: string }, table?: TableOps): Promise<StackCandidate[]> {
  const dir = path.dirname(source.uri.fsPath);
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const out: StackCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: StackCandidate) => {
    const k = `${path.resolve(dir, c.path)}\u0000${c.sheet ?? ''}`;
    if (!seen.has(k)) (seen.add(k), out.push(c));
  };
  seen.add(`${path.resolve(source.uri.fsPath)}\u0000${source.sheet ?? ''}`);
  // Only the sheets that hold a table (Feuil2, Feuil3 are often empty).
  const sheetsOf = async (file: string) => {
    const visible = (await listSheets(file).catch(() => [])).filter((s) => s.state === 'visible');
    const withTable = await Promise.all(
      visible.map(async (s) => ((await peekHeader(file, s.name).catch(() => null))?.labels.some((l) => l.trim()) ? s.name : null)),
    );
    return withTable.filter((n) => n !== null);
  };
  if (BOOK.test(source.uri.fsPath)) {
    const own = await sheetsOf(source.uri.fsPath);
    // A workbook opened without a sheet shows its first one.
    if (source.sheet === undefined && own.length) seen.add(`${path.resolve(source.uri.fsPath)}\u0000${own[0]}`);
    const name = path.basename(source.uri.fsPath);
    for (const s of own) add({ path: name, sheet: s, label: s, title: `${name} — ${s}` });
  }
  const files = (await vscode.workspace.findFiles(TABLES, SKIP, 300)).map((u) => u.fsPath).sort();
  let books = 0;
  for (const f of files) {
    if (path.resolve(f) === path.resolve(source.uri.fsPath)) continue;
    const name = path.basename(f);
    if (BOOK.test(f) && books++ < 30)
      for (const s of await sheetsOf(f)) add({ path: rel(f), sheet: s, label: `${name} — ${s}`, title: `${rel(f)} — ${s}` });
    else add({ path: rel(f), label: name, title: rel(f) });
  }
  for (const f of table?.stack?.files ?? [])
    add({
      path: f.path,
      ...(f.sheet ? { sheet: f.sheet } : {}),
      label: f.label ?? path.basename(f.path),
      title: f.path + (f.sheet ? ` — ${f.sheet}` : ''),
    });
  return out;
}

/** Every file a table's stack reads is one the panel offered (a message is only JSON from the webview). */
export function stackAllowed(table: TableOps | undefined, offered: readonly StackCandidate[]): boolean {
  return (table?.stack?.files ?? []).every((f) => offered.some((c) => c.path === f.path && (c.sheet ?? '') === (f.sheet ?? '')));
}
