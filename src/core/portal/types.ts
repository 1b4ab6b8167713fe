// Data shapes of the publishing core. Pure data: no `vscode`, no I/O. The VS Code layer, the
// worker and the CLI all build a PublishPlan and read a PublishResult.

/** A message in both product languages (same shape as `Text` in src/core/model.ts). */
export interface Bilingual {
  en: string;
  fr: string;
}

export type PortalKind = 'udata' | 'ckan';

/** Where to publish. `baseUrl` is the site root, e.g. https://demo.data.gouv.fr (a trailing /api/1 is tolerated). */
export interface PortalProfile {
  kind: PortalKind;
  baseUrl: string;
  apiKey: string;
  /** Display name only ("data.gouv.fr", "Sandbox"…). */
  name?: string;
}

export interface DatasetMetadata {
  title: string;
  /** Markdown. data.gouv.fr counts a quality point above 100 characters (NOTES §4.2). */
  description: string;
  /** Licence id from the portal's list, e.g. `lov2` on udata. */
  license?: string;
  /** udata frequency id, e.g. `annual` (NOTES §4.2). */
  frequency?: string;
  temporalCoverage?: { start: string; end: string };
  /** udata `spatial` object: zone ids and granularity. */
  spatial?: { zones?: string[]; granularity?: string };
  tags?: string[];
  /** Organization id; without it the dataset belongs to the user (udata) — CKAN usually requires one. */
  organization?: string;
  /** Desired visibility once everything is uploaded. New datasets stay private until the last step. */
  private: boolean;
}

export interface SchemaRef {
  name: string;
  version?: string;
}

/** udata RESOURCE_TYPES (udata/core/dataset/constants.py); CKAN has no equivalent field. */
export type ResourceType = 'main' | 'documentation' | 'update' | 'api' | 'code' | 'other';

export interface PublishFile {
  /** Local path; also the key of `Linkage.resources`. */
  path: string;
  title: string;
  /** Lower-case format, e.g. `csv`. */
  format: string;
  description?: string;
  schema?: SchemaRef;
  /** What the file is on the portal; default from the format (data: main, pdf/md/doc: documentation). */
  type?: ResourceType;
  /** MIME type sent with the upload; guessed from the extension when missing. */
  contentType?: string;
}

/**
 * What the workspace remembers about a publication. Saved by the caller on every
 * `onCheckpoint`, passed back on the next run so nothing is created twice.
 */
export interface Linkage {
  datasetId?: string;
  /** Client-generated marker stored on the dataset before its id is known (udata `extras`, CKAN `name`). */
  marker?: string;
  /** Local file path -> portal resource id. */
  resources: Record<string, string>;
  /**
   * Set (never persisted) when the person linked `datasetId` by hand in this session: the
   * dataset may not carry our marker yet, so it is accepted and given one. Ids read from the
   * project file are only trusted when the dataset carries the marker saved next to them.
   */
  explicit?: boolean;
}

export interface PublishPlan {
  profile: PortalProfile;
  dataset: DatasetMetadata;
  files: PublishFile[];
  linkage: Linkage;
  /** Updating a linked dataset keeps the visibility it has on the portal instead of `dataset.private`. */
  keepRemoteVisibility?: boolean;
}

export interface ProgressEvent {
  /** Plan file path for uploads; undefined for metadata steps. */
  path?: string;
  step: PublishStep;
  sent: number;
  total: number;
}

export type PublishStep =
  | 'check-key'
  | 'check-files'
  | 'check-metadata'
  | 'find-dataset'
  | 'create-dataset'
  | 'get-dataset'
  | 'upload-resource'
  | 'replace-resource'
  | 'declare-resource'
  | 'update-dataset';

/** One request as a dry run shows it (API key replaced by `***`). */
export interface RequestSummary {
  method: string;
  url: string;
  headers: Record<string, string>;
  json?: unknown;
  multipart?: {
    fields: Record<string, string>;
    file: { field: string; filename: string; size: number; contentType: string };
  };
}

export interface PublishedResource {
  path: string;
  resourceId: string;
  url?: string;
  title?: string;
}

export interface PublishResult {
  datasetId: string;
  datasetUrl?: string;
  resources: PublishedResource[];
  linkage: Linkage;
  /** Visibility of the dataset after the run. */
  private?: boolean;
  /** What the preflight changed or left out (e.g. a licence the portal does not list). */
  warnings?: string[];
  /** The permission check's answer: "your key can publish to organisation X". */
  right?: { organization?: string; orgName?: string; role?: string };
  /** Only in dry-run mode: every request that a real run would send, in order. */
  requests?: RequestSummary[];
}

/** Logger used by the whole core. Wrap any sink with `redactingLogger` before use. */
export interface Logger {
  /** The language its lines are wanted in (the CLI's --lang); English when absent. */
  readonly lang?: 'en' | 'fr';
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
