// What `odw publish` publishes, read from a datapackage.json or a single data file: the
// dataset's metadata and its files, every resource path confined to the project folder
// (#16), in the same shapes the editor builds, so both resume from the same project file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../model';
import { datasetsOf, licenceByName, parseDataPackage, resourcePaths, type DatasetMeta, type DataPackage } from '../project';
import { confinePath, confineReason } from './confine';
import type { DatasetMetadata, PortalKind, PublishFile, ResourceType } from './types';
import { fsReason } from '../fs-words';

export interface PublishInput {
  /** Folder of datapackage.json (or of the data file): where .opendata/project.json lives. */
  root: string;
  /** Dataset name: the key in the project file. */
  name: string;
  meta: DatasetMeta;
  files: PublishFile[];
}

/** A problem with the input itself: exit code 2. */
export class InputError extends Error {}

const TYPES: ResourceType[] = ['main', 'documentation', 'update', 'api', 'code', 'other'];
const schemaName = (s: unknown): string | undefined =>
  typeof s === 'string' && !/\.json$/i.test(s)
    ? s
    : s && typeof s === 'object' && typeof (s as { name?: unknown }).name === 'string'
      ? (s as { name: string }).name
      : undefined;

function readPackage(file: string, lang: Lang): DataPackage {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      lang === 'fr' ? `fichier illisible : ${file} (${fsReason(e, 'fr')})` : `cannot read ${file} (${(e as Error).message})`,
    );
  }
  const parsed = parseDataPackage(text);
  if (!parsed.value)
    throw new InputError(
      lang === 'fr'
        ? `${file} : ${parsed.issues[0]?.message.fr ?? 'JSON invalide'}`
        : `${file}: ${parsed.issues[0]?.message.en ?? 'invalid JSON'}`,
    );
  return parsed.value;
}

export function loadPublishInput(target: string, lang: Lang): PublishInput {
  const abs = path.resolve(target);
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    // A folder is not published whole: its datapackage.json says what is, when it has one.
    const dp = path.join(target, 'datapackage.json');
    const hint = existsSync(path.join(abs, 'datapackage.json'))
      ? lang === 'fr'
        ? ` ; publiez ${dp}`
        : `; publish ${dp}`
      : lang === 'fr'
        ? ' ; donnez un fichier de données ou un datapackage.json'
        : '; give a data file or a datapackage.json';
    throw new InputError(lang === 'fr' ? `${target} est un dossier${hint}` : `${target} is a folder${hint}`);
  }
  if (!existsSync(abs) || !statSync(abs).isFile())
    throw new InputError(lang === 'fr' ? `fichier introuvable : ${target}` : `no such file: ${target}`);
  const isPackage = path.basename(abs).toLowerCase() === 'datapackage.json';
  const root = path.dirname(abs);
  const dpFile = isPackage ? abs : path.join(root, 'datapackage.json');
  const dp = isPackage || existsSync(dpFile) ? readPackage(dpFile, lang) : null;
  const wanted = isPackage ? undefined : path.basename(abs);
  let views = datasetsOf(dp).filter((v) => v.resources.length > 0);
  // A data file: its dataset in the datapackage.json next to it, else a dataset of its own.
  if (wanted) views = views.filter((v) => v.resources.some((r) => resourcePaths(r).some((p) => path.resolve(root, p) === abs)));
  if (isPackage && views.length !== 1) {
    const names = views.map((v) => v.meta.name).join(', ');
    throw new InputError(
      views.length === 0
        ? lang === 'fr'
          ? `${target} ne décrit aucun fichier`
          : `${target} lists no file`
        : lang === 'fr'
          ? `${target} décrit ${views.length} jeux de données (${names}) : publiez-en un par fichier de données`
          : `${target} describes ${views.length} datasets (${names}): publish one at a time by naming its data file`,
    );
  }
  if (views.length === 0) {
    const name = path.basename(abs).replace(/\.[^.]+$/, '');
    return { root, name, meta: { name }, files: [fileOf(abs, wanted!, {})] };
  }
  const view = views[0];
  const files: PublishFile[] = [];
  const refused: string[] = [];
  for (const r of view.resources) {
    for (const p of resourcePaths(r)) {
      const c = confinePath(root, p);
      if (!c.ok && c.reason !== 'missing') {
        refused.push(`${p} (${confineReason(c.reason, lang)})`);
        continue;
      }
      if (!c.ok) throw new InputError(lang === 'fr' ? `fichier introuvable : ${p}` : `no such file: ${p}`);
      files.push(fileOf(c.abs, p, r));
    }
  }
  if (refused.length) {
    throw new InputError(
      lang === 'fr'
        ? `refusé : datapackage.json cite des fichiers hors du dossier du projet : ${refused.join(', ')}`
        : `refused: datapackage.json lists files outside the project folder: ${refused.join(', ')}`,
    );
  }
  return { root, name: view.meta.name, meta: view.meta, files };
}

function fileOf(
  abs: string,
  rel: string,
  r: { title?: string; name?: string; description?: string; format?: string; schema?: unknown; type?: unknown },
): PublishFile {
  const ext = path.extname(abs).slice(1).toLowerCase();
  const schema = schemaName(r.schema);
  const type = typeof r.type === 'string' && (TYPES as string[]).includes(r.type) ? (r.type as ResourceType) : undefined;
  return {
    path: abs,
    title: r.title ?? r.name ?? path.basename(rel),
    format: (r.format ?? ext).toLowerCase(),
    ...(r.description ? { description: r.description } : {}),
    ...(schema ? { schema: { name: schema } } : {}),
    ...(type ? { type } : {}),
  };
}

/** The portal metadata from the Data Package: licence as the portal names it, keywords as tags. */
export function metadataOf(m: DatasetMeta, kind: PortalKind, organization: string | undefined): Omit<DatasetMetadata, 'private'> {
  const licenceName = m.licenses?.[0]?.name;
  const licence = licenceByName(licenceName);
  return {
    title: m.title ?? m.name,
    description: m.description ?? '',
    // udata takes its own ids (lov2…); CKAN's are looked up in its license_list by the client.
    license: licence ? (kind === 'udata' ? licence.udata : licence.name) : licenceName,
    frequency: m.frequency,
    temporalCoverage: m.temporalCoverage,
    spatial: m.spatial,
    tags: m.keywords,
    organization: organization ?? m.organization,
  };
}
