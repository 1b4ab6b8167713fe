// Publishing a chart as a data.gouv.fr reuse, with the same resume guarantees as datasets:
// the page where the chart lives (a self-contained HTML uploaded as a `documentation`
// resource of the dataset when the portal accepts .html, else a URL the person gives), the
// reuse itself (found again by its marker after an interruption, never created twice), its
// PNG image. Every id is checkpointed as soon as it exists.
import { randomUUID } from 'node:crypto';
import { fileMarker, hashFile } from './checksum';
import type { UploadFile } from './client';
import { isPortalError, portalError } from './errors';
import { inLang, redactingLogger } from './redact';
import type { Logger, PortalProfile } from './types';
import { UdataClient, type ClientOptions } from './udata';
import { UdataReuses, type ReuseFields } from './udata-reuse';

export interface ReuseLinkage {
  marker?: string;
  reuseId?: string;
  /** The dataset resource holding the chart's HTML page. */
  pageResourceId?: string;
}

export interface ReusePlan {
  profile: PortalProfile;
  datasetId: string;
  title: string;
  description: string;
  /** The self-contained HTML page of the chart, or the URL where the chart already lives. */
  page: { html: string; title: string } | { url: string };
  /** PNG of the chart, set as the reuse's image. */
  image?: string;
  organization?: string;
  linkage: ReuseLinkage;
}

export interface ReuseResult {
  reuseId: string;
  /** The reuse's page on the portal. */
  reusePage?: string;
  /** Where the chart lives (the reuse's `url`). */
  url: string;
  linkage: ReuseLinkage;
  requests?: unknown[];
}

export interface ReuseOptions extends ClientOptions {
  onCheckpoint?: (l: ReuseLinkage) => void | Promise<void>;
  logger?: Logger;
}

const unknownOutcome = (e: unknown) => isPortalError(e) && (e.kind === 'timeout' || e.kind === 'network' || e.kind === 'server');

export async function publishReuse(plan: ReusePlan, opts: ReuseOptions = {}): Promise<ReuseResult> {
  if (plan.profile.kind !== 'udata')
    throw portalError('bad-request', {
      en: 'reuses exist on data.gouv.fr (udata) portals only',
      fr: 'les réutilisations n’existent que sur les portails data.gouv.fr (udata)',
    });
  const { onCheckpoint, ...clientOpts } = opts;
  const client = new UdataClient(plan.profile, clientOpts);
  const reuses = new UdataReuses(client.transport, client.api, client.site);
  const dry = client.transport.dryRun;
  const log = redactingLogger(opts.logger, [plan.profile.apiKey]);
  const linkage: ReuseLinkage = { ...plan.linkage };
  const checkpoint = async () => {
    if (!dry) await onCheckpoint?.({ ...linkage });
  };

  await client.whoami();
  const ds = await client.getDataset(plan.datasetId);
  if (!ds) throw portalError('linked-dataset-gone', plan.datasetId, { step: 'get-dataset' });

  // 1. Where the chart lives.
  let url: string;
  if ('url' in plan.page) url = plan.page.url;
  else {
    const allowed = await client.allowedExtensions();
    if (allowed && !allowed.includes('html')) {
      throw portalError(
        'extension-not-allowed',
        {
          en: 'the portal does not accept .html files: give the URL where the chart is published',
          fr: 'le portail n’accepte pas les fichiers .html : donnez l’URL où le graphique est publié',
        },
        { step: 'check-files' },
      );
    }
    const file: UploadFile = {
      path: plan.page.html,
      title: plan.page.title,
      format: 'html',
      type: 'documentation',
      contentType: 'text/html',
      marker: fileMarker(plan.page.html),
      sha1: await hashFile(plan.page.html, 'sha1'),
    };
    const known = linkage.pageResourceId ? ds.resources.find((r) => r.id === linkage.pageResourceId) : undefined;
    const orphan = known ?? ds.resources.find((r) => file.sha1 && r.sha1 === file.sha1);
    let res = orphan && orphan.sha1 === file.sha1 ? orphan : orphan ? await client.replaceResource(ds.id, orphan.id, file) : undefined;
    if (!res) res = await client.uploadResource(ds.id, file);
    linkage.pageResourceId = res.id;
    await checkpoint();
    const declared = await client.declareResource(ds.id, res.id, file);
    url = declared?.url ?? res.url ?? '';
    if (!url) throw portalError('protocol', 'the page resource has no URL');
  }

  // 2. The reuse, once.
  const fields: ReuseFields = { title: plan.title, description: plan.description, url, datasets: [ds.id], organization: plan.organization };
  if (!linkage.marker) {
    linkage.marker = randomUUID();
    await checkpoint();
  }
  let reuse = linkage.reuseId ? await reuses.get(linkage.reuseId) : undefined;
  if (reuse && !dry && reuse.marker !== linkage.marker) throw portalError('linkage-mismatch', linkage.reuseId!, { step: 'get-dataset' });
  if (linkage.reuseId && !reuse)
    log.warn(
      inLang(
        log,
        `reuse ${linkage.reuseId} is gone from the portal: creating it again`,
        `la réutilisation ${linkage.reuseId} a disparu du portail : elle est créée à nouveau`,
      ),
    );
  if (!reuse) reuse = await reuses.findByMarker(linkage.marker);
  if (reuse) reuse = await reuses.update(reuse.id, fields, linkage.marker);
  else {
    try {
      reuse = await reuses.create(fields, linkage.marker);
    } catch (e) {
      if (!unknownOutcome(e)) throw e;
      log.warn(
        inLang(
          log,
          `create-reuse: ${(e as Error).message}; looking for it before creating again`,
          `création de la réutilisation : ${isPortalError(e) ? e.messages.fr : (e as Error).message} ; recherche de la réutilisation avant de la créer à nouveau`,
        ),
      );
      reuse = (await reuses.findByMarker(linkage.marker)) ?? (await reuses.create(fields, linkage.marker));
    }
  }
  linkage.reuseId = reuse.id;
  await checkpoint();

  // 3. Its image.
  if (plan.image) await reuses.setImage(reuse.id, plan.image);
  return {
    reuseId: reuse.id,
    reusePage: reuse.page,
    url,
    linkage: { ...linkage },
    ...(dry ? { requests: client.transport.requests.slice() } : {}),
  };
}
