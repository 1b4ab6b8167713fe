// `odw lint <paths…> [--schema <name|path>] [--format text|json|sarif] [--lang en|fr] [--max-problems N] [--sheet <name>]`
// Without --schema each file gets its datapackage.json resource's schema, else the catalog
// schema its header matches (reports name it in `schema`).
// Exit 0 = no errors, 1 = errors found, 2 = usage or unreadable input.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { lintFile, TABLE_EXTENSIONS, unreadableReport, formatOf } from '../core/lint-file';
import type { Diagnostic, FileReport, Lang, Text } from '../core/model';
import { resolveSchemaArg, type ResolvedSchema } from '../core/schema/resolve';
import { formatText, formatSarif, reportCounts } from '../core/report-format';
import { locatedLine } from '../core/severity-words';
import { defaultLang, noValue, UsageError, wordsFor } from './args';
import type { UsageWords } from '../core/usage-words';
import type { FieldsMatch } from '../core/schema/descriptor';
import { fsReason } from '../core/fs-words';

interface Args {
  command: string;
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  lang: Lang;
  schema?: string;
  sheet?: string;
  ignoreHeaderCase?: boolean;
  maxProblems?: number;
  delimiter?: string;
  fieldsMatch?: FieldsMatch;
}

export const USAGE: Text = {
  en: 'usage: odw lint <paths…> [--schema <name|path|name@version>] [--format text|json|sarif] [--lang en|fr] [--max-problems N] [--sheet <name>] [--delimiter ,|;|tab|pipe] [--fields-match exact|equal|subset|superset|partial] [--ignore-header-case]',
  fr: 'usage : odw lint <chemins…> [--schema <nom|chemin|nom@version>] [--format text|json|sarif] [--lang en|fr] [--max-problems N] [--sheet <nom>] [--delimiter ,|;|tab|pipe] [--fields-match exact|equal|subset|superset|partial] [--ignore-header-case]',
};

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const args: Args = { command, paths: [], format: 'text', lang: defaultLang() };
  const w = wordsFor(rest, USAGE);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (noValue(v)) throw new UsageError(w.needsValue(a));
      return v;
    };
    if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(w.oneOf('--format', ['text', 'json', 'sarif'], f));
      args.format = f;
    } else if (a === '--lang') {
      const l = value();
      if (l !== 'en' && l !== 'fr') throw new UsageError(w.oneOf('--lang', ['en', 'fr'], l));
      args.lang = l;
    } else if (a === '--schema') args.schema = value();
    else if (a === '--sheet') args.sheet = value();
    else if (a === '--ignore-header-case') args.ignoreHeaderCase = true;
    else if (a === '--delimiter') args.delimiter = delimiterArg(value(), w);
    else if (a === '--fields-match') {
      const m = value();
      if (!FIELDS_MATCH.includes(m as FieldsMatch)) throw new UsageError(w.oneOf('--fields-match', FIELDS_MATCH, m));
      args.fieldsMatch = m as FieldsMatch;
    } else if (a === '--max-problems') {
      const v = value();
      if (!/^\d+$/.test(v))
        throw new UsageError(
          w.own('--max-problems must be a whole number (0 = no limit)', '--max-problems attend un nombre entier (0 = sans limite)', true),
        );
      args.maxProblems = Number(v);
    } else if (a.startsWith('--')) throw new UsageError(w.unknownOption(a));
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError(w.noFile());
  return args;
}

const FIELDS_MATCH: FieldsMatch[] = ['exact', 'equal', 'subset', 'superset', 'partial'];

/** `--delimiter`: the character, or its name (a tab is hard to type). */
function delimiterArg(v: string, w: UsageWords): string {
  const d = ({ tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' } as Record<string, string>)[v.toLowerCase()] ?? v;
  if (![',', ';', '\t', '|'].includes(d))
    throw new UsageError(w.own('--delimiter must be , ; tab or pipe', '--delimiter vaut , ; tab ou pipe', true));
  return d;
}

/** Expands folders into the table files they hold (sorted, for stable output). */
async function expand(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) missing.push(p);
    else if (s.isDirectory()) {
      const entries = (await readdir(p, { recursive: true })) as string[];
      for (const e of entries.sort()) if (TABLE_EXTENSIONS.some((x) => e.toLowerCase().endsWith(x))) files.push(join(p, e));
    } else files.push(p);
  }
  return { files, missing };
}

/** The stable JSON shape (README): nothing more, so other tools can rely on it. */
function jsonReport(r: FileReport): object {
  return {
    path: r.path,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    rows: r.rows,
    schema: r.schema,
    ...(r.sheets ? { sheets: r.sheets } : {}),
    ...(r.schemaProblems
      ? { schemaProblems: { path: r.schemaProblems.path, diagnostics: r.schemaProblems.diagnostics.map(jsonDiagnostic) } }
      : {}),
    // Exact whatever the cap: the cap limits `diagnostics`, never these.
    ...reportCounts(r),
    diagnostics: r.diagnostics.map(jsonDiagnostic),
  };
}

