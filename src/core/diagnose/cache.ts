// The last known inventory of each (portal, organisation), so an unreachable portal still
// leaves something to look at. One JSON file per key in a cache folder that is not the
// project folder: private datasets must not end up in a committed file.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { OrgInventory } from './types';
import type { PortalKind } from '../portal/types';

export function cacheKey(kind: PortalKind, baseUrl: string, organization: string, withPrivate: boolean): string {
  const id = `${kind} ${baseUrl.replace(/\/+$/, '')} ${organization} ${withPrivate ? 'private' : 'public'}`;
  return createHash('sha256').update(id).digest('hex').slice(0, 24);
}

/** CLI default: $ODW_CACHE_DIR, else $XDG_CACHE_HOME/odw/diagnose, else ~/.cache/odw/diagnose. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ODW_CACHE_DIR) return env.ODW_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'odw', 'diagnose');
}

export async function readCached(dir: string, key: string): Promise<OrgInventory | undefined> {
  try {
    const v = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as OrgInventory;
    return v && typeof v === 'object' && Array.isArray(v.datasets) && v.organization ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Saves an inventory again (e.g. with the column check's findings) under its own key. */
export function saveInventory(dir: string, inv: OrgInventory, organization: string): Promise<void> {
  return writeCached(dir, cacheKey(inv.portal.kind, inv.portal.url, organization, inv.withPrivate), inv);
}

export async function writeCached(dir: string, key: string, inv: OrgInventory): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${key}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(inv));
  await rename(tmp, file);
}
