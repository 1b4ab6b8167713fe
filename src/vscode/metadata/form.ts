// Builds the metadata form for a dataset and applies what the form sends back. The labels
// are translated here (vscode.l10n) so the webview only displays text.
import * as vscode from 'vscode';
import { datasetsOf, resourcePaths, setDatasetMeta, setResourceDescriptions, type DatasetView } from '../../core/project/datapackage';
import { FREQUENCIES, LICENCES } from '../../core/project/choices';
import { qualityScore } from '../../core/project/quality';
import type { DataPackage } from '../../core/project/types';
import { uiLang } from '../settings';
import type { MetadataEdit, MetadataForm, MetadataLabelKey, ScoreView } from '../../protocol/metadata';

function labels(): Record<MetadataLabelKey, string> {
  return {
    heading: vscode.l10n.t('Dataset metadata'),
    title: vscode.l10n.t('Title'),
    description: vscode.l10n.t('Description'),
    descriptionHelp: vscode.l10n.t(
      'What the data is, who produces it, how often, its limits. Markdown; more than 100 characters earns a quality point.',
    ),
    licence: vscode.l10n.t('Licence'),
    frequency: vscode.l10n.t('Update frequency'),
    none: vscode.l10n.t('(none)'),
    temporal: vscode.l10n.t('Temporal coverage'),
    start: vscode.l10n.t('From'),
    end: vscode.l10n.t('To'),
    spatial: vscode.l10n.t('Spatial coverage'),
    zones: vscode.l10n.t('Zones'),
    zonesHelp: vscode.l10n.t('data.gouv.fr zone ids, comma-separated, e.g. fr:commune:49194'),
    granularity: vscode.l10n.t('Granularity'),
    tags: vscode.l10n.t('Tags'),
    tagsHelp: vscode.l10n.t('Comma-separated, 3 to 96 characters each'),
    organization: vscode.l10n.t('Organisation (portal id)'),
    files: vscode.l10n.t('Files'),
    fileDescription: vscode.l10n.t('Description of {0}'),
    score: vscode.l10n.t('data.gouv.fr quality score'),
    save: vscode.l10n.t('Save'),
    saved: vscode.l10n.t('Saved in datapackage.json'),
    unsaved: vscode.l10n.t('Unsaved changes'),
  };
}

function granularities(): { value: string; label: string }[] {
  return [
    { value: 'country', label: vscode.l10n.t('Country') },
    { value: 'fr:region', label: vscode.l10n.t('Region') },
    { value: 'fr:departement', label: vscode.l10n.t('Département') },
    { value: 'fr:epci', label: vscode.l10n.t('Intercommunality (EPCI)') },
    { value: 'fr:commune', label: vscode.l10n.t('Commune') },
    { value: 'fr:iris', label: vscode.l10n.t('IRIS (neighbourhood)') },
    { value: 'poi', label: vscode.l10n.t('Point of interest') },
    { value: 'other', label: vscode.l10n.t('Other') },
  ];
}

export function findDataset(dp: DataPackage | null, name: string): DatasetView | undefined {
  return datasetsOf(dp).find((v) => v.meta.name === name);
}

/** The dataset as the edit would leave it, for the live score. */
function edited(view: DatasetView, edit: MetadataEdit): DatasetView {
  return {
    meta: { ...view.meta, ...edit.meta },
    resources: view.resources.map((r) => {
      const d = edit.files.find((f) => resourcePaths(r).includes(f.path));
      return d ? { ...r, description: d.description } : r;
    }),
  };
}

export function scoreView(view: DatasetView, exists: (path: string) => boolean, publishedAt?: string): ScoreView {
  const lang = uiLang();
  const s = qualityScore(view, { exists, publishedAt });
  return { points: s.points, criteria: s.criteria.map((c) => ({ label: c.label[lang], met: c.met, todo: c.todo?.[lang] })) };
}

export function editedScore(view: DatasetView, edit: MetadataEdit, exists: (path: string) => boolean, publishedAt?: string): ScoreView {
  return scoreView(edited(view, edit), exists, publishedAt);
}

export function buildForm(view: DatasetView, score: ScoreView): MetadataForm {
  const lang = uiLang();
  return {
    dataset: view.meta,
    files: view.resources.flatMap((r) => resourcePaths(r).map((path) => ({ path, description: r.description ?? '' }))),
    labels: labels(),
    licences: LICENCES.map((l) => ({ value: l.name, label: l.title })),
    frequencies: FREQUENCIES.map((f) => ({ value: f.id, label: f[lang] })),
    granularities: granularities(),
    score,
  };
}

export function applyEdit(dp: DataPackage, edit: MetadataEdit): DataPackage {
  const licence = LICENCES.find((l) => l.name === edit.meta.licenses?.[0]?.name);
  // The chosen licence gets its title and URL; a licence typed by hand is kept as is.
  const meta = licence ? { ...edit.meta, licenses: [{ name: licence.name, title: licence.title, path: licence.path }] } : edit.meta;
  return setResourceDescriptions(setDatasetMeta(dp, meta), edit.files);
}
