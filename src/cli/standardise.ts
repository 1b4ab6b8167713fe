// `odw standardise <file> --schema <name> --out <file> [--recipe r.json] [--set field=value …]
// [--record r.json] [--sheet S] [--lang en|fr]`: writes the file mapped to the schema (the
// recipe's standardise step, else the proposed mapping) and prints the problems left.
// Exit 0 = written without errors, 1 = written with errors or failed (nothing written), 2 = usage.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { UsageError, type Write } from './args';
import { usageWords } from '../core/usage-words';
import { failure, parseStdArgs } from './standardise-args';
import type { Lang, Text } from '../core/model';
import { appendSteps, parseRecipe, standardiseStepOf, toJson } from '../core/clean/recipe';
import { StandardiseError } from '../core/standardise/errors';
import { resolveTarget, type Target } from '../core/standardise/target';
import { sampleSource } from '../core/standardise/sample';
import { proposeMapping } from '../core/standardise/propose';
import { organisationConstants, projectOrganisation } from '../core/standardise/organisation';
import { standardiseToFile } from '../core/standardise/run';
import { problemsLeft } from '../core/standardise/problems';
import type { StandardiseSpec } from '../core/standardise/spec';
import { outputProblem, sameFile, writeOutput } from '../core/write/output';

export const STD_USAGE: Text = {
  en: 'usage: odw standardise <file> --schema <name[@version]> --out <file> [--recipe <recipe.json>] [--set field=value …] [--record <recipe.json>] [--sheet <name>] [--lang en|fr]',
  fr: 'usage : odw standardise <fichier> --schema <nom[@version]> --out <fichier> [--recipe <recette.json>] [--set champ=valeur …] [--record <recette.json>] [--sheet <nom>] [--lang en|fr]',
};

function target(name: string, lang: Lang): Target {
  try {
    return resolveTarget(name);
  } catch (e) {
    if (e instanceof StandardiseError) throw new UsageError(e.in(lang));
    throw e;
  }
}

async function specOf(a: ReturnType<typeof parseStdArgs>): Promise<{ spec: StandardiseSpec; target: Target; baseDir: string }> {
  const w = usageWords(a.lang, STD_USAGE);
  if (a.recipe) {
    let text: string;
    try {
      text = await readFile(a.recipe, 'utf8');
    } catch {
      throw new UsageError(w.own(`${a.recipe}: cannot read the recipe`, `${a.recipe} : la recette ne peut pas être lue`));
    }
    const r = parseRecipe(text, a.lang);
    if (!r.recipe) throw new UsageError(r.errors.map((e) => `${a.recipe}${a.lang === 'fr' ? ' :' : ':'} ${e}`).join('\n'));
    const spec = standardiseStepOf(r.recipe);
    if (!spec)
      throw new UsageError(
        w.own(`${a.recipe}: the recipe has no standardise step`, `${a.recipe} : la recette n’a pas d’étape de standardisation`),
      );
    const t = target(spec.schema.name + (spec.schema.version ? `@${spec.schema.version}` : ''), a.lang);
    if (a.schema && target(a.schema, a.lang).name !== t.name)
      throw new UsageError(
        w.own(
          `--schema ${a.schema} differs from the recipe's schema ${t.name}`,
          `--schema ${a.schema} n’est pas le schéma de la recette, ${t.name}`,
        ),
      );
    return { spec, target: t, baseDir: dirname(resolve(a.recipe)) };
  }
  if (!a.schema) throw new UsageError(w.own('--schema (or --recipe) is required', '--schema (ou --recipe) est obligatoire', true));
  const t = target(a.schema, a.lang);
  const sample = await sampleSource({ path: a.file, sheet: a.sheet }, { target: t });
  const p = proposeMapping(t, { ...sample, constants: organisationConstants(t, projectOrganisation(dirname(a.file))) });
  return { spec: p.spec, target: t, baseDir: dirname(resolve(a.file)) };
}

