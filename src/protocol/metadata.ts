// The one message protocol between the metadata form (webview-ui/metadata) and the host.
// The host sends every label already translated, so the webview holds no strings.
import type { DatasetMeta } from '../core/project/types';

export interface Choice {
  value: string;
  label: string;
}

export interface ScoreView {
  points: number;
  criteria: { label: string; met: boolean; todo?: string }[];
}

export interface FileView {
  path: string;
  description: string;
}

export type MetadataLabelKey =
  | 'heading'
  | 'title'
  | 'description'
  | 'descriptionHelp'
  | 'licence'
  | 'frequency'
  | 'none'
  | 'temporal'
  | 'start'
  | 'end'
  | 'spatial'
  | 'zones'
  | 'zonesHelp'
  | 'granularity'
  | 'tags'
  | 'tagsHelp'
  | 'organization'
  | 'files'
  | 'fileDescription'
  | 'score'
  | 'save'
  | 'saved'
  | 'unsaved';

export interface MetadataForm {
  dataset: DatasetMeta;
  files: FileView[];
  labels: Record<MetadataLabelKey, string>;
  licences: Choice[];
  frequencies: Choice[];
  granularities: Choice[];
  score: ScoreView;
}

/** What the form edits; the host merges it into datapackage.json, keeping other fields. */
export interface MetadataEdit {
  meta: DatasetMeta;
  files: FileView[];
}

export type HostMessage =
  { type: 'load'; form: MetadataForm } | { type: 'score'; score: ScoreView } | { type: 'saved' } | { type: 'error'; message: string };

export type WebviewMessage =
  | { type: 'ready' }
  /** Every keystroke: the host answers with the score of the edited values. */
  | { type: 'change'; edit: MetadataEdit }
  | { type: 'save'; edit: MetadataEdit };

/** Saved by the webview (getState) and by the panel serializer to reopen the same dataset. */
export interface MetadataViewState {
  dataset: string;
  draft?: MetadataEdit;
}
