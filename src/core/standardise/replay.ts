// `odw clean --recipe` on a recipe with a standardise step: the file is mapped to the schema
// into a staging file next to the output, which the cleaning steps then read.
import { dirname, resolve } from 'node:path';
import type { Lang } from '../model';
import { standardiseStepOf, type Recipe } from '../clean/recipe';
import { StandardiseError } from './errors';
import { standardiseToFile } from './run';
import { resolveTarget } from './target';

/** The staging file's path, null without a standardise step, or the exit code of a failure (reported). */
export async function replayStandardise(
  recipe: Recipe,
  a: { file: string; out: string; recipe?: string; lang: Lang },
  err: (s: string) => void,
): Promise<string | null | number> {
  const spec = standardiseStepOf(recipe);
  if (!spec) return null;
  const staged = `${a.out}.standardised.csv`;
  try {
    const target = resolveTarget(spec.schema.name, spec.schema.version);
    await standardiseToFile(spec, target, { path: a.file }, staged, {
      baseDir: a.recipe ? dirname(resolve(a.recipe)) : dirname(resolve(a.file)),
    });
    return staged;
  } catch (e) {
    if (!(e instanceof StandardiseError)) throw e;
    err(e.in(a.lang));
    return e.code === 'unreadable' ? 2 : 1;
  }
}