export async function standardiseCommand(argv: string[], out: Write, err: Write): Promise<number> {
  let lang: Lang = 'en';
  try {
    const a = parseStdArgs(argv, ['schema', 'out', 'recipe', 'set', 'record', 'sheet', 'lang'], STD_USAGE);
    lang = a.lang;
    const w = usageWords(lang, STD_USAGE);
    if (!a.out) throw new UsageError(w.required('--out'));
    if (sameFile(a.out, a.file) || (a.record && sameFile(a.record, a.file))) throw new UsageError(w.overwrite());
    if (!existsSync(a.file)) {
      err(lang === 'fr' ? `${a.file} : fichier introuvable.` : `${a.file}: no such file.`);
      return 2;
    }
    const unwritable = outputProblem(a.out, lang) ?? (a.record ? outputProblem(a.record, lang) : null);
    if (unwritable) throw new UsageError(unwritable);
    const { spec, target: t, baseDir } = await specOf(a);
    const names = new Set(t.fields.map((f) => f.name));
    for (const [field, value] of a.set) {
      if (!names.has(field))
        throw new UsageError(
          lang === 'fr' ? `--set : ${field} n’est pas un champ de ${t.name}` : `--set: ${field} is not a field of ${t.name}`,
        );
      spec.fields[field] = { constant: value };
    }
    const res = await standardiseToFile(spec, t, { path: a.file, sheet: a.sheet }, a.out, { baseDir });
    if (a.record) {
      const prev = existsSync(a.record) ? parseRecipe(await readFile(a.record, 'utf8')).recipe : null;
      const steps = (prev?.steps ?? []).filter((s) => s.rule !== 'standardise');
      await writeOutput(
        a.record,
        toJson(appendSteps(prev ? { ...prev, steps } : null, basename(a.file), [{ rule: 'standardise', standardise: spec }], new Date())),
      );
    }
    const left = await problemsLeft(a.out, t, lang);
    const fr = lang === 'fr';
    out(
      fr
        ? `${a.out} : ${res.rows} ${res.rows > 1 ? 'lignes écrites' : 'ligne écrite'} au schéma ${t.name}@${t.version}.`
        : `${a.out}: ${res.rows} ${res.rows === 1 ? 'row' : 'rows'} written to ${t.name}@${t.version}.`,
    );
    // What the output leaves out, said: rows that could not be placed for certain first.
    const ls = (r: { count: number; lines: number[] }) => r.lines.join(', ') + (r.count > r.lines.length ? '…' : '');
    /** « ligne 10 », « lignes 35, 46… »: French says one line in the singular. */
    const lignes = (r: { count: number; lines: number[] }) => `${r.count > 1 ? 'lignes' : 'ligne'} ${ls(r)}`;
    if (res.leftOut.count)
      out(
        fr
          ? `  ${res.leftOut.count} ligne(s) non écrite(s) : plus de cellules que l’en-tête, sans réparation certaine (${lignes(res.leftOut)}).`
          : `  ${res.leftOut.count} row(s) not written: more cells than the header and no certain repair (lines ${ls(res.leftOut)}).`,
      );
    if (res.shifted.count)
      out(
        fr
          ? `  ${res.shifted.count} ligne(s) non écrite(s) : moins de cellules que l’en-tête, les valeurs après une cellule perdue décalées (${lignes(res.shifted)}).`
          : `  ${res.shifted.count} row(s) not written: fewer cells than the header, the values after a lost cell shifted (lines ${ls(res.shifted)}).`,
      );
    if (res.repaired.count)
      out(
        fr
          ? `  ${res.repaired.count} ligne(s) réparée(s) : un montant coupé par la virgule recollé.`
          : `  ${res.repaired.count} row(s) repaired: an amount split by the comma joined again.`,
      );
    if (res.blank.count || res.repeatedHeader.count || res.sectionHeading.count)
      out(
        fr
          ? `  Non écrites : ${res.blank.count} ligne(s) vide(s), ${res.repeatedHeader.count} en-tête(s) répété(s), ${res.sectionHeading.count} titre(s) de section.`
          : `  Not written: ${res.blank.count} blank row(s), ${res.repeatedHeader.count} repeated header(s), ${res.sectionHeading.count} section heading(s).`,
      );
    if (res.byRepeatedHeader.count)
      out(
        fr
          ? `  ${res.byRepeatedHeader.count} ligne(s) lue(s) selon l’en-tête répété au-dessus d’elles, dont les colonnes diffèrent de celles de l’en-tête (${lignes(res.byRepeatedHeader)}).`
          : `  ${res.byRepeatedHeader.count} row(s) read by the repeated header above them, whose columns differ from the header’s (lines ${ls(res.byRepeatedHeader)}).`,
      );
    if (res.unmatchedLabels.count) {
      const u = res.unmatchedLabels;
      const q = (l: string) => (fr ? `« ${l} »` : `“${l}”`);
      const list =
        u.labels.map((x) => (x.line === undefined ? q(x.label) : `${q(x.label)} (${fr ? 'ligne' : 'line'} ${x.line})`)).join(', ') +
        (u.count > u.labels.length ? '…' : '');
      out(
        fr
          ? `  ${u.count} libellé(s) d’en-tête répété sans colonne correspondante dans l’en-tête, leurs cellules non lues : ${list}.`
          : `  ${u.count} label(s) of a repeated header match no column of the header, their cells not read: ${list}.`,
      );
    }
    if (res.totalsWritten.count)
      out(
        fr
          ? `  ${res.totalsWritten.count} ligne(s) de total écrite(s) comme des enregistrements (${lignes(res.totalsWritten)}) ; l’opération « Supprimer les lignes de totaux » ("drop": {"totals": true}) les retire.`
          : `  ${res.totalsWritten.count} totals row(s) written as records (lines ${ls(res.totalsWritten)}); the table operation “Drop totals rows” ("drop": {"totals": true}) leaves them out.`,
      );
    if (res.totalsDropped.count)
      out(
        fr
          ? `  ${res.totalsDropped.count} ligne(s) de total non écrite(s) (${lignes(res.totalsDropped)}) : l’opération « Supprimer les lignes de totaux » ("drop": {"totals": true}) les retire.`
          : `  ${res.totalsDropped.count} totals row(s) not written (lines ${ls(res.totalsDropped)}): the table operation “Drop totals rows” ("drop": {"totals": true}) leaves them out.`,
      );
    if (res.unmapped.length)
      out(fr ? `  Colonnes non reprises : ${res.unmapped.join(', ')}.` : `  Columns left out: ${res.unmapped.join(', ')}.`);
    for (const line of left.lines) out(`  ${line}`);
    const atLeast = left.capped ? (fr ? 'au moins ' : 'at least ') : '';
    out(
      fr
        ? `${atLeast}${left.errors} erreur(s), ${left.warnings} avertissement(s) restant(s).`
        : `${atLeast}${left.errors} error(s), ${left.warnings} warning(s) left.`,
    );
    return left.errors ? 1 : 0;
  } catch (e) {
    return failure(e, 'standardise', lang, err);
  }
}
