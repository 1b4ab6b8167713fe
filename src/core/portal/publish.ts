// The publish orchestrator. Pure apart from the injected client: check the key, ensure ONE
// dataset (create it private, or reuse the linked one), upload or replace each file, declare
// its schema, then write the metadata with the wanted visibility. Every id is checkpointed
// the moment it exists, and every step that may have succeeded unseen (timeout, reset, 5xx)
// is followed by a lookup before anything is created again, so a re-run never duplicates.
import { fileMarker, hashFile } from './checksum';
import type { PortalClient, RemoteDataset, RemoteResource, UploadFile } from './client';
import { isPortalError, portalError } from './errors';
import { redactingLogger } from './redact';
import { sleep } from './retry';
import type { Linkage, Logger, PublishedResource, PublishPlan, PublishResult, PublishStep } from './types';

export interface PublishHooks {
  /** Called with a copy of the linkage each time an id (or the create marker) is known. Persist it. */
  onCheckpoint?: (linkage: Linkage) => void | Promise<void>;
  logger?: Logger;
}

/** Failures after which the portal may or may not have applied the request. */
function outcomeUnknown(e: unknown): boolean {
  return isPortalError(e) && (e.kind === 'timeout' || e.kind === 'network' || e.kind === 'server');
}

function copy(l: Linkage): Linkage {
  return { ...l, resources: { ...l.resources } };
}

export async function publish(plan: PublishPlan, client: PortalClient, hooks: PublishHooks = {}): Promise<PublishResult> {
  const dry = client.transport.dryRun;
  const signal = client.transport.signal;
  const log = redactingLogger(hooks.logger, [plan.profile.apiKey]);
  const meta = plan.dataset;
  const linkage = copy(plan.linkage ?? { resources: {} });
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

  // 1. Fail early on a bad key or a wrong organization, before any write.
  const me = await step('check-key', () => client.whoami());
  const org = meta.organization;
  if (!dry && org && !me.sysadmin && !me.organizations.some((o) => o.id === org || o.name === org)) {
    throw portalError('not-org-member', org, { step: 'check-key' });
  }

  // 2. Exactly one dataset.
  let ds: RemoteDataset;
  const refetch = async (id: string): Promise<RemoteDataset> => {
    const got = await step('get-dataset', () => client.getDataset(id));
    if (!got) throw portalError('linked-dataset-gone', id, { step: 'get-dataset' });
    return got;
  };
  if (linkage.datasetId) {
    ds = await refetch(linkage.datasetId);
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
        log.warn(`create-dataset: ${(e as Error).message}; looking for it before creating again`);
        await pauseAfter(e);
        found = (await step('find-dataset', () => client.findDatasetByMarker(linkage.marker!, meta))) ?? (await create());
      }
    }
    if (!fresh) log.info(`found dataset ${found.id} created by an interrupted run`);
    linkage.datasetId = found.id;
    await checkpoint();
    // A listing entry may omit resources; reload to see those an interrupted run left behind.
    ds = fresh || dry ? found : await refetch(found.id);
  }

  // 3. Files, in plan order.
  const hashes = new Map<string, string | undefined>();
  const findOrphan = async (file: UploadFile): Promise<{ res: RemoteResource; sameBytes: boolean } | undefined> => {
    const claimed = new Set(Object.values(linkage.resources));
    for (const r of ds.resources) {
      if (claimed.has(r.id)) continue;
      if (r.marker && r.marker === file.marker) return { res: r, sameBytes: false };
      if (r.checksum?.value) {
        const key = `${r.checksum.type}:${file.path}`;
        if (!hashes.has(key)) hashes.set(key, await hashFile(file.path, r.checksum.type || 'sha1'));
        if (hashes.get(key) === r.checksum.value.toLowerCase()) return { res: r, sameBytes: true };
      }
    }
    return undefined;
  };
  const published: PublishedResource[] = [];
  for (const f of plan.files) {
    const file: UploadFile = { ...f, marker: fileMarker(f.path) };
    let res: RemoteResource | undefined;
    const linked = linkage.resources[f.path];
    if (linked) {
      res = await step('replace-resource', () => client.replaceResource(ds.id, linked, file));
      if (!res) {
        log.warn(`resource ${linked} for ${f.path} is gone; uploading a new one`);
        delete linkage.resources[f.path];
        await checkpoint();
      }
    }
    if (!res) {
      let orphan = await findOrphan(file);
      if (!orphan) {
        try {
          res = await step('upload-resource', () => client.uploadResource(ds.id, file));
        } catch (e) {
          if (!outcomeUnknown(e)) throw e;
          log.warn(`upload-resource ${f.path}: ${(e as Error).message}; checking whether the portal kept it`);
          await pauseAfter(e);
          ds = await refetch(ds.id);
          orphan = await findOrphan(file);
          if (!orphan) res = await step('upload-resource', () => client.uploadResource(ds.id, file));
        }
      }
      if (orphan) {
        log.info(`reusing resource ${orphan.res.id} left by an interrupted upload of ${f.path}`);
        res = orphan.res;
        if (!orphan.sameBytes) res = (await step('replace-resource', () => client.replaceResource(ds.id, orphan!.res.id, file))) ?? res;
      }
      linkage.resources[f.path] = res!.id;
      await checkpoint();
    }
    const rid = res!.id;
    const declared = await step('declare-resource', () => client.declareResource(ds.id, rid, file));
    published.push({ path: f.path, resourceId: rid, url: declared?.url ?? res!.url });
  }

  // 4. Metadata and visibility last: a new dataset only becomes public once complete.
  // No marker here: the id is linked now, and re-sending extras could overwrite the owner's own.
  ds = await step('update-dataset', () => client.updateDataset(ds.id, meta, undefined, meta.private));
  const result: PublishResult = { datasetId: ds.id, datasetUrl: ds.url, resources: published, linkage: copy(linkage) };
  if (dry) result.requests = client.transport.requests.slice();
  return result;
}
