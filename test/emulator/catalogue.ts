// Reference lists the emulators accept: the schema allow-list (schema.data.gouv.fr catalogue
// excerpt, versions from /work/shared/standards), licences and frequencies (NOTES §4.2).

export const SCHEMA_CATALOGUE: Record<string, string[]> = {
  'scdl/subventions': ['2.0.0', '2.1.0', '2.1.1'],
  'scdl/budget': ['0.8.1', '0.8.2', '0.8.3'],
  'scdl/catalogue': ['0.1.3'],
  'scdl/deliberations': ['2.1.5'],
  'scdl/equipements': ['0.1.5'],
  'etalab/schema-irve-statique': ['2.3.0'],
  'etalab/schema-stationnement': ['0.1.5'],
  'etalab/schema-catalogue-donnees': ['0.3.0'],
};

export const LICENSES = ['lov2', 'fr-lo', 'odc-odbl', 'odc-by', 'odc-pddl', 'cc-by', 'cc-by-sa', 'cc-zero', 'notspecified'];

export const FREQUENCIES = [
  'continuous',
  'oneMinute',
  'fiveMinutes',
  'tenMinutes',
  'fifteenMinutes',
  'thirtyMinutes',
  'hourly',
  'bihourly',
  'trihourly',
  'twelveHours',
  'severalTimesADay',
  'threeTimesADay',
  'semidaily',
  'daily',
  'fiveTimesAWeek',
  'threeTimesAWeek',
  'semiweekly',
  'weekly',
  'biweekly',
  'threeTimesAMonth',
  'semimonthly',
  'monthly',
  'bimonthly',
  'quarterly',
  'threeTimesAYear',
  'semiannual',
  'annual',
  'biennial',
  'triennial',
  'quadrennial',
  'quinquennial',
  'decennial',
  'bidecennial',
  'tridecennial',
  'punctual',
  'irregular',
  'never',
  'notPlanned',
  'other',
  'unknown',
  // legacy aliases accepted by udata
  'realtime',
  'fourTimesADay',
  'fortnighly',
  'biannual',
];

/**
 * udata/settings.py ALLOWED_RESOURCES_EXTENSIONS (archives + base + office + images + geo +
 * misc), served sorted by GET /api/1/datasets/extensions/. `tsv` is NOT in it.
 */
export const ALLOWED_EXTENSIONS = [
  'tar',
  'gz',
  'tgz',
  'rar',
  'zip',
  '7z',
  'xz',
  'bz2',
  'csv',
  'txt',
  'json',
  'pdf',
  'xml',
  'rtf',
  'xsd',
  'ods',
  'odt',
  'odp',
  'odg',
  'xls',
  'xlsx',
  'doc',
  'docx',
  'pps',
  'ppt',
  'jpeg',
  'jpg',
  'jpe',
  'gif',
  'png',
  'dwg',
  'svg',
  'tiff',
  'ecw',
  'svgz',
  'jp2',
  'webp',
  'shp',
  'kml',
  'kmz',
  'gpx',
  'shx',
  'ovr',
  'geojson',
  'gpkg',
  'grib2',
  'rdf',
  'ttl',
  'n3',
  'dbf',
  'prj',
  'sql',
  'sqlite',
  'db',
  'epub',
  'sbn',
  'sbx',
  'cpg',
  'lyr',
  'owl',
  'dxf',
  'ics',
  'ssim',
  'other',
].sort();

/**
 * Mirrors udata `Schema.clean(check_schema_in_catalog=True)`: returns an error message or the
 * normalised schema. `null` removes the schema.
 */
export function checkSchema(s: any): { error: string } | { schema: { name?: string; version?: string; url?: string } | null } {
  if (s === null) return { schema: null };
  if (typeof s !== 'object') return { error: 'Schema must be an object.' };
  const { name, version, url } = s as { name?: string; version?: string; url?: string };
  if (url) {
    const m = /schema\.data\.gouv\.fr\/schemas\/(.+?)\/([^/]+)\/schema\.json$/.exec(url);
    if (m && SCHEMA_CATALOGUE[m[1]]) return { schema: { name: m[1], version: m[2] === 'latest' ? undefined : m[2] } };
    if (!name) return { schema: { url } };
  }
  if (!name)
    return {
      error: version ? 'A schema must contain a name or an URL when a version is provided.' : 'A schema must contain a name or an URL.',
    };
  const versions = SCHEMA_CATALOGUE[name];
  if (!versions)
    return { error: `Schema name "${name}" is not an allowed value. Allowed values: ${Object.keys(SCHEMA_CATALOGUE).join(', ')}` };
  if (version && version !== 'latest' && !versions.includes(version)) {
    return { error: `Version "${version}" is not an allowed value for the schema "${name}". Allowed versions: ${versions.join(', ')}` };
  }
  return { schema: version ? { name, version } : { name } };
}
