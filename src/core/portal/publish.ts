// The publish orchestrator. Pure apart from the injected client: the preflight checks (key,
// right to publish, file types, metadata vocabularies), then ONE dataset (created private, or
// the linked one once its marker proves it is ours), each file uploaded, replaced or left
// alone when unchanged, then the metadata with the wanted visibility. Every id is
// checkpointed the moment it exists, and every step that may have succeeded unseen (timeout,
// reset, 5xx) is followed by lookups before anything is created again, so a re-run never
// duplicates.
import { statSync } from 'node:fs';
import { fileMarker, hashFile } from './checksum';
import type { PortalClient, RemoteDataset, RemoteResource, UploadFile } from './client';
import { isPortalError, portalError } from './errors';
import { preflight } from './preflight';
import { inLang, redactingLogger } from './redact';
import { sleep } from './retry';
import type { Linkage, Logger, PublishedResource, PublishPlan, PublishResult, PublishStep } from './types';

export interface PublishHooks {
  /** Called with a copy of the linkage each time an id (or the create marker) is known. Persist it. */
  onCheckpoint?: (linkage: Linkage) => void | Promise<void>;
  logger?: Logger;
  /**
   * How long to wait before looking a second time for an upload whose answer was lost: the
   * portal may still be copying the file to its storage. Default 5 s + 1 s per MB, at most 2 min.
   */
  orphanRecheckMs?: (bytes: number) => number;
}

const MB = 1024 * 1024;
export const defaultOrphanRecheckMs = (bytes: number) => Math.min(120_000, 5_000 + Math.ceil(bytes / MB) * 1_000);

/** Failures after which the portal may or may not have applied the request. */
/** What an error says, in the logger's language (a PortalError has both). */
const said = (log: Logger, e: unknown): string => (isPortalError(e) ? inLang(log, e.messages.en, e.messages.fr) : (e as Error).message);

function outcomeUnknown(e: unknown): boolean {
  return isPortalError(e) && (e.kind === 'timeout' || e.kind === 'network' || e.kind === 'server');
}

function copy(l: Linkage): Linkage {
  const { explicit: _e, ...rest } = l;
  return { ...rest, resources: { ...l.resources } };
}

