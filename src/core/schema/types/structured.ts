// boolean, geopoint, geojson, object, array and the v2 `list`: types whose cells hold a
// token, a pair or a JSON document.
import type { SchemaWords } from './words';
import type { FieldDescriptor } from '../descriptor';
import { INVALID, type Cast } from './invalid';
import { scanDecimal } from './number';

const DEFAULT_TRUE = ['true', 'True', 'TRUE', '1'];
const DEFAULT_FALSE = ['false', 'False', 'FALSE', '0'];

export function booleanCast(field: FieldDescriptor): Cast {
  const t = new Set(field.trueValues ?? DEFAULT_TRUE);
  const f = new Set(field.falseValues ?? DEFAULT_FALSE);
  return (s) => (t.has(s) ? true : f.has(s) ? false : INVALID);
}

const inRange = (lon: number, lat: number) => lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;

function json(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return INVALID;
  }
}

/** geopoint → `[lon, lat]`. */
export function geopointCast(field: FieldDescriptor): { cast: Cast; error?: SchemaWords } {
  const format = field.format ?? 'default';
  const pair = (lon: unknown, lat: unknown): unknown => {
    const a = typeof lon === 'number' ? lon : typeof lon === 'string' ? scanDecimal(lon, true) : NaN;
    const b = typeof lat === 'number' ? lat : typeof lat === 'string' ? scanDecimal(lat, true) : NaN;
    return Number.isFinite(a) && Number.isFinite(b) && inRange(a, b) ? [a, b] : INVALID;
  };
  if (format === 'default' || format === '')
    return {
      cast: (s) => {
        const i = s.indexOf(',');
        return i < 0 || s.indexOf(',', i + 1) >= 0 ? INVALID : pair(s.slice(0, i), s.slice(i + 1));
      },
    };
  if (format === 'array')
    return {
      cast: (s) => {
        const v = json(s);
        return Array.isArray(v) && v.length === 2 ? pair(v[0], v[1]) : INVALID;
      },
    };
  if (format === 'object')
    return {
      cast: (s) => {
        const v = json(s) as { lon?: unknown; lat?: unknown } | typeof INVALID;
        return v !== INVALID && v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2
          ? pair(v.lon, v.lat)
          : INVALID;
      },
    };
  return {
    cast: () => INVALID,
    error: { en: `unknown geopoint format “${format}”`, fr: `format de point géographique inconnu « ${format} »` },
  };
}

const GEOMETRIES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

function isGeojson(v: any): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if (GEOMETRIES.has(v.type)) return Array.isArray(v.coordinates);
  if (v.type === 'GeometryCollection') return Array.isArray(v.geometries) && v.geometries.every(isGeojson);
  if (v.type === 'Feature') return 'geometry' in v && (v.geometry === null || isGeojson(v.geometry));
  if (v.type === 'FeatureCollection') return Array.isArray(v.features) && v.features.every(isGeojson);
  return false;
}

/** geojson checks the document's shape, not every coordinate (frictionless uses a JSON Schema). */
export function geojsonCast(field: FieldDescriptor): Cast {
  if (field.format === 'topojson')
    return (s) => {
      const v = json(s) as any;
      return v && v.type === 'Topology' && typeof v.objects === 'object' ? v : INVALID;
    };
  return (s) => {
    const v = json(s);
    return isGeojson(v) ? v : INVALID;
  };
}

export const objectCast: Cast = (s) => {
  const v = json(s);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : INVALID;
};

export const arrayCast: Cast = (s) => {
  const v = json(s);
  return Array.isArray(v) ? v : INVALID;
};

/** v2 `list`: `delimiter`-separated items, each cast with `itemType`. */
export function listCast(field: FieldDescriptor, item: Cast): Cast {
  const delimiter = field.delimiter ?? ',';
  return (s) => {
    const out: unknown[] = [];
    for (const part of s.split(delimiter)) {
      const v = item(part);
      if (v === INVALID) return INVALID;
      out.push(v);
    }
    return out;
  };
}
