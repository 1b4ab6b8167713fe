// The data.gouv.fr metadata quality score of a dataset as described in datapackage.json
// (NOTES §4.2, udata `compute_quality_score`, QUALITY_MAX_SCORE = 9), with what each
// missing point needs, so the form can show the score before anything is published.
import { FREQUENCIES } from './choices';
import { resourcePaths, type DatasetView } from './datapackage';

export type CriterionId =
  | 'license'
  | 'temporal-coverage'
  | 'spatial'
  | 'frequency'
  | 'update-in-time'
  | 'description'
  | 'open-format'
  | 'resources-available'
  | 'resources-documentation';

export interface Criterion {
  id: CriterionId;
  met: boolean;
  /** What the criterion checks, then (when not met) what to do. */
  label: { en: string; fr: string };
  todo?: { en: string; fr: string };
}

export interface QualityScore {
  points: number;
  max: 9;
  criteria: Criterion[];
}

export interface QualityContext {
  /** Whether a file of the dataset exists (relative path → exists). Unknown files count as available. */
  exists?: (path: string) => boolean;
  /** Last publication, for the "updated in time" point. */
  publishedAt?: string;
  now?: Date;
}

/** udata QUALITY_DESCRIPTION_LENGTH. */
const DESCRIPTION_MIN = 100;
/** udata CLOSED_FORMATS. */
const CLOSED_FORMATS = new Set(['pdf', 'doc', 'docx', 'word', 'xls', 'excel', 'xlsx']);
const DAY = 86_400_000;

const hasFrequency = (f: string | undefined) => !!f && f !== 'unknown';
const formatOf = (path: string, declared?: string) => (declared || path.split('.').pop() || '').toLowerCase();

export function qualityScore(ds: DatasetView, ctx: QualityContext = {}): QualityScore {
  const m = ds.meta;
  const files = ds.resources.flatMap((r) =>
    resourcePaths(r).map((p) => ({ path: p, format: formatOf(p, r.format), described: !!r.description || r.type === 'documentation' })),
  );
  const c = (id: CriterionId, met: boolean, en: string, fr: string, todoEn: string, todoFr: string): Criterion => ({
    id,
    met,
    label: { en, fr },
    ...(met ? {} : { todo: { en: todoEn, fr: todoFr } }),
  });
  // udata counts len(description) > QUALITY_DESCRIPTION_LENGTH, untrimmed.
  const description = m.description ?? '';
  const criteria: Criterion[] = [
    c(
      'license',
      !!m.licenses?.some((l) => l.name || l.path),
      'Licence',
      'Licence',
      'Choose a licence, e.g. Licence Ouverte 2.0.',
      'Choisissez une licence, par ex. la Licence Ouverte 2.0.',
    ),
    c(
      'temporal-coverage',
      !!(m.temporalCoverage?.start && m.temporalCoverage.end),
      'Temporal coverage',
      'Couverture temporelle',
      'Give the first and last dates the data covers.',
      'Indiquez les dates de début et de fin couvertes par les données.',
    ),
    c(
      'spatial',
      !!(m.spatial?.zones?.length || m.spatial?.granularity),
      'Spatial coverage',
      'Couverture géographique',
      'Give the area (zone) or the granularity, e.g. commune.',
      'Indiquez la zone ou la granularité, par ex. commune.',
    ),
    // udata Dataset.has_frequency: `unknown` is no frequency at all.
    c(
      'frequency',
      hasFrequency(m.frequency),
      'Update frequency',
      'Fréquence de mise à jour',
      'Choose how often the data is updated.',
      'Choisissez la fréquence de mise à jour des données.',
    ),
    updateInTime(m.frequency, ctx, c),
    c(
      'description',
      description.length > DESCRIPTION_MIN,
      'Description over 100 characters',
      'Description de plus de 100 caractères',
      `Write ${DESCRIPTION_MIN + 1 - description.length} more characters of description.`,
      `Écrivez encore ${DESCRIPTION_MIN + 1 - description.length} caractères de description.`,
    ),
  ];
  // udata gives the three file points only when the dataset has files.
  if (files.length) {
    criteria.push(
      c(
        'open-format',
        files.some((f) => f.format && !CLOSED_FORMATS.has(f.format)),
        'An open format (CSV…)',
        'Un format ouvert (CSV…)',
        'Add a CSV export next to the spreadsheet.',
        'Ajoutez un export CSV à côté du tableur.',
      ),
      c(
        'resources-available',
        files.every((f) => ctx.exists?.(f.path) ?? true),
        'All files available',
        'Tous les fichiers disponibles',
        'A file listed in datapackage.json is missing.',
        'Un fichier listé dans datapackage.json est introuvable.',
      ),
      c(
        'resources-documentation',
        files.some((f) => f.described),
        'Files documented',
        'Fichiers documentés',
        'Describe at least one file (its description field).',
        'Décrivez au moins un fichier (champ description).',
      ),
    );
  } else {
    const none = { en: 'Add a file to the dataset.', fr: 'Ajoutez un fichier au jeu de données.' };
    criteria.push(
      { id: 'open-format', met: false, label: { en: 'An open format (CSV…)', fr: 'Un format ouvert (CSV…)' }, todo: none },
      { id: 'resources-available', met: false, label: { en: 'All files available', fr: 'Tous les fichiers disponibles' }, todo: none },
      { id: 'resources-documentation', met: false, label: { en: 'Files documented', fr: 'Fichiers documentés' }, todo: none },
    );
  }
  return { points: criteria.filter((x) => x.met).length, max: 9, criteria };
}

/**
 * udata: the next expected update (last update + frequency period) is at most one day
 * overdue; frequencies without a period always pass. Before the first publication the
 * last update is "now", so only a missing frequency fails.
 */
function updateInTime(
  frequency: string | undefined,
  ctx: QualityContext,
  c: (...a: [CriterionId, boolean, string, string, string, string]) => Criterion,
): Criterion {
  const en = 'Updated on time';
  const fr = 'Mise à jour dans les temps';
  // No frequency (or `unknown`): udata sets no update_fulfilled_in_time, so no point.
  if (!hasFrequency(frequency))
    return c('update-in-time', false, en, fr, 'Set the update frequency first.', 'Renseignez d’abord la fréquence de mise à jour.');
  const days = FREQUENCIES.find((f) => f.id === frequency)?.days;
  const last = ctx.publishedAt ? Date.parse(ctx.publishedAt) : NaN;
  const now = (ctx.now ?? new Date()).getTime();
  const met = days === undefined || Number.isNaN(last) || last + days * DAY + DAY >= now;
  return c(
    'update-in-time',
    met,
    en,
    fr,
    'The data is overdue for its update: publish a new version.',
    'La mise à jour est en retard : publiez une nouvelle version.',
  );
}
