// Public entry points of the publishing core, for the VS Code layer, the worker and the CLI.
import { CkanClient } from './ckan';
import type { PortalClient } from './client';
import { publish, PublishHooks } from './publish';
import type { ClientOptions } from './udata';
import { UdataClient } from './udata';
import type { PortalProfile, PublishPlan, PublishResult } from './types';

export * from './types';
export { PortalError, isPortalError, portalError, failureMessage } from './errors';
export type { PortalErrorKind } from './errors';
export { redact, redactingLogger, silentLogger } from './redact';
export { assertSafeUrl, isSafeLink, isLoopbackHost, isDataGouvSetting } from './url';
export { checkPlanQuality } from './quality';
export type { QualityReport, QualityHint } from './quality';
export type { PortalClient, WhoAmI, RemoteDataset, RemoteResource } from './client';
export { UdataClient } from './udata';
export { CkanClient } from './ckan';
export { publish, defaultOrphanRecheckMs } from './publish';
export { resourceTypeOf, extensionOf } from './resource-type';
export { confinePath, confineAbsolute, confineReason, type Confined } from './confine';
export { convertTsvToCsv } from './tsv-to-csv';
export { publishReuse, type ReusePlan, type ReuseResult, type ReuseLinkage } from './reuse';
export { matchCkanLicence } from './ckan-licence';
export type { PublishRight } from './client';
export type { PublishHooks } from './publish';
export type { ClientOptions } from './udata';

/** Client for a profile. Throws PortalError('unsafe-url') for a non-HTTPS, non-loopback URL. */
export function createPortalClient(profile: PortalProfile, opts: ClientOptions = {}): PortalClient {
  return profile.kind === 'ckan' ? new CkanClient(profile, opts) : new UdataClient(profile, opts);
}

export type PublishOptions = ClientOptions & PublishHooks;

/** One call for the UI: build the client from the plan's profile and publish (or dry-run). */
export function publishPlan(plan: PublishPlan, opts: PublishOptions = {}): Promise<PublishResult> {
  const { onCheckpoint, orphanRecheckMs, ...clientOpts } = opts;
  return publish(plan, createPortalClient(plan.profile, clientOpts), { onCheckpoint, orphanRecheckMs, logger: opts.logger });
}
