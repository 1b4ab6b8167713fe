// `odw clean <file> [--recipe r.json] --out <file> [--record r.json] [--schema s] [--lang fr]`:
// applies a recipe's steps (or, without --recipe, every certain fix) and writes a new UTF-8
// file. The input is never modified.
import { existsSync, rmSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decode } from '../read/decode';
import type { Lang, Text } from '../model';
import { cleanText, type Counts } from './clean-text';
import { cleanCsvFile } from './clean-stream';
import { textLinter, withSchemaChecks } from './linter';
import { appendSteps, parseRecipe, replaySteps, toJson, type RecipeStep } from './recipe';
import { misspeltRuleNotes } from './recipe-rules';
import { stepDateFormats, type CleanStep, type RecordedStep } from './steps';
import { notCsv } from './refuse';
import { replayStandardise } from '../standardise/replay';
import { langOf, noValue, usageWords } from '../usage-words';
import { resolveSchemaArg } from '../schema/resolve';
import { outputProblem, sameFile, writeOutput } from '../write/output';

/** Above this size the file is cleaned streaming, row by row. */
export const STREAM_CLEAN_BYTES = 50 * 1024 * 1024;

interface CleanArgs {
  file: string;
  out: string;
  recipe?: string;
  record?: string;
  schema?: string;
  lang: Lang;
}

const USAGE: Text = {
  en: 'usage: odw clean <file> [--recipe <recipe.json>] --out <file> [--record <recipe.json>] [--schema <name|path>] [--lang en|fr]',
  fr: 'usage : odw clean <fichier> [--recipe <recette.json>] --out <fichier> [--record <recette.json>] [--schema <nom|chemin>] [--lang en|fr]',
};

function parse(argv: string[], lang0: Lang): CleanArgs | string {
  const args = argv[0] === 'clean' ? argv.slice(1) : argv;
  const w = usageWords(langOf(args, lang0), USAGE);
  const flags: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const v = args[++i];
      if (noValue(v)) return w.needsValue(a);
      flags[a.slice(2)] = v;
    } else files.push(a);
  }
  const unknown = Object.keys(flags).find((k) => !['out', 'recipe', 'record', 'schema', 'lang'].includes(k));
  if (unknown) return w.unknownOption(`--${unknown}`);
  if (files.length !== 1) return files.length ? w.oneFileOnly() : w.noFile();
  if (!flags.out) return w.required('--out');
  if (sameFile(flags.out, files[0]) || (flags.record && sameFile(flags.record, files[0]))) return w.overwrite();
  const lang = langOf(args, lang0);
  return { file: files[0], out: flags.out, recipe: flags.recipe, record: flags.record, schema: flags.schema, lang };
}

/** A missing input, an unknown schema or an output folder that does not exist: said before any work (exit 2). */
function missingOrUnwritable(a: CleanArgs): string | null {
  const fr = a.lang === 'fr';
  for (const [p, what] of [
    [a.file, ''],
    [a.recipe, '--recipe '],
  ] as const)
    if (p !== undefined && !statSync(p, { throwIfNoEntry: false })?.isFile())
      return `${what}${p}${fr ? ' : fichier introuvable' : ': no such file'}`;
  for (const p of [a.out, a.record]) {
    const problem = p === undefined ? null : outputProblem(p, a.lang);
    if (problem) return problem;
  }
  if (a.schema) {
    const s = resolveSchemaArg(a.schema, a.lang);
    if (!s.compiled)
      return `--schema ${a.schema}${fr ? ' : ' : ': '}${s.diagnostics.find((d) => d.severity === 'error')?.message ?? (fr ? 'schéma illisible' : 'unreadable schema')}`;
  }
  return null;
}

/** The output is UTF-8: a legacy input was re-encoded, which the recipe records first. */
function withReencode(encoding: string, steps: RecordedStep[]): (RecordedStep | RecipeStep)[] {
  return /^utf-?8$/i.test(encoding) ? steps : [{ rule: 'encoding', fix: 'reencode', from: encoding, count: 1 }, ...steps];
}

