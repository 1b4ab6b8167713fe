// Pre-flight checks of a plan against the data.gouv.fr metadata quality score (NOTES §4.2,
// QUALITY_MAX_SCORE = 9) and the DatasetForm limits, so the UI can warn before publishing.
// Points that only the portal can judge (availability, update in time) are not counted.
import { resourceTypeOf } from './resource-type';
import type { Bilingual, PublishPlan } from './types';

export interface QualityHint {
  code: string;
  severity: 'error' | 'warning';
  message: Bilingual;
}

export interface QualityReport {
  /** Points this tool can vouch for, out of `max`. */
  points: number;
  max: 9;
  hints: QualityHint[];
}

/** NOTES §4.2: CLOSED_FORMATS. */
const CLOSED_FORMATS = new Set(['pdf', 'doc', 'docx', 'word', 'xls', 'excel', 'xlsx']);
const DESCRIPTION_MIN = 100;
const TAG_MIN = 3;
const TAG_MAX = 96;

export function checkPlanQuality(plan: PublishPlan): QualityReport {
  const m = plan.dataset;
  const hints: QualityHint[] = [];
  let points = 0;
  const hint = (code: string, severity: QualityHint['severity'], en: string, fr: string) =>
    hints.push({ code, severity, message: { en, fr } });

  if (!m.title.trim()) hint('title-missing', 'error', 'The title is required.', 'Le titre est obligatoire.');
  if (m.title.length > 350) hint('title-too-long', 'error', 'The title is longer than 350 characters.', 'Le titre dépasse 350 caractères.');
  if (!m.description.trim()) hint('description-missing', 'error', 'The description is required.', 'La description est obligatoire.');
  // udata: len(description) > QUALITY_DESCRIPTION_LENGTH (100), so exactly 100 is not enough.
  if (m.description.length > DESCRIPTION_MIN) points++;
  else
    hint(
      'description-short',
      'warning',
      `Write a description longer than ${DESCRIPTION_MIN} characters.`,
      `Rédigez une description de plus de ${DESCRIPTION_MIN} caractères.`,
    );
  if (m.license) points++;
  else
    hint(
      'license-missing',
      'warning',
      'Choose a licence (e.g. Licence Ouverte 2.0).',
      'Choisissez une licence (par ex. Licence Ouverte 2.0).',
    );
  if (m.temporalCoverage) points++;
  else hint('temporal-missing', 'warning', 'Set the temporal coverage.', 'Renseignez la couverture temporelle.');
  if (m.spatial && (m.spatial.zones?.length || m.spatial.granularity)) points++;
  else hint('spatial-missing', 'warning', 'Set the spatial coverage.', 'Renseignez la couverture géographique.');
  // udata Dataset.has_frequency: `unknown` earns no point.
  if (m.frequency && m.frequency !== 'unknown') points++;
  else hint('frequency-missing', 'warning', 'Set the update frequency.', 'Renseignez la fréquence de mise à jour.');
  for (const t of m.tags ?? []) {
    if (t.trim().length < TAG_MIN || t.trim().length > TAG_MAX) {
      hint(
        'tag-length',
        'error',
        `Tag "${t}" must have ${TAG_MIN} to ${TAG_MAX} characters.`,
        `Le mot-clé « ${t} » doit avoir entre ${TAG_MIN} et ${TAG_MAX} caractères.`,
      );
    }
  }
  if (plan.files.length) {
    if (plan.files.some((f) => !CLOSED_FORMATS.has(f.format.toLowerCase()))) points++;
    else
      hint(
        'no-open-format',
        'warning',
        'Publish at least one open format (CSV) next to spreadsheets.',
        'Publiez au moins un format ouvert (CSV) à côté des tableurs.',
      );
    // udata resources_documentation: a resource of type `documentation`, or any described one.
    if (plan.files.some((f) => f.description || resourceTypeOf(f) === 'documentation')) points++;
    else hint('no-resource-description', 'warning', 'Describe at least one file.', 'Décrivez au moins un fichier.');
    const noSchema = plan.files.filter((f) => f.format.toLowerCase() === 'csv' && !f.schema);
    if (noSchema.length) {
      hint(
        'schema-missing',
        'warning',
        `Declare a schema on ${noSchema.map((f) => f.title).join(', ')}.`,
        `Déclarez un schéma pour ${noSchema.map((f) => f.title).join(', ')}.`,
      );
    }
  } else {
    hint('no-files', 'warning', 'The dataset has no file.', 'Le jeu de données n’a aucun fichier.');
  }
  return { points, max: 9, hints };
}
