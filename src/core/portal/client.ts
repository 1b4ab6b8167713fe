// The portal-neutral interface the orchestrator drives. udata and CKAN implement it; tests
// may inject their own. Each method is one portal call (or one lookup), so the orchestrator
// owns the order of steps, the checkpoints and the resume logic.
import type { HttpTransport } from './transport';
import type { DatasetMetadata, PortalKind, PublishFile } from './types';

export interface WhoAmI {
  id: string;
  name?: string;
  organizations: { id: string; name?: string }[];
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
}

export interface RemoteDataset {
  id: string;
  /** Human page of the dataset. */
  url?: string;
  private?: boolean;
  resources: RemoteResource[];
}

/** A plan file plus the stable per-file marker computed by the orchestrator. */
export interface UploadFile extends PublishFile {
  marker: string;
}

export interface PortalClient {
  readonly kind: PortalKind;
  readonly transport: HttpTransport;
  /** Checks the key; lists the organizations the key owner may publish for. */
  whoami(): Promise<WhoAmI>;
  /** A fresh marker to store on a dataset before its id is known. */
  newMarker(meta: DatasetMetadata): string;
  /** The dataset carrying `marker`, if a previous (interrupted) create succeeded. */
  findDatasetByMarker(marker: string, meta: DatasetMetadata): Promise<RemoteDataset | undefined>;
  createDataset(meta: DatasetMetadata, marker: string, isPrivate: boolean): Promise<RemoteDataset>;
  /** undefined when the dataset is gone (404/410). */
  getDataset(id: string): Promise<RemoteDataset | undefined>;
  updateDataset(id: string, meta: DatasetMetadata, marker: string | undefined, isPrivate: boolean): Promise<RemoteDataset>;
  uploadResource(datasetId: string, file: UploadFile): Promise<RemoteResource>;
  /** undefined when the resource no longer exists (404), so the caller uploads a new one. */
  replaceResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined>;
  /** Sets title, description, format and schema of a resource (no-op where upload already did it). */
  declareResource(datasetId: string, resourceId: string, file: UploadFile): Promise<RemoteResource | undefined>;
}
