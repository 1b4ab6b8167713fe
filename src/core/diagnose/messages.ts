// The Diagnostic's words in both languages, for the CLI's text output and the editor's tree.
import type { Lang } from '../model';
import type { PublishedDataset, QualityCriterion } from './types';
import { FREQUENCIES } from '../project/choices';

type Pair = { en: string; fr: string };

export const CRITERION_LABELS: Record<QualityCriterion, Pair> = {
  license: { en: 'licence', fr: 'licence' },
  temporal_coverage: { en: 'temporal coverage', fr: 'couverture temporelle' },
  spatial: { en: 'spatial coverage', fr: 'couverture géographique' },
  update_frequency: { en: 'update frequency', fr: 'fréquence de mise à jour' },
  update_fulfilled_in_time: { en: 'updated on time', fr: 'mise à jour à temps' },
  dataset_description_quality: { en: 'description over 100 characters', fr: 'description de plus de 100 caractères' },
  has_open_format: { en: 'an open format', fr: 'un format ouvert' },
  all_resources_available: { en: 'all files available', fr: 'tous les fichiers disponibles' },
  resources_documentation: { en: 'documented files', fr: 'fichiers documentés' },
};

export type FlagId = 'stale' | 'no-open-format' | 'no-schema' | 'low-quality' | 'private';

export const FLAG_LABELS: Record<FlagId, Pair> = {
  stale: { en: 'stale', fr: 'pas à jour' },
  'no-open-format': { en: 'no open format', fr: 'aucun format ouvert' },
  'no-schema': { en: 'no schema declared', fr: 'aucun schéma déclaré' },
  'low-quality': { en: 'low quality', fr: 'qualité faible' },
  private: { en: 'private', fr: 'privé' },
};

/** The udata frequencies the metadata form does not offer (the finer and rarer ones), as data.gouv.fr words them. */
const MORE_FREQUENCIES_FR: Record<string, string> = {
  oneMinute: 'toutes les minutes',
  fiveMinutes: 'toutes les cinq minutes',
  tenMinutes: 'toutes les dix minutes',
  fifteenMinutes: 'tous les quarts d’heure',
  thirtyMinutes: 'toutes les demi-heures',
  bihourly: 'toutes les deux heures',
  trihourly: 'toutes les trois heures',
  twelveHours: 'toutes les douze heures',
  severalTimesADay: 'plusieurs fois par jour',
  threeTimesADay: 'trois fois par jour',
  semidaily: 'deux fois par jour',
  fiveTimesAWeek: 'cinq fois par semaine',
  threeTimesAWeek: 'trois fois par semaine',
  semiweekly: 'deux fois par semaine',
  threeTimesAMonth: 'trois fois par mois',
  semimonthly: 'deux fois par mois',
  threeTimesAYear: 'trois fois par an',
  quadrennial: 'quadriennale',
  decennial: 'décennale',
  bidecennial: 'bidécennale',
  tridecennial: 'tridécennale',
  never: 'jamais',
  other: 'autre',
};

/** A udata frequency id in words: the id in English (as the portal gives it), its label in French. */
export function frequencyWord(id: string, lang: Lang): string {
  if (lang === 'en') return id;
  const label = FREQUENCIES.find((f) => f.id === id)?.fr;
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : (MORE_FREQUENCIES_FR[id] ?? id);
}

/** The flags of a dataset, most serious first. "no-schema" only when a catalog schema matched its columns. */
export function flagsOf(d: PublishedDataset): FlagId[] {
  const f: FlagId[] = [];
  if (d.stale) f.push('stale');
  if (!d.openFormat) f.push('no-open-format');
  if (d.suggestedSchema && !d.schema) f.push('no-schema');
  if (d.lowQuality) f.push('low-quality');
  if (d.private) f.push('private');
  return f;
}

/** One sentence per flag, with the fix. */
export function flagDetail(d: PublishedDataset, flag: FlagId, lang: Lang): string {
  const fr = lang === 'fr';
  switch (flag) {
    case 'stale':
      return fr
        ? `Dernière mise à jour le ${d.lastUpdate?.slice(0, 10)}, plus ancienne que sa fréquence (${frequencyWord(d.frequency ?? '', 'fr')}) ne le permet.`
        : `Last updated on ${d.lastUpdate?.slice(0, 10)}, older than its frequency (${d.frequency}) allows.`;
    case 'no-open-format':
      return fr
        ? `Formats ${d.formats.join(', ') || 'inconnus'} seulement : demandez le fichier source (CSV) au service.`
        : `Only ${d.formats.join(', ') || 'unknown formats'}: ask the service for the source file (CSV).`;
    case 'no-schema':
      return fr
        ? `Ses colonnes correspondent au schéma ${d.suggestedSchema!.name} (${d.suggestedSchema!.matched}/${d.suggestedSchema!.total}) : déclarez-le.`
        : `Its columns match schema ${d.suggestedSchema!.name} (${d.suggestedSchema!.matched}/${d.suggestedSchema!.total}): declare it.`;
    case 'low-quality':
      return fr
        ? `Score de qualité ${Math.round((d.quality ?? 0) * 9)}/9 ; manque : ${d.missingCriteria.map((c) => CRITERION_LABELS[c].fr).join(', ')}.`
        : `Quality score ${Math.round((d.quality ?? 0) * 9)}/9; missing: ${d.missingCriteria.map((c) => CRITERION_LABELS[c].en).join(', ')}.`;
    case 'private':
      return fr ? 'Jeu de données privé (visible avec la clé d’API).' : 'Private dataset (seen with the API key).';
  }
}