function jsonDiagnostic(d: Diagnostic): object {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    row: d.row,
    column: d.column,
    field: d.field,
    line: d.line,
    start: d.start,
    end: d.end,
    // A quoted cell over several lines ends on another line: `end` counts in that one.
    ...(d.endLine !== undefined && d.endLine !== d.line ? { endLine: d.endLine } : {}),
    ...(d.sheet !== undefined ? { sheet: d.sheet } : {}),
    ...(d.cell !== undefined ? { cell: d.cell } : {}),
  };
}

export async function lintCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
  let resolvedSchema: ResolvedSchema | undefined;
  if (args.schema) {
    // Resolved once for all files; its own problems point into the schema's JSON.
    resolvedSchema = resolveSchemaArg(args.schema, args.lang);
    // A schema that could not be read (an unknown name, a missing file) has no line to point at:
    // its problem is said of the name as typed, not of a made-up `/cwd/scdl/nope:1:1`.
    const unread = resolvedSchema.descriptor === null && resolvedSchema.diagnostics.every((d) => d.line === null);
    const where = unread ? args.schema : (resolvedSchema.path ?? args.schema);
    for (const d of resolvedSchema.diagnostics) err(schemaProblemLine(where, d, !unread, args.lang));
    if (!resolvedSchema.compiled) return 2;
  }
  const { files, missing } = await expand(args.paths);
  for (const m of missing) err(args.lang === 'fr' ? `odw : fichier introuvable : ${m}` : `odw: no such file: ${m}`);
  const reports: FileReport[] = [];
  let unreadable = missing.length > 0;
  for (const f of files) {
    try {
      const opts = {
        lang: args.lang,
        maxProblems: args.maxProblems,
        resolvedSchema,
        delimiter: args.delimiter,
        fieldsMatch: args.fieldsMatch,
        ignoreHeaderCase: args.ignoreHeaderCase,
        sheet: args.sheet,
      };
      reports.push(await lintFile(f, opts));
    } catch (e) {
      unreadable = true;
      reports.push(unreadableReport(f, fsReason(e, args.lang), args.lang));
    }
  }
  for (const r of reports) {
    // Bytes that are no table (binary, corrupt) are unreadable input; an empty file is a data problem.
    if (r.fatal) unreadable = true;
    if (formatOf(r.path) === null) r.format = 'csv';
  }
  // The schema's own problems (a constraint not checked, a pattern switched off) belong to the run's result too.
  const schemaProblems = resolvedSchema?.diagnostics ?? [];
  const schemaFile = schemaProblemsReport(resolvedSchema?.path ?? args.schema ?? '', schemaProblems);
  // Those of a schema a file's project named (datapackage.json) or of the one detected, once per schema.
  const projectSchemas = new Map<string, FileReport>();
  for (const r of reports) {
    const p = r.schemaProblems;
    if (!p) continue;
    const key = p.path ?? r.schema?.name ?? r.path;
    if (projectSchemas.has(key)) continue;
    projectSchemas.set(key, schemaProblemsReport(p.path ?? r.path, p.diagnostics));
    for (const d of p.diagnostics) err(schemaProblemLine(p.path ?? r.path, d, p.path !== null, args.lang));
  }
  const ownReports = [...(schemaProblems.length ? [schemaFile] : []), ...projectSchemas.values()];
  if (args.format === 'json') {
    const schema =
      args.schema !== undefined ? { schemaProblems: { path: schemaFile.path, diagnostics: schemaProblems.map(jsonDiagnostic) } } : {};
    out(JSON.stringify({ ...schema, files: reports.map(jsonReport) }, null, 2));
  } else if (args.format === 'sarif') out(JSON.stringify(formatSarif([...ownReports, ...reports], args.lang), null, 2));
  else out(formatText(reports, args.lang));
  if (unreadable) return 2;
  // From the exact counts: an error past the cap still fails the run.
  const errors =
    reports.some((r) => reportCounts(r).counts.error > 0) || ownReports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return errors ? 1 : 0;
}

/** One schema problem on stderr, `file:line:column:` when it is located in the schema's JSON. */
function schemaProblemLine(where: string, d: Diagnostic, located: boolean, lang: Lang): string {
  return locatedLine(where, located ? `${d.line ?? 1}:${(d.start ?? 0) + 1}` : '', d.severity, `${d.message} [${d.rule}]`, lang);
}

/** The schema file's problems, shaped as a report so that JSON and SARIF locate them in it. */
function schemaProblemsReport(path: string, diagnostics: Diagnostic[]): FileReport {
  return { path, format: 'csv', encoding: 'utf-8', delimiter: null, rows: 0, schema: null, diagnostics };
}
