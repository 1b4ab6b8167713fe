// Which schema applies to a file, in order: its resource in a `datapackage.json`, the
// setting that maps globs to schemas, then auto-detection from the header (./auto.ts).
// Pure decisions here; reading a schema file is the only I/O, and it is optional.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import type { Lang, SchemaRef } from '../model';
import { outdatedNotice } from '../catalog/outdated';
import { deprecatedCheckNotices } from '../checks/deprecated';
import { currentCatalog } from '../catalog/load';
import { splitSchemaArg } from '../catalog/version';
import { schemaOfUrl } from '../catalog/pin';
import { notTableMessage } from '../catalog/not-table';
import { catalogEntry } from './catalog';
import type { TableSchema } from './descriptor';
import { globMatches } from './glob';
import { loadSchemaText, type LoadedSchema } from './load';
import { confineRefusal, refusalText } from '../project/confine';
import { fileDiagnostic } from '../file-diagnostic';
import { fsReason } from '../fs-words';

export interface ResolvedSchema extends LoadedSchema {
  ref: SchemaRef;
  /** Where it came from: a bundled catalog entry or a file (`path`). */
  source: 'catalog' | 'file' | 'inline';
  path?: string;
}

/** A schema named by a datapackage resource or by the setting, not loaded yet. */
export type SchemaChoice =
  | { from: 'datapackage'; schema: string | TableSchema; baseDir: string; resource: string }
  | { from: 'setting'; schema: string; glob: string; root?: string };

const looksLikePath = (s: string) => /\.json$/i.test(s) || s.includes('\\') || s.startsWith('.') || isAbsolute(s);

/**
 * `scdl/subventions` (catalog) or a path to a schema JSON file. Unreadable files and unknown
 * names come back as a `schema-error` diagnostic with `compiled: null`, never as a throw.
 */
export function resolveSchemaArg(
  nameOrPath: string,
  lang: Lang = 'en',
  baseDir = '.',
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): ResolvedSchema {
  // A published URL (what a pinned datapackage.json holds) is the catalog version it names.
  if (/^https?:\/\//i.test(nameOrPath)) {
    const named = schemaOfUrl(nameOrPath);
    if (named) return resolveSchemaArg(named, lang, baseDir, read);
    const fr = lang === 'fr';
    const message = fr
      ? `Schéma distant inconnu du catalogue : ${nameOrPath} (mettez le catalogue à jour, ou copiez le fichier).`
      : `Remote schema not in the catalog: ${nameOrPath} (update the catalog, or copy the file).`;
    return {
      descriptor: null,
      compiled: null,
      diagnostics: [fileDiagnostic('schema-error', 'error', message)],
      ref: { name: nameOrPath, version: null },
      source: 'file',
    };
  }
  const entry = looksLikePath(nameOrPath) ? undefined : catalogEntry(nameOrPath);
  if (entry) {
    const loaded = loadSchemaText(JSON.stringify(entry.descriptor), lang);
    const outdated = outdatedNotice(entry.name, entry.version || null, entry.descriptor, lang);
    if (outdated) loaded.diagnostics.push(outdated);
    return { ...loaded, ref: { name: entry.name, version: entry.version || null }, source: 'catalog', path: entry.path };
  }
  const broken = looksLikePath(nameOrPath) ? null : brokenCatalogFile(nameOrPath, lang);
  if (broken) return broken;
  const unknownVersion = looksLikePath(nameOrPath) ? null : (unknownVersionMessage(nameOrPath, lang) ?? notTableMessage(nameOrPath, lang));
  if (unknownVersion) {
    const d = fileDiagnostic('schema-error', 'error', unknownVersion);
    return { descriptor: null, compiled: null, diagnostics: [d], ref: { name: nameOrPath, version: null }, source: 'catalog' };
  }
  const path = resolvePath(baseDir, nameOrPath);
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    const fr = lang === 'fr';
    const msg = looksLikePath(nameOrPath)
      ? fr
        ? `Schéma illisible : ${path} (${fsReason(e, 'fr')}).`
        : `Cannot read schema ${path} (${(e as Error).message}).`
      : fr
        ? `Schéma inconnu « ${nameOrPath} » : ni un nom du catalogue, ni un fichier.`
        : `Unknown schema “${nameOrPath}”: neither a catalog name nor a file.`;
    const d = fileDiagnostic('schema-error', 'error', msg);
    return { descriptor: null, compiled: null, diagnostics: [d], ref: { name: nameOrPath, version: null }, source: 'file', path };
  }
  const loaded = loadSchemaText(text, lang);
  loaded.diagnostics.push(...deprecatedCheckNotices(loaded.descriptor, lang));
  const name = typeof loaded.descriptor?.name === 'string' ? loaded.descriptor.name : path;
  return { ...loaded, ref: { name, version: loaded.descriptor?.version ? String(loaded.descriptor.version) : null }, source: 'file', path };
}

/**
 * A schema named by a project file or a workspace setting: a path must stay inside `root`
 * (the datapackage's folder, the workspace folder), or the repository could make the
 * extension read and show any file of the machine.
 */
