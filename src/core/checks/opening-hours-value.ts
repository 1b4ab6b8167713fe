// opening-hours-value: Validata checks OSM `opening_hours` syntax with a dedicated parser.
// This build has no such parser, so the check says once that it did not run rather than
// letting the column pass unchecked in silence.
import type { CustomCheck } from './check';

export const openingHoursValue: CustomCheck = {
  name: 'opening-hours-value',
  create(params, env) {
    const column = typeof params.column === 'string' ? params.column : '?';
    if (env.field(column) < 0) return null;
    env.table(
      'unsupported-check',
      env.lang === 'fr'
        ? `Contrôle « opening-hours-value » non effectué sur « ${column} » : la syntaxe OpenStreetMap des horaires n’est pas vérifiée par cette version.`
        : `Check “opening-hours-value” not run on “${column}”: OpenStreetMap opening-hours syntax is not verified by this version.`,
      'info',
    );
    return null;
  },
};
