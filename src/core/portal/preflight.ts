// Everything checked before the first write, so a refusal leaves nothing behind on the portal:
// the key and its right to publish for the organisation, the file types against the portal's
// allow-list (udata answers 400 only after the dataset exists), and the metadata against the
// portal's vocabularies (zones, granularities, CKAN licence ids).
import { statSync } from 'node:fs';
import type { PortalClient, PublishRight, WhoAmI } from './client';
import { portalError } from './errors';
import { extensionOf } from './resource-type';
import type { DatasetMetadata, Logger, PublishFile } from './types';

export interface Preflight {
  me: WhoAmI;
  right: PublishRight;
  meta: DatasetMetadata;
  warnings: string[];
}

export async function preflight(client: PortalClient, meta: DatasetMetadata, files: PublishFile[], log: Logger): Promise<Preflight> {
  const dry = client.transport.dryRun;
  const me = await client.whoami();
  const org = meta.organization;
  if (!dry && org && !me.sysadmin && !me.organizations.some((o) => o.id === org || o.name === org || o.slug === org)) {
    throw portalError('not-org-member', org, { step: 'check-key' });
  }
  const right = await client.publishRight(me, org);
  if (!dry && !right.ok) {
    throw portalError('no-publish-right', `${right.orgName ?? org}${right.role ? ` (role: ${right.role})` : ''}`, { step: 'check-key' });
  }
  if (!dry)
    log.info(
      org
        ? `your key can publish to organisation ${right.orgName ?? org}${right.role ? ` (role ${right.role})` : ''}`
        : 'your key can publish to your own account',
    );

  for (const f of files) {
    try {
      if (!statSync(f.path).isFile()) throw new Error('not a file');
    } catch (e) {
      throw portalError('file', `${f.path} (${(e as Error).message})`, { step: 'check-files' });
    }
  }
  const allowed = await client.allowedExtensions();
  if (allowed) {
    const refused = files.filter((f) => !allowed.includes(extensionOf(f.path)));
    if (refused.length) {
      const tsv = refused.some((f) => extensionOf(f.path) === 'tsv') && allowed.includes('csv');
      const list = refused.map((f) => `${f.path} (.${extensionOf(f.path) || '?'})`).join(', ');
      throw portalError(
        'extension-not-allowed',
        tsv
          ? {
              en: `${list}; the portal accepts .csv: convert the TSV to CSV`,
              fr: `${list} ; le portail accepte le .csv : convertissez le TSV en CSV`,
            }
          : list,
        { step: 'check-files' },
      );
    }
  }
  const prepared = await client.prepareMetadata(meta);
  for (const w of prepared.warnings) log.warn(w);
  return { me, right, meta: prepared.meta, warnings: prepared.warnings };
}