export function confinedSchemaArg(nameOrPath: string, lang: Lang, root: string, read?: (p: string) => string): ResolvedSchema {
  const refusal = looksLikePath(nameOrPath) ? confineRefusal(root, nameOrPath) : null;
  if (!refusal) return resolveSchemaArg(nameOrPath, lang, root, read);
  const why = refusalText(refusal, lang);
  const message =
    lang === 'fr'
      ? `Schéma refusé : « ${nameOrPath} » est ${why} ; un schéma doit être dans le dossier du projet.`
      : `Schema refused: “${nameOrPath}” is ${why}; a schema must be inside the project folder.`;
  const d = fileDiagnostic('schema-error', 'error', message);
  return { descriptor: null, compiled: null, diagnostics: [d], ref: { name: nameOrPath, version: null }, source: 'file' };
}

/**
 * A catalog version whose file is at hand but is not a Table Schema (an update fetched a broken
 * file): said as such, with the profile's reasons, rather than as a missing file.
 */
function brokenCatalogFile(arg: string, lang: Lang): ResolvedSchema | null {
  const { name, version } = splitSchemaArg(arg);
  const cat = currentCatalog();
  const entry = cat.find(name);
  const v = entry && (version ?? entry.latest);
  const raw = entry && v && cat.urlOf(entry, v) ? cat.rawDescriptor(entry, v) : undefined;
  if (raw === undefined || cat.descriptor(entry!, v!)) return null;
  const loaded = loadSchemaText(JSON.stringify(raw), lang);
  const why = loaded.diagnostics.map((d) => d.message).join(' ') || (lang === 'fr' ? 'pas de liste « fields »' : 'no "fields" list');
  const message =
    lang === 'fr'
      ? `${entry!.name} ${v} : le fichier du schéma dans le catalogue n’est pas un Table Schema valide (${why}) ; non utilisé.`
      : `${entry!.name} ${v}: the catalog's schema file is not a valid Table Schema (${why}); not used.`;
  const d = fileDiagnostic('schema-error', 'error', message);
  return { descriptor: null, compiled: null, diagnostics: [d], ref: { name: entry!.name, version: v! }, source: 'catalog' };
}

/** A known catalog name with a version it does not have (or whose file is not at hand). */
function unknownVersionMessage(arg: string, lang: Lang): string | null {
  const { name, version } = splitSchemaArg(arg);
  const cat = currentCatalog();
  const entry = cat.find(name);
  if (!entry) return null;
  const fr = lang === 'fr';
  const list = entry.versions.map((v) => v.version).join(', ');
  if (version && !cat.urlOf(entry, version))
    return fr
      ? `${entry.name} n’a pas de version ${version} (versions : ${list}).`
      : `${entry.name} has no version ${version} (versions: ${list}).`;
  return fr
    ? `${entry.name} ${version ?? entry.latest} : fichier du schéma absent du catalogue en cours ; lancez « odw schemas --update » (ou « Open Data: Update Schema Catalog »).`
    : `${entry.name} ${version ?? entry.latest}: the schema file is not in the catalog in use; run “odw schemas --update” (or “Open Data: Update Schema Catalog”).`;
}

/** Loads a choice made by `schemaForPath`. */
export function resolveSchemaChoice(choice: SchemaChoice, lang: Lang = 'en', read?: (p: string) => string): ResolvedSchema {
  // Without a workspace folder (the CLI has no such setting) paths are relative to the current folder, confined to it.
  if (choice.from === 'setting') return confinedSchemaArg(choice.schema, lang, choice.root ?? '.', read);
  if (typeof choice.schema === 'string') return confinedSchemaArg(choice.schema, lang, choice.baseDir, read);
  const loaded = loadSchemaText(JSON.stringify(choice.schema), lang);
  return {
    ...loaded,
    ref: { name: String(choice.schema.name ?? choice.resource), version: choice.schema.version ? String(choice.schema.version) : null },
    source: 'inline',
  };
}

interface DataPackage {
  resources?: { name?: string; path?: string | string[]; schema?: string | TableSchema }[];
}

/**
 * The schema a file gets from its datapackage resource, else from the first matching glob
 * of the setting (`{"**\/*subventions*.csv": "scdl/subventions"}`), else null (auto-detect).
 * `datapackage` is the parsed descriptor with the folder it lives in.
 */
export function schemaForPath(
  path: string,
  datapackage: { descriptor: unknown; dir: string } | null,
  globs: Record<string, string> | null,
  root?: string,
): SchemaChoice | null {
  const dp = datapackage?.descriptor as DataPackage | undefined;
  if (dp && Array.isArray(dp.resources)) {
    const rel = relative(datapackage!.dir, path).replace(/\\/g, '/');
    for (const r of dp.resources) {
      const paths = Array.isArray(r.path) ? r.path : r.path ? [r.path] : [];
      if (r.schema && paths.some((p) => p.replace(/^\.\//, '') === rel))
        return { from: 'datapackage', schema: r.schema, baseDir: datapackage!.dir, resource: r.name ?? rel };
    }
  }
  for (const [glob, schema] of Object.entries(globs ?? {}))
    if (typeof schema === 'string' && schema && globMatches(glob, path))
      return { from: 'setting', schema, glob, ...(root ? { root } : {}) };
  return null;
}

/** The datapackage.json governing a file: the nearest one in its folder or above. */
export function findDataPackage(path: string, exists: (p: string) => boolean): string | null {
  for (let dir = dirname(resolvePath(path)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'datapackage.json');
    if (exists(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