/** At most ten column names on a summary line (a 200 000-column file must not print them all). */
function fieldList(fields: string[], fr: boolean): string {
  const shown = fields.slice(0, 10).join(', ');
  const more = fields.length - 10;
  return more > 0 ? `${shown}${fr ? ` et ${more} autres` : ` and ${more} more`}` : shown;
}

export async function cleanCommand(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang0: Lang = 'en',
): Promise<number> {
  const a = parse(argv, lang0);
  if (typeof a === 'string') {
    err(a);
    return 2;
  }
  const problem = missingOrUnwritable(a);
  if (problem) {
    err(problem);
    return 2;
  }
  const refused = await notCsv(a.file, a.lang);
  if (refused) {
    err(`${a.file}${a.lang === 'fr' ? ' :' : ':'} ${refused}`);
    return 2;
  }
  let steps: CleanStep[] | undefined;
  let staged: string | undefined;
  if (a.recipe) {
    const r = parseRecipe(await readFile(a.recipe, 'utf8'), a.lang);
    if (!r.recipe) {
      for (const e of r.errors) err(`${a.recipe}${a.lang === 'fr' ? ' :' : ':'} ${e}`);
      return 2;
    }
    for (const n of misspeltRuleNotes(r.recipe.steps, a.lang)) err(`${a.recipe}${a.lang === 'fr' ? ' :' : ':'} ${n}`);
    steps = replaySteps(r.recipe);
    // A standardise step maps the file to its schema first; the cleaning steps then run on the result.
    const std = await replayStandardise(r.recipe, a, err);
    if (typeof std === 'number') return std;
    if (std) [a.file, staged] = [std, std];
  }
  const size = (await stat(a.file)).size;
  const options = {
    lang: a.lang,
    schema: a.schema,
    format: /\.(tsv|tab)$/i.test(a.file) ? ('tsv' as const) : ('csv' as const),
    dateFormats: stepDateFormats(steps),
  };
  let done: (RecordedStep | RecipeStep)[];
  let before: Counts;
  let after: Counts | null = null;
  let withheld: Record<string, number>;
  if (size > STREAM_CLEAN_BYTES) {
    const r = await cleanCsvFile(a.file, a.out, steps, withSchemaChecks(options, a.file));
    [done, before, withheld] = [withReencode(r.encoding, r.steps), r.before, r.withheld];
  } else {
    const decoded = decode(await readFile(a.file));
    const r = cleanText(decoded.text, textLinter({ ...options, encoding: decoded }, a.file), steps);
    await writeOutput(a.out, r.text);
    [done, before, after, withheld] = [withReencode(decoded.encoding, r.steps), r.before, r.after, r.withheld];
  }
  if (staged) rmSync(staged, { force: true });
  if (a.record) {
    const prev = existsSync(a.record) ? parseRecipe(await readFile(a.record, 'utf8')).recipe : null;
    await writeOutput(a.record, toJson(appendSteps(prev, basename(a.file), done, new Date())));
  }
  const fr = a.lang === 'fr';
  for (const s of done)
    out(
      `${s.rule}${fr ? ' :' : ':'} ${s.count ?? 1} ${fr ? 'correction(s)' : 'fix(es)'}${s.fields ? ` [${fieldList(s.fields, fr)}]` : ''}`,
    );
  for (const [rule, count] of Object.entries(withheld))
    out(
      fr
        ? `${rule} : ${count} correction(s) non appliquée(s) : la cellule commencerait par une formule (= + - @), voir formula-injection.`
        : `${rule}: ${count} fix(es) not applied: the cell would start a formula (= + - @), see formula-injection.`,
    );
  const n = (c: Counts) => c.error + c.warning;
  out(
    after
      ? fr
        ? `${a.out} : erreurs et avertissements : ${n(before)} avant, ${n(after)} après.`
        : `${a.out}: errors and warnings: ${n(before)} before, ${n(after)} after.`
      : fr
        ? `${a.out} : erreurs et avertissements avant nettoyage : ${n(before)}.`
        : `${a.out}: errors and warnings before cleaning: ${n(before)}.`,
  );
  return 0;
}
