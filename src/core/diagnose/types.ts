// Shapes of the Diagnostic: what an organisation has already published on a portal, with the
// flags the Diagnostic stage shows. Pure data, shared by the CLI, the worker and the editor.
import type { Bilingual, PortalKind } from '../portal/types';

/** One resource as both portals describe it, reduced to what the flags need. */
export interface PortalResource {
  title?: string;
  url?: string;
  /** Lower-case, '' when the portal has none. */
  format: string;
  /** Declared schema name (e.g. scdl/subventions), if any. */
  schema?: string;
  /** Bytes, when the portal knows. */
  size?: number;
  type?: string;
}

/** One udata quality criterion that is not met (udata `quality` keys). */
export type QualityCriterion =
  | 'license'
  | 'temporal_coverage'
  | 'spatial'
  | 'update_frequency'
  | 'update_fulfilled_in_time'
  | 'dataset_description_quality'
  | 'has_open_format'
  | 'all_resources_available'
  | 'resources_documentation';

export interface PublishedDataset {
  id: string;
  title: string;
  /** Human page on the portal. */
  url: string;
  /** ISO 8601, UTC; null when the portal gives no date. */
  lastUpdate: string | null;
  /** udata frequency id (CKAN DCAT frequencies are mapped), null when not declared. */
  frequency: string | null;
  /** Last update older than the frequency allows (udata's rule: more than one day late). */
  stale: boolean;
  formats: string[];
  /** At least one resource in a format that is not PDF/DOC/XLS (udata CLOSED_FORMATS). */
  openFormat: boolean;
  /** First declared schema, null when no resource declares one. */
  schema: string | null;
  /** udata's quality score 0..1; null on CKAN, which has none. */
  quality: number | null;
  /** Missing udata quality criteria (empty on CKAN). */
  missingCriteria: QualityCriterion[];
  lowQuality: boolean;
  private: boolean;
  resources: PortalResource[];
  /**
   * Set only after the user agreed to download a small CSV: the catalog schema its columns
   * match although no schema is declared.
   */
  suggestedSchema?: { name: string; matched: number; total: number };
}

export interface SocleCoverage {
  published: string[];
  missing: string[];
}

export interface OrgInventory {
  portal: { kind: PortalKind; url: string };
  organization: { id: string; name: string };
  datasets: PublishedDataset[];
  socle: SocleCoverage;
  /** When the portal answered (ISO 8601). */
  fetchedAt: string;
  /** Whether private datasets were asked for (an API key was given). */
  withPrivate: boolean;
}

/** What a diagnostic run gives: fresh from the portal, or the last known one after an error. */
export interface DiagnoseOutcome {
  inventory?: OrgInventory;
  source: 'portal' | 'cache' | 'none';
  error?: Bilingual;
}

export interface DiagnoseRequest {
  kind: PortalKind;
  /** Site root (a trailing /api/1 or /api/3 is tolerated). */
  baseUrl: string;
  organization: string;
  /** Only used to see private datasets; never logged. */
  apiKey?: string;
  timeoutMs?: number;
  retries?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Injected clock for staleness (tests). */
  now?: Date;
}
