// Which local files a publication may upload: only files inside the project folder. A
// datapackage.json (or a project file) comes with the repository, so a resource path written
// as an absolute path, with `..`, or through a symbolic link that leaves the folder would let
// a cloned repository make "Publish" upload any file the user can read (an SSH key renamed
// `.csv` lints clean).
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

export type Confined = { ok: true; abs: string } | { ok: false; reason: 'absolute' | 'parent' | 'outside' | 'missing' };

const isInside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Resolves `rel` (as written in a project file) under `root`; refuses absolute, `..` and links out. */
export function confinePath(root: string, rel: string): Confined {
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel) || /^[a-z][a-z0-9+.-]*:/i.test(rel)) return { ok: false, reason: 'absolute' };
  if (rel.split(/[\\/]+/).includes('..')) return { ok: false, reason: 'parent' };
  const abs = path.resolve(root, rel);
  if (!isInside(path.resolve(root), abs)) return { ok: false, reason: 'outside' };
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(abs);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  return isInside(realRoot, real) ? { ok: true, abs } : { ok: false, reason: 'outside' };
}

/** An absolute path given by the caller (command argument, CLI): it must lie in `root` once links are resolved. */
export function confineAbsolute(root: string, abs: string): Confined {
  try {
    return isInside(realpathSync(root), realpathSync(abs)) ? { ok: true, abs } : { ok: false, reason: 'outside' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
}

export function confineReason(reason: Exclude<Confined, { ok: true }>['reason'], lang: 'en' | 'fr'): string {
  const t = {
    absolute: { en: 'absolute paths are not allowed', fr: 'les chemins absolus sont interdits' },
    parent: { en: '".." is not allowed', fr: '« .. » est interdit' },
    outside: { en: 'the file is outside the project folder', fr: 'le fichier est hors du dossier du projet' },
    missing: { en: 'the file does not exist', fr: 'le fichier n’existe pas' },
  };
  return t[reason][lang];
}
