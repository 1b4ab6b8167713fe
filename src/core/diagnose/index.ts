// Entry point of the Diagnostic core: read what an organisation has published on a udata or
// CKAN portal, flag each dataset, measure the Socle coverage, and fall back on the last
// known inventory when the portal fails (the error is returned, never thrown).
import { isPortalError } from '../portal/errors';
import { readCkan } from './ckan-read';
import { cacheKey, readCached, writeCached } from './cache';
import { socleCoverage } from './socle';
import { readUdata } from './udata-read';
import type { DiagnoseOutcome, DiagnoseRequest, OrgInventory } from './types';

export * from './types';
export { SOCLE, SOCLE_LABEL, socleCoverage, socleTitle } from './socle';
export { checkColumns, undeclaredCsv } from './columns';
export { defaultCacheDir, saveInventory } from './cache';
export { LOW_QUALITY } from './udata-read';

export async function readInventory(req: DiagnoseRequest): Promise<OrgInventory> {
  const read = req.kind === 'ckan' ? await readCkan(req) : await readUdata(req);
  return {
    portal: { kind: req.kind, url: req.baseUrl.replace(/\/+$/, '') },
    organization: read.organization,
    datasets: read.datasets,
    socle: socleCoverage(read.datasets),
    fetchedAt: (req.now ?? new Date()).toISOString(),
    withPrivate: !!req.apiKey?.trim(),
  };
}

/** Fresh inventory (cached in `cacheDir`), or the cached one with the error. */
export async function diagnose(req: DiagnoseRequest, cacheDir?: string): Promise<DiagnoseOutcome> {
  const key = cacheKey(req.kind, req.baseUrl, req.organization, !!req.apiKey?.trim());
  try {
    const inventory = await readInventory(req);
    if (cacheDir) await writeCached(cacheDir, key, inventory).catch(() => undefined);
    return { inventory, source: 'portal' };
  } catch (e) {
    const error = isPortalError(e) ? e.messages : { en: (e as Error).message, fr: (e as Error).message };
    const cached = cacheDir ? await readCached(cacheDir, key) : undefined;
    return { inventory: cached, source: cached ? 'cache' : 'none', error };
  }
}

/** The exact JSON of `odw diagnose --format json`. */
export function inventoryJson(inv: OrgInventory) {
  return {
    organization: { id: inv.organization.id, name: inv.organization.name },
    datasets: inv.datasets.map((d) => ({
      id: d.id,
      title: d.title,
      url: d.url,
      lastUpdate: d.lastUpdate,
      frequency: d.frequency,
      stale: d.stale,
      formats: d.formats,
      openFormat: d.openFormat,
      schema: d.schema,
      quality: d.quality,
    })),
    socle: { published: inv.socle.published, missing: inv.socle.missing },
  };
}
