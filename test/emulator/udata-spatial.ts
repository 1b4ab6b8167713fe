// The spatial references of the udata emulator: a few real zones (INSEE codes) and the
// granularities, served like udata/core/spatial/api.py (zone/<id>/, zones/suggest/,
// granularities/) and checked like udata/core/spatial/forms.py (ZonesField: "Unknown
// geoid(s): …"; granularity is a SelectField over spatial_granularities: "Not a valid choice").

export interface EmuZone {
  id: string;
  name: string;
  code: string;
  level: string;
}

export const ZONES: EmuZone[] = [
  { id: 'country:fr', name: 'France', code: 'fr', level: 'country' },
  { id: 'fr:region:84', name: 'Auvergne-Rhône-Alpes', code: '84', level: 'fr:region' },
  { id: 'fr:region:11', name: 'Île-de-France', code: '11', level: 'fr:region' },
  { id: 'fr:departement:38', name: 'Isère', code: '38', level: 'fr:departement' },
  { id: 'fr:departement:35', name: 'Ille-et-Vilaine', code: '35', level: 'fr:departement' },
  { id: 'fr:commune:38185', name: 'Grenoble', code: '38185', level: 'fr:commune' },
  { id: 'fr:commune:35238', name: 'Rennes', code: '35238', level: 'fr:commune' },
  { id: 'fr:commune:75056', name: 'Paris', code: '75056', level: 'fr:commune' },
];

/** GeoLevel ids plus udata's BASE_GRANULARITIES. */
export const GRANULARITIES = [
  { id: 'country', name: 'Country' },
  { id: 'fr:region', name: 'French region' },
  { id: 'fr:departement', name: 'French county' },
  { id: 'fr:epci', name: 'French intermunicipal (EPCI)' },
  { id: 'fr:commune', name: 'French town' },
  { id: 'fr:iris', name: 'Iris (Insee districts)' },
  { id: 'poi', name: 'POI' },
  { id: 'other', name: 'Other' },
];

/** Legacy ids with a validity date (`fr:commune:38185@1942-01-01`) resolve to the current zone. */
export function resolveZone(id: string): EmuZone | undefined {
  const bare = /^([a-z]+:[a-z]+:\d+)@(\d{4}-\d{2}-\d{2})$/.exec(id)?.[1] ?? id;
  return ZONES.find((z) => z.id === bare);
}

export function suggestZones(q: string, size = 10): EmuZone[] {
  const s = q.toLowerCase();
  return ZONES.filter((z) => z.name.toLowerCase().includes(s) || z.code.toLowerCase().includes(s) || z.id.includes(s)).slice(0, size);
}

/** Field errors of a `spatial` value, or undefined when udata would accept it. */
export function checkSpatial(spatial: any): string[] | undefined {
  if (spatial === null || spatial === undefined) return undefined;
  if (typeof spatial !== 'object') return ['Not a valid spatial coverage.'];
  const errors: string[] = [];
  const zones: unknown[] = Array.isArray(spatial.zones) ? spatial.zones : [];
  const unknown = zones.filter((z) => typeof z !== 'string' || !resolveZone(z));
  if (unknown.length) errors.push(`Unknown geoid(s): ${unknown.map(String).join(', ')}`);
  if (spatial.granularity !== undefined && spatial.granularity !== null && !GRANULARITIES.some((g) => g.id === spatial.granularity))
    errors.push('Not a valid choice');
  return errors.length ? errors : undefined;
}
