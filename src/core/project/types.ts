// Shapes of the two project files a person can read and commit: `datapackage.json`
// (Frictionless Data Package + portal metadata per dataset) and `.opendata/project.json`
// (stage checklists, notes, publications). Both are validated by schemas/*.schema.json;
// every object keeps the fields this tool does not know (index signatures).

export interface Licence {
  name?: string;
  title?: string;
  path?: string;
  [k: string]: unknown;
}

/** Portal metadata of one dataset (data.gouv.fr DatasetForm fields, Frictionless names where they exist). */
export interface DatasetMeta {
  name: string;
  title?: string;
  description?: string;
  licenses?: Licence[];
  /** udata frequency id, e.g. `annual`. */
  frequency?: string;
  temporalCoverage?: { start: string; end: string };
  spatial?: { zones?: string[]; granularity?: string };
  /** Tags on the portal. */
  keywords?: string[];
  organization?: string;
  [k: string]: unknown;
}

export interface Resource {
  name: string;
  /** Relative to the folder of datapackage.json, `/` separators. */
  path: string | string[];
  title?: string;
  description?: string;
  format?: string;
  schema?: string | Record<string, unknown>;
  /** Name of the dataset it belongs to; absent = a dataset of its own, named after the resource. */
  dataset?: string;
  [k: string]: unknown;
}

export interface DataPackage {
  resources?: Resource[];
  datasets?: DatasetMeta[];
  [k: string]: unknown;
}

/** What the publish flow records once a dataset is on a portal. */
export interface Publication {
  datasetId: string;
  url: string;
  /** ISO 8601 date-time of the last successful publication. */
  publishedAt: string;
  /** Portal base URL, e.g. https://demo.data.gouv.fr */
  portal: string;
  [k: string]: unknown;
}

export interface StageState {
  checklist?: Record<string, boolean>;
  notes?: string;
  [k: string]: unknown;
}

export interface ProjectState {
  version?: 1;
  targetPortal?: string;
  stages?: Record<string, StageState>;
  datasets?: Record<string, { publication?: Publication; [k: string]: unknown }>;
  [k: string]: unknown;
}

/** A problem in a project file, with the offsets of the faulty JSON value (0-based, in the text). */
export interface FileIssue {
  message: { en: string; fr: string };
  start: number;
  end: number;
}
