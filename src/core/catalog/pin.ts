// Pins a catalog schema version in a datapackage.json: the file's resource gets the published
// URL of that version as its `schema` (a resource is added when the file has none). The text
// is edited, not re-serialised, when the resource exists, so the rest of the file is unchanged.
import { currentCatalog } from './load';
import { bareVersion } from './version';
import { jsonErrorFr } from './raw';
import type { Lang } from '../model';

export type PinResult = { ok: true; text: string; url: string; added: boolean } | { ok: false; reason: string };

interface Resource {
  name?: unknown;
  path?: unknown;
  schema?: unknown;
}

/** `reason`, when the file cannot be edited, is said in `lang`. */
export function pinSchemaVersion(dpText: string, relPath: string, url: string, lang: Lang = 'en'): PinResult {
  const no = (en: string, fr: string): PinResult => ({ ok: false, reason: lang === 'fr' ? fr : en });
  let dp: { resources?: Resource[] } & Record<string, unknown>;
  try {
    dp = JSON.parse(dpText.replace(/^\uFEFF/, ''));
  } catch (e) {
    return no(
      `datapackage.json is not valid JSON (${(e as Error).message})`,
      `datapackage.json n’est pas un JSON valide (${jsonErrorFr(e)})`,
    );
  }
  if (!dp || typeof dp !== 'object' || Array.isArray(dp))
    return no('datapackage.json is not a JSON object', 'datapackage.json n’est pas un objet JSON');
  if (dp.resources !== undefined && !Array.isArray(dp.resources))
    return no('datapackage.json: "resources" is not a list', 'datapackage.json : « resources » n’est pas une liste');
  const rel = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  const resources = (dp.resources ??= []);
  let r = resources.find(
    (x) => x && (Array.isArray(x.path) ? x.path : [x.path]).some((p) => typeof p === 'string' && p.replace(/^\.\//, '') === rel),
  );
  const added = !r;
  if (!r) {
    const base = rel
      .split('/')
      .pop()!
      .replace(/\.[^.]+$/, '');
    r = { name: base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'), path: rel };
    resources.push(r);
  }
  r.schema = url;
  const indent = /^[ \t]+(?=")/m.exec(dpText)?.[0] ?? '  ';
  return { ok: true, text: JSON.stringify(dp, null, indent) + (dpText.endsWith('\n') ? '\n' : ''), url, added };
}

/** The published URL of a catalog schema version (`scdl/subventions`, `2.0.2`), or null. */
export function versionUrl(name: string, version: string): string | null {
  const cat = currentCatalog();
  const t = cat.find(name);
  return t ? cat.urlOf(t, bareVersion(version)) : null;
}

/** The catalog name@version a published URL stands for, or null. */
export function schemaOfUrl(url: string): string | null {
  const cat = currentCatalog();
  const u = url.trim();
  for (const t of cat.tables) for (const v of t.versions) if (v.url === u) return `${t.name}@${v.version}`;
  // `…/<name>/latest/<file>`: the latest version.
  const m = /\/schemas\/([^/]+\/[^/]+)\/latest\//.exec(u);
  return m && cat.find(m[1]) ? m[1] : null;
}
