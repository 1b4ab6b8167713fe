// Paths that come from a file of the repository (datapackage.json, a saved chart, a recipe),
// from a workspace setting or from a webview message are the repository author's, not the
// user's: they may only name files inside the workspace folder. A cloned repository must
// not make the extension read, show or upload ~/.ssh/id_rsa saved as `key.csv`.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type ConfineRefusal = 'absolute' | 'parent' | 'outside' | 'invalid';

/** Why `p` cannot name a file inside the folder, or null when it can (see `confinedPath`). */
export function confineRefusal(root: string, p: string): ConfineRefusal | null {
  return confine(root, p).refusal ?? null;
}

/**
 * `p` (relative, `/` or `\` separators) resolved inside `root`; null when it is absolute
 * (`/etc/x`, `C:\x`, `\\server\x`, `~/x`), climbs with a `..` segment, holds a NUL byte, or
 * leads outside `root` through a symbolic link.
 */
export function confinedPath(root: string, p: string): string | null {
  return confine(root, p).path ?? null;
}

function confine(root: string, p: string): { path?: string; refusal?: ConfineRefusal } {
  if (typeof p !== 'string' || p === '' || p.includes('\0')) return { refusal: 'invalid' };
  if (isAbsolute(p) || /^[a-zA-Z]:/.test(p) || p.startsWith('\\') || p.startsWith('/') || p.startsWith('~')) return { refusal: 'absolute' };
  const parts = p.split(/[\\/]+/);
  if (parts.some((s) => s === '..')) return { refusal: 'parent' };
  const base = resolve(root);
  const full = join(base, ...parts.filter((s) => s !== '' && s !== '.'));
  // A symbolic link inside the folder may point anywhere: compare real paths.
  const real = realOrNearest(full);
  const realRoot = realOrNearest(base);
  if (!inside(realRoot, real)) return { refusal: 'outside' };
  return { path: full };
}

/** The real path of `p`, or of its nearest existing parent (the rest appended) when it does not exist yet. */
function realOrNearest(p: string): string {
  const rest: string[] = [];
  for (let cur = p; ; cur = dirname(cur)) {
    try {
      return join(realpathSync(cur), ...rest.reverse());
    } catch {
      if (dirname(cur) === cur) return p;
      rest.push(cur.slice(dirname(cur).length).replace(/^[\\/]+/, ''));
    }
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

const MESSAGES: Record<ConfineRefusal, { en: string; fr: string }> = {
  absolute: { en: 'an absolute path', fr: 'un chemin absolu' },
  parent: { en: 'a path that climbs out with “..”', fr: 'un chemin qui remonte avec « .. »' },
  outside: { en: 'a path leading outside the folder (symbolic link)', fr: 'un chemin qui sort du dossier (lien symbolique)' },
  invalid: { en: 'not a valid path', fr: 'un chemin invalide' },
};

/** “refused: an absolute path” and its French, for the message that names where the path came from. */
export function refusalText(r: ConfineRefusal, lang: 'en' | 'fr'): string {
  return MESSAGES[r][lang];
}
