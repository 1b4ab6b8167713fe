// Finds the plan de comptes of an act: the user's folder first (`--plans`), then the plans
// bundled with the product, the cache, and the official source (downloaded into the cache).
// When no source has the act's year, the nearest year of the same norm and declinaison is
// used and the result says so. Every folder is laid out {Exer}/{Norme}/{Declinaison}/planDeCompte.xml.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parsePlan, type Plan } from './plan';

export const OFFICIAL_PLANS_URL = 'http://odm-budgetaire.org/composants/normes';
const MAX_PLAN_BYTES = 32 * 1024 * 1024;

export type PlanSource = 'plans-dir' | 'bundled' | 'cache' | 'download';

export interface PlanOptions {
  /** Folders the user gave, searched first. */
  plansDirs?: string[];
  /** Where downloaded plans are kept (the extension's global storage, the CLI's cache folder). */
  cacheDir?: string | null;
  /** The official source, overridable for tests; `null` = never download. */
  baseUrl?: string | null;
  /** Milliseconds before a download is given up. */
  timeoutMs?: number;
}

export interface FoundPlan {
  plan: Plan | null;
  source: PlanSource | null;
  /** File or URL it came from. */
  where: string | null;
  /** The year of the folder it came from: differs from the act's when `exact` is false. */
  year: string | null;
  exact: boolean;
  /** Why a download failed, when one was tried. */
  downloadError?: string;
}

export interface PlanKey {
  exer: string;
  norme: string;
  declinaison: string;
}

/** `M14-M14_COM_500_3500` → norme M14, declinaison M14_COM_500_3500; null when unsafe or malformed. */
export function planKey(nomenclature: string, exer: string): PlanKey | null {
  const i = nomenclature.indexOf('-');
  if (i <= 0) return null;
  const norme = nomenclature.slice(0, i);
  const declinaison = nomenclature.slice(i + 1);
  // The key becomes a path and a URL: only the characters real nomenclatures use.
  if (!/^\d{4}$/.test(exer) || !/^[A-Za-z0-9_]{1,40}$/.test(norme) || !/^[A-Za-z0-9_]{1,60}$/.test(declinaison)) return null;
  return { exer, norme, declinaison };
}

/** The bundled plans: `data/plans` at the package root, found from this module's folder. */
export function bundledPlansDir(): string | null {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'data', 'plans');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'odw', 'plans');
}

const parsed = new Map<string, Promise<Plan>>();
function loadPlanFile(path: string): Promise<Plan> {
  let p = parsed.get(path);
  if (!p) {
    p = readFile(path).then(parsePlan);
    parsed.set(path, p);
    p.catch(() => parsed.delete(path));
  }
  return p;
}

function fileIn(dir: string, k: PlanKey): string | null {
  const base = join(dir, k.exer, k.norme, k.declinaison, 'planDeCompte.xml');
  if (existsSync(base)) return base;
  if (existsSync(base + '.gz')) return base + '.gz';
  return null;
}

function yearsIn(dir: string, k: PlanKey): string[] {
  let years: string[] = [];
  try {
    years = readdirSync(dir).filter((y) => /^\d{4}$/.test(y));
  } catch {
    return [];
  }
  return years.filter((y) => fileIn(dir, { ...k, exer: y }));
}

async function download(
  k: PlanKey,
  baseUrl: string,
  cacheDir: string | null,
  timeoutMs: number,
): Promise<{ file: string | null; data: Buffer } | string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${k.exer}/${k.norme}/${k.declinaison}/planDeCompte.xml`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    return `${url}: ${(e as Error).message}`;
  }
  if (!res.ok) return `${url}: HTTP ${res.status}`;
  const data = Buffer.from(await res.arrayBuffer());
  if (data.length > MAX_PLAN_BYTES) return `${url}: too large`;
  if (!/<Nomenclature[\s>]/.test(data.subarray(0, 8192).toString('latin1'))) return `${url}: not a plan de comptes`;
  if (!cacheDir) return { file: null, data };
  const file = join(cacheDir, k.exer, k.norme, k.declinaison, 'planDeCompte.xml');
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file + '.part', data);
    await rename(file + '.part', file);
    return { file, data };
  } catch {
    return { file: null, data };
  }
}

/** The plan for an act's nomenclature and year, or `plan: null` with what was tried. */
export async function findPlan(key: PlanKey, o: PlanOptions = {}): Promise<FoundPlan> {
  const bundled = bundledPlansDir();
  const cacheDir = o.cacheDir === undefined ? defaultCacheDir() : o.cacheDir;
  const dirs: [PlanSource, string][] = [...(o.plansDirs ?? []).map((d): [PlanSource, string] => ['plans-dir', d])];
  if (bundled) dirs.push(['bundled', bundled]);
  if (cacheDir) dirs.push(['cache', cacheDir]);
  for (const [source, dir] of dirs) {
    const f = fileIn(dir, key);
    if (f) return { plan: await loadPlanFile(f), source, where: f, year: key.exer, exact: true };
  }
  let downloadError: string | undefined;
  const baseUrl = o.baseUrl === undefined ? OFFICIAL_PLANS_URL : o.baseUrl;
  if (baseUrl) {
    const d = await download(key, baseUrl, cacheDir, o.timeoutMs ?? 15000);
    if (typeof d !== 'string') {
      const plan = d.file ? await loadPlanFile(d.file) : await parsePlan(d.data);
      return { plan, source: 'download', where: d.file ?? baseUrl, year: key.exer, exact: true };
    }
    downloadError = d;
  }
  // Nearest year of the same norm and declinaison, the user's folders winning ties.
  let best: { source: PlanSource; file: string; year: string; dist: number } | null = null;
  for (const [source, dir] of dirs)
    for (const y of yearsIn(dir, key)) {
      const dist = Math.abs(Number(y) - Number(key.exer));
      // On equal distance the later year: plans change little, and a newer one has the newer accounts.
      if (!best || dist < best.dist || (dist === best.dist && Number(y) > Number(best.year)))
        best = { source, file: fileIn(dir, { ...key, exer: y })!, year: y, dist };
    }
  if (best)
    return { plan: await loadPlanFile(best.file), source: best.source, where: best.file, year: best.year, exact: false, downloadError };
  return { plan: null, source: null, where: null, year: null, exact: false, downloadError };
}
