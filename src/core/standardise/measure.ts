// Precision and recall of the proposal against what a person maps (a list of files with their
// expected field → column), for scripts/standardise/measure.mjs and the unit test's floor.
import { join } from 'node:path';
import { proposeMapping } from './propose';
import { sampleSource } from './sample';
import { resolveTarget } from './target';
import { cleanLabel } from './labels';

export interface Expected {
  file: string;
  schema: string;
  fields: Record<string, string>;
}

export interface FileScore {
  file: string;
  schema: string;
  proposed: number;
  expected: number;
  correct: number;
  wrong: string[];
  missed: string[];
}

export async function measureFile(dir: string, e: Expected): Promise<FileScore> {
  const target = resolveTarget(e.schema);
  const sample = await sampleSource({ path: join(dir, e.file) }, { target });
  const p = proposeMapping(target, sample);
  const proposed = p.fields.filter((f) => f.source !== null);
  const s: FileScore = {
    file: e.file,
    schema: e.schema,
    proposed: proposed.length,
    expected: Object.keys(e.fields).length,
    correct: 0,
    wrong: [],
    missed: [],
  };
  for (const f of proposed) {
    if (e.fields[f.field] !== undefined && cleanLabel(e.fields[f.field]) === f.source) s.correct++;
    else s.wrong.push(`${f.field} ← ${f.source}`);
  }
  for (const [field, col] of Object.entries(e.fields))
    if (!proposed.some((f) => f.field === field && f.source === cleanLabel(col))) s.missed.push(`${field} ← ${col}`);
  return s;
}

export function totals(scores: readonly FileScore[]): { precision: number; recall: number } {
  const sum = (k: 'proposed' | 'expected' | 'correct') => scores.reduce((n, s) => n + s[k], 0);
  return {
    precision: sum('proposed') ? sum('correct') / sum('proposed') : 1,
    recall: sum('expected') ? sum('correct') / sum('expected') : 1,
  };
}
