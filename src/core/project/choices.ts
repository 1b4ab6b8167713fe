// The choices the metadata form offers: licences accepted for French public data
// (loi pour une République numérique, décret 2017-638) and the udata update frequencies
// (NOTES §4.2, `UpdateFrequency`). Licence `name` is the SPDX-style id stored in
// datapackage.json; `udata` is the id data.gouv.fr expects.

export interface LicenceChoice {
  name: string;
  udata: string;
  title: string;
  path: string;
}

export const LICENCES: readonly LicenceChoice[] = [
  {
    name: 'etalab-2.0',
    udata: 'lov2',
    title: 'Licence Ouverte / Open Licence 2.0',
    path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  { name: 'ODbL-1.0', udata: 'odc-odbl', title: 'Open Database License (ODbL)', path: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  { name: 'CC-BY-4.0', udata: 'cc-by', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  {
    name: 'CC-BY-SA-4.0',
    udata: 'cc-by-sa',
    title: 'Creative Commons Attribution-ShareAlike 4.0',
    path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  {
    name: 'ODC-By-1.0',
    udata: 'odc-by',
    title: 'Open Data Commons Attribution License',
    path: 'https://opendatacommons.org/licenses/by/1-0/',
  },
  {
    name: 'PDDL-1.0',
    udata: 'odc-pddl',
    title: 'Open Data Commons Public Domain Dedication and License',
    path: 'https://opendatacommons.org/licenses/pddl/1-0/',
  },
  { name: 'CC0-1.0', udata: 'cc-zero', title: 'Creative Commons CC0', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
];

/**
 * udata frequency ids with French labels as data.gouv.fr shows them; `days` is udata's
 * UpdateFrequency delta (udata/core/dataset/constants.py).
 */
export const FREQUENCIES: readonly { id: string; en: string; fr: string; days?: number }[] = [
  { id: 'continuous', en: 'Real time', fr: 'Temps réel' },
  { id: 'hourly', en: 'Hourly', fr: 'Toutes les heures', days: 1 / 24 },
  { id: 'daily', en: 'Daily', fr: 'Quotidienne', days: 1 },
  { id: 'weekly', en: 'Weekly', fr: 'Hebdomadaire', days: 7 },
  { id: 'biweekly', en: 'Every two weeks', fr: 'Bimensuelle', days: 14 },
  { id: 'monthly', en: 'Monthly', fr: 'Mensuelle', days: 31 },
  { id: 'bimonthly', en: 'Every two months', fr: 'Bimestrielle', days: 62 },
  { id: 'quarterly', en: 'Quarterly', fr: 'Trimestrielle', days: 93 },
  { id: 'semiannual', en: 'Twice a year', fr: 'Semestrielle', days: 365 },
  { id: 'annual', en: 'Annual', fr: 'Annuelle', days: 365 },
  { id: 'biennial', en: 'Every two years', fr: 'Biennale', days: 730 },
  { id: 'triennial', en: 'Every three years', fr: 'Triennale', days: 1095 },
  { id: 'quinquennial', en: 'Every five years', fr: 'Quinquennale', days: 1825 },
  { id: 'punctual', en: 'Punctual', fr: 'Ponctuelle' },
  { id: 'irregular', en: 'Irregular', fr: 'Irrégulière' },
  { id: 'notPlanned', en: 'Not planned', fr: 'Pas de mise à jour prévue' },
  { id: 'unknown', en: 'Unknown', fr: 'Inconnue' },
];

export function licenceByName(name: string | undefined): LicenceChoice | undefined {
  return name ? LICENCES.find((l) => l.name.toLowerCase() === name.toLowerCase() || l.udata === name) : undefined;
}