export async function publish(plan: PublishPlan, client: PortalClient, hooks: PublishHooks = {}): Promise<PublishResult> {
  const dry = client.transport.dryRun;
  const signal = client.transport.signal;
  const log = redactingLogger(hooks.logger, [plan.profile.apiKey]);
  const recheckMs = hooks.orphanRecheckMs ?? defaultOrphanRecheckMs;
  const linkage: Linkage = { ...copy(plan.linkage ?? { resources: {} }), explicit: plan.linkage?.explicit };
  const checkpoint = async () => {
    if (!dry) await hooks.onCheckpoint?.(copy(linkage));
  };
  const step = async <T>(name: PublishStep, fn: () => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw portalError('cancelled', undefined, { step: name });
    try {
      return await fn();
    } catch (e) {
      if (isPortalError(e) && !e.step) e.step = name;
      throw e;
    }
  };
  /** A 503 on a non-idempotent step is not retried by the transport; still honour its Retry-After. */
  const pauseAfter = async (e: unknown) => {
    const ms = isPortalError(e) ? e.retryAfterMs : undefined;
    if (ms !== undefined) {
      if (ms > client.transport.maxRetryAfterMs) throw e;
      await sleep(ms, signal);
    }
  };
  const paths = new Set<string>();
  for (const f of plan.files) {
    if (paths.has(f.path)) throw portalError('file', `listed twice: ${f.path}`);
    paths.add(f.path);
  }

  // 1. Nothing is written before the key, its right, the file types and the metadata pass.
  const pre = await step('check-key', () => preflight(client, plan.dataset, plan.files, log));
  let meta = pre.meta;

  // 2. Exactly one dataset.
  let ds: RemoteDataset;
  let adopt: { marker: string; extras?: Record<string, unknown> } | undefined;
  const refetch = async (id: string): Promise<RemoteDataset> => {
    const got = await step('get-dataset', () => client.getDataset(id));
    if (!got) throw portalError('linked-dataset-gone', id, { step: 'get-dataset' });
    return got;
  };
  if (linkage.datasetId) {
    ds = await refetch(linkage.datasetId);
    if (plan.keepRemoteVisibility && typeof ds.private === 'boolean') meta = { ...meta, private: ds.private };
    if (!dry && linkage.explicit) {
      // Linked by hand: give it our marker so later runs can verify it.
      linkage.marker ??= ds.marker ?? client.newMarker(meta);
      if (ds.marker !== linkage.marker) adopt = { marker: linkage.marker, extras: ds.extras };
    } else if (!dry && (!linkage.marker || ds.marker !== linkage.marker)) {
      // A project file edited by someone else may aim at any dataset the key can write.
      throw portalError('linkage-mismatch', linkage.datasetId, { step: 'get-dataset' });
    }
    if (!dry && meta.organization && ds.organization && ds.organization !== meta.organization) {
      log.warn(
        inLang(
          log,
          `the dataset belongs to organisation ${ds.organization}, not ${meta.organization}: the portal does not move a dataset on update; it stays where it is`,
          `le jeu de données appartient à l’organisation ${ds.organization}, pas à ${meta.organization} : le portail ne déplace pas un jeu de données mis à jour ; il reste où il est`,
        ),
      );
    }
  } else {
    let found: RemoteDataset | undefined;
    if (linkage.marker) {
      // A previous run stored the marker and may have created the dataset before stopping.
      found = await step('find-dataset', () => client.findDatasetByMarker(linkage.marker!, meta));
    } else {
      linkage.marker = client.newMarker(meta);
      await checkpoint();
    }
    let fresh = false; // created by this very call, so it has no resources yet
    const create = async () => {
      const d = await step('create-dataset', () => client.createDataset(meta, linkage.marker!, true));
      fresh = true;
      return d;
    };
    if (!found) {
      try {
        found = await create();
      } catch (e) {
        if (!outcomeUnknown(e)) throw e;
        log.warn(
          inLang(
            log,
            `create-dataset: ${(e as Error).message}; looking for it before creating again`,
            `création du jeu de données : ${said(log, e)} ; recherche du jeu de données avant de le créer à nouveau`,
          ),
        );
        await pauseAfter(e);
        found = (await step('find-dataset', () => client.findDatasetByMarker(linkage.marker!, meta))) ?? (await create());
      }
    }
    if (!fresh)
      log.info(
        inLang(
          log,
          `found dataset ${found.id} created by an interrupted run`,
          `jeu de données ${found.id} retrouvé, créé par une exécution interrompue`,
        ),
      );
    linkage.datasetId = found.id;
    await checkpoint();
    // A listing entry may omit resources; reload to see those an interrupted run left behind.
    ds = fresh || dry ? found : await refetch(found.id);
  }
  // A resource id from the project file is only used if it belongs to this dataset.
  if (!dry) {
    const own = new Set(ds.resources.map((r) => r.id));
    for (const [p, rid] of Object.entries(linkage.resources)) {
      if (!own.has(rid)) {
        log.warn(
          inLang(
            log,
            `resource ${rid} recorded for ${p} is not in dataset ${ds.id}; it is not touched`,
            `la ressource ${rid} enregistrée pour ${p} n’est pas dans le jeu de données ${ds.id} ; elle n’est pas modifiée`,
          ),
        );
        delete linkage.resources[p];
      }
    }
  }

  // 3. Files, in plan order.
  const findOrphan = (file: UploadFile): { res: RemoteResource; sameBytes: boolean } | undefined => {
    const claimed = new Set(Object.values(linkage.resources));
    for (const r of ds.resources) {
      if (claimed.has(r.id)) continue;
      if (file.sha1 && r.sha1 === file.sha1) return { res: r, sameBytes: true };
      if (r.marker && r.marker === file.marker) return { res: r, sameBytes: false };
    }
    return undefined;
  };
  const published: PublishedResource[] = [];
  for (const f of plan.files) {
    const file: UploadFile = { ...f, marker: fileMarker(f.path), sha1: await hashFile(f.path, 'sha1') };
    const size = safeSize(f.path);
    let res: RemoteResource | undefined;
    const linked = linkage.resources[f.path];
    if (linked) {
      const remote = ds.resources.find((r) => r.id === linked);
      if (remote?.sha1 && remote.sha1 === file.sha1) {
        log.info(
          inLang(
            log,
            `${f.path} is unchanged since the last publication: not uploaded again`,
            `${f.path} n’a pas changé depuis la dernière publication : il n’est pas envoyé à nouveau`,
          ),
        );
        res = remote;
      } else {
        res = await step('replace-resource', () => client.replaceResource(ds.id, linked, file));
        if (!res) {
          log.warn(
            inLang(
              log,
              `resource ${linked} for ${f.path} is gone; uploading a new one`,
              `la ressource ${linked} de ${f.path} a disparu ; envoi d’une nouvelle ressource`,
            ),
          );
          delete linkage.resources[f.path];
          await checkpoint();
        }
      }
    }
    if (!res) {
      let orphan = findOrphan(file);
      if (!orphan) {
        try {
          res = await step('upload-resource', () => client.uploadResource(ds.id, file));
        } catch (e) {
          if (!outcomeUnknown(e)) throw e;
          log.warn(
            inLang(
              log,
              `upload-resource ${f.path}: ${(e as Error).message}; checking whether the portal kept it`,
              `envoi de ${f.path} : ${said(log, e)} ; vérification que le portail ne l’a pas gardé`,
            ),
          );
          await pauseAfter(e);
          ds = await refetch(ds.id);
          orphan = findOrphan(file);
          if (!orphan) {
            // The portal may still be copying the file to its storage: look once more, later.
            const ms = recheckMs(size);
            const s = Math.round(ms / 1000);
            log.info(
              inLang(
                log,
                `no trace of ${f.path} yet; looking again in ${s} s before uploading it again`,
                `pas encore de trace de ${f.path} ; nouvelle recherche dans ${s} s avant de l’envoyer à nouveau`,
              ),
            );
            await sleep(ms, signal);
            ds = await refetch(ds.id);
            orphan = findOrphan(file);
          }
          if (!orphan) res = await step('upload-resource', () => client.uploadResource(ds.id, file));
        }
      }
      if (orphan) {
        log.info(
          inLang(
            log,
            `reusing resource ${orphan.res.id} left by an interrupted upload of ${f.path}`,
            `reprise de la ressource ${orphan.res.id} laissée par un envoi interrompu de ${f.path}`,
          ),
        );
        res = orphan.res;
        if (!orphan.sameBytes) res = (await step('replace-resource', () => client.replaceResource(ds.id, orphan!.res.id, file))) ?? res;
      }
      linkage.resources[f.path] = res!.id;
      await checkpoint();
    }
    const rid = res!.id;
    const declared = await step('declare-resource', () => client.declareResource(ds.id, rid, file));
    published.push({ path: f.path, resourceId: rid, url: declared?.url ?? res!.url, title: f.title });
  }

  // 4. Metadata and visibility last: a new dataset only becomes public once complete.
  // The marker is only re-sent to adopt a dataset linked by hand, with the dataset's own extras.
  ds = await step('update-dataset', () => client.updateDataset(ds.id, meta, adopt?.marker, meta.private, adopt?.extras));
  const result: PublishResult = {
    datasetId: ds.id,
    datasetUrl: ds.url,
    resources: published,
    linkage: copy(linkage),
    warnings: pre.warnings,
    private: ds.private ?? meta.private,
    right: { organization: meta.organization, orgName: pre.right.orgName, role: pre.right.role },
  };
  if (dry) result.requests = client.transport.requests.slice();
  return result;
}

function safeSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}
