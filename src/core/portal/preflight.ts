// Everything checked before the first write, so a refusal leaves nothing behind on the portal:
// the key and its right to publish for the organisation, the file types against the portal's
// allow-list (udata answers 400 only after the dataset exists), and the metadata against the
// portal's vocabularies (zones, granularities, CKAN licence ids).
import { statSync } from 'node:fs';
import type { PortalClient, PublishRight, WhoAmI } from './client';
import { portalError } from './errors';
import { fsReason } from '../fs-words';
import { inLang } from './redact';
import { extensionOf } from './resource-type';
import type { DatasetMetadata, Logger, PublishFile } from './types';

export interface Preflight {
  me: WhoAmI;
  right: PublishRight;
  meta: DatasetMetadata;
  warnings: string[];
}

/** An organisation role as the portals name it (udata, CKAN), in French. */
const ROLE_FR: Record<string, string> = {
  admin: 'administrateur',
  editor: 'éditeur',
  partial_editor: 'éditeur partiel',
  member: 'membre',
  sysadmin: 'administrateur du portail',
};

export async function preflight(client: PortalClient, meta: DatasetMetadata, files: PublishFile[], log: Logger): Promise<Preflight> {
  const dry = client.transport.dryRun;
  const me = await client.whoami();
  const org = meta.organization;
  if (!dry && org && !me.sysadmin && !me.organizations.some((o) => o.id === org || o.name === org || o.slug === org)) {
    throw portalError('not-org-member', org, { step: 'check-key' });
  }
  const right = await client.publishRight(me, org);
  if (!dry && !right.ok) {
    const name = right.orgName ?? org;
    const role = right.role;
    throw portalError(
      'no-publish-right',
      { en: `${name}${role ? ` (role: ${role})` : ''}`, fr: `${name}${role ? ` (rôle : ${ROLE_FR[role] ?? role})` : ''}` },
      { step: 'check-key' },
    );
  }
  if (!dry) {
    const name = right.orgName ?? org;
    const role = right.role;
    log.info(
      org
        ? inLang(
            log,
            `your key can publish to organisation ${name}${role ? ` (role ${role})` : ''}`,
            `votre clé peut publier pour l’organisation ${name}${role ? ` (rôle ${ROLE_FR[role] ?? role})` : ''}`,
          )
        : inLang(log, 'your key can publish to your own account', 'votre clé peut publier sur votre propre compte'),
    );
  }

  for (const f of files) {
    let why: { en: string; fr: string } | undefined;
    try {
      if (!statSync(f.path).isFile()) why = { en: 'not a file', fr: 'pas un fichier' };
    } catch (e) {
      why = { en: (e as Error).message, fr: fsReason(e, 'fr') };
    }
    if (why) throw portalError('file', { en: `${f.path} (${why.en})`, fr: `${f.path} (${why.fr})` }, { step: 'check-files' });
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
  for (const w of prepared.warnings) log.warn(inLang(log, w.en, w.fr));
  return { me, right, meta: prepared.meta, warnings: prepared.warnings.map((w) => w.en) };
}
