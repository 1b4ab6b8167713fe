// The fr-format check names a string field may also use as its `format` (kept apart from the
// registry so the type casters need not load the checks).
export const FR_FORMAT_NAMES: readonly string[] = [
  'canton',
  'code-commune-insee',
  'code-departement',
  'numero-departement',
  'code-fantoir',
  'code-pays-iso2',
  'code-pays-iso3',
  'code-postal',
  'code-region',
  'commune',
  'coordonnees-gps-francaises',
  'departement',
  'id-rnb',
  'pays',
  'region',
  'nomenclature-acte',
  'siren',
  'siret',
];
