// french-gps-coordinates: a geopoint inside metropolitan France or an overseas department
// (Validata's bounding boxes, so points just across a border pass too). When the swapped
// pair falls in France, the coordinates were entered latitude first.
import { show } from '../rules/lib/util';
import { columnParam, type CustomCheck } from './check';

/** [lon min, lat min, lon max, lat max], from Validata's FRANCE_BOUNDING_BOXES. */
const BOXES: [number, number, number, number][] = [
  [-61.809839, 15.832041, -61.001959, 16.514488], // Guadeloupe
  [-61.229033, 14.388646, -60.809655, 14.878723], // Martinique
  [-54.60239, 2.111055, -51.619041, 5.748138], // Guyane
  [55.216526, -21.389631, 55.836654, -20.8718], // La Réunion
  [45.01833, -13.005254, 45.299985, -12.63659], // Mayotte
  [-5.141277, 41.333571, 9.560091, 51.088989], // Métropole
];

const inFrance = (lon: number, lat: number): boolean => BOXES.some(([x0, y0, x1, y1]) => lon > x0 && lon < x1 && lat > y0 && lat < y1);

/** The pair from a cast geopoint, or read from "lon,lat" / "[lon, lat]" text in a string column. */
function lonLat(v: unknown): [number, number] | null {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  if (typeof v !== 'string') return null;
  const parts = v.replace(/^\s*\[|\]\s*$/g, '').split(',');
  if (parts.length !== 2) return null;
  const a = Number(parts[0]);
  const b = Number(parts[1]);
  return parts[0].trim() && parts[1].trim() && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

/** The check under Validata's name (`french-gps-coordinates`) or fr-format's (`coordonnees-gps-francaises`). */
export const gpsCheck = (name: string): CustomCheck => ({
  name,
  create(params, env) {
    const f = columnParam(params, 'column', name, env);
    if (f < 0) return null;
    const fr = env.lang === 'fr';
    return {
      row(row, values) {
        const p = lonLat(values[f]);
        if (!p || inFrance(p[0], p[1])) return;
        const raw = show(env.raw(row, f), 40, env.lang);
        if (inFrance(p[1], p[0]))
          env.cell(
            row,
            f,
            `reversed-${name}`,
            fr
              ? `La valeur ${raw} correspond à des coordonnées GPS françaises inversées : la longitude doit venir en premier.`
              : `${raw} are French GPS coordinates in the wrong order: longitude comes first.`,
          );
        else
          env.cell(
            row,
            f,
            name,
            fr
              ? `La valeur ${raw} ne correspond pas à des coordonnées GPS françaises valides.`
              : `${raw} is not a location in France (longitude, latitude in WGS84).`,
          );
      },
    };
  },
});

export const frenchGpsCoordinates = gpsCheck('french-gps-coordinates');
