// Where the standardised file goes (a new name beside the source, never an existing file) and
// the organisation the settings give for the granting-body fields.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Organisation } from '../../core/standardise/organisation';

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
