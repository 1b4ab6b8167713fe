// The portal-neutral interface the orchestrator drives. udata and CKAN implement it; tests
// may inject their own. Each method is one portal call (or one lookup), so the orchestrator
// owns the order of steps, the checkpoints and the resume logic.
import type { HttpTransport } from './transport';
import type { Bilingual, DatasetMetadata, PortalKind, PublishFile } from './types';

export interface WhoAmI {
  id: string;
  name?: string;
  organizations: { id: string; name?: string; slug?: string }[];
  /** Site admins may publish for any organization. */
  sysadmin?: boolean;
}

export interface RemoteResource {
  id: string;
  title?: string;
  url?: string;
  /** What the portal computed on upload (udata: sha1). Used to recognise an orphan upload. */
  checksum?: { type: string; value: string };
  /** Our per-file marker when the portal stores it (CKAN extra field). */
  marker?: string;
  /** sha1 of the bytes we uploaded, when the portal keeps it (udata checksum, CKAN `odw_sha1`). */
  sha1?: string;
}

export interface RemoteDataset {
  id: string;
  /** Human page of the dataset. */
  url?: string;
  private?: boolean;
  resources: RemoteResource[];
  /** Organization id the dataset belongs to. */
  organization?: string;
  /** The create marker stored on the dataset (udata extras, CKAN extra), if any. */
  marker?: string;
  /** udata: extras as stored, so a write that adds our marker keeps the owner's own. */
  extras?: Record<string, unknown>;
}

/** What the key may do for the target organization (or the user's own space). */
export interface PublishRight {
  ok: boolean;
  /** Display name of the organization. */
  orgName?: string;
  /** The member's role there (udata: admin, editor, partial_editor). */
  role?: string;
}

/** A plan file plus the stable per-file marker computed by the orchestrator. */
export interface UploadFile extends PublishFile {
  marker: string;
  /** sha1 of the local bytes, to tell an unchanged file and to recognise an orphan upload. */
  sha1?: string;
}

export interface PortalClient {
  readonly kind: PortalKind;
  readonly transport: HttpTransport;
  /** Checks the key; lists the organizations the key owner may publish for. */
  whoami(): Promise<WhoAmI>;
  /** Whether `me` may create datasets for `org`: udata organisation roles, CKAN create_dataset permission. */
  publishRight(me: WhoAmI, org: string | undefined): Promise<PublishRight>;
  /** The portal's upload allow-list (lower-case extensions), or undefined when it publishes none. */
  allowedExtensions(): Promise<string[] | undefined>;
  /**
   * Checks the metadata against the portal's own vocabularies before anything is written and
   * returns what it sends: udata zones and granularity (PortalError 'bad-spatial'), CKAN licence
   * ids from license_list. `warnings` say what was changed or left out.
   */
  prepareMetadata(meta: DatasetMetadata): Promise<{ meta: DatasetMetadata; warnings: Bilingual[] }>;
  /** A fresh marker to store on a dataset before its id is known. */
  newMarker(meta: DatasetMetadata): string;
  /** The dataset carrying `marker`, if a previous (interrupted) create succeeded. */
  findDatasetByMarker(marker: string, meta: DatasetMetadata): Promise<RemoteDataset | undefined>;
  createDataset(meta: DatasetMetadata, marker: string, isPrivate: boolean): Promise<RemoteDataset>;
  /** undefined when the dataset is gone (404/410). */
  getDataset(id: string): Promise<RemoteDataset | undefined>;
  /** `marker` is only sent to adopt a dataset linked by hand; `keepExtras` are the dataset's own extras to keep. */
  updateDataset(
    id: string,
    meta: DatasetMetadata,
    marker: string | undefined,
    isPrivate: boolean,
    keepExtras?: Record<string, unknown>,
  ): Promise<RemoteDataset>;
  uploadResource(datasetId: string, file: UploadFile): Promise<RemoteResource>;
  /** undefined when the resource no longer exists (404), so the caller uploads a new one. */
  replaceResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined>;
  /** Sets title, description, format and schema of a resource (no-op where upload already did it). */
  declareResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined>;
}
