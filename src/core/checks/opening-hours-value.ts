// opening-hours-value: Validata's check of the OpenStreetMap `opening_hours` syntax
// ("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off"), by ./opening-hours-syntax.ts.
import { show } from '../rules/lib/util';
import { columnParam, type CustomCheck } from './check';
import { openingHoursError } from './opening-hours-syntax';

export const openingHoursValue: CustomCheck = {
  name: 'opening-hours-value',
  create(params, env) {
    const f = columnParam(params, 'column', this.name, env);
    if (f < 0) return null;
    const fr = env.lang === 'fr';
    const verdicts = new Map<string, string | null>();
    return {
      row(row, values) {
        const v = values[f];
        if (typeof v !== 'string' || v === '') return;
        let bad = verdicts.get(v);
        if (bad === undefined) {
          bad = openingHoursError(v);
          if (verdicts.size < 10_000) verdicts.set(v, bad);
        }
        if (bad === null) return;
        const part = bad !== v.trim() ? (fr ? ` (partie fautive : ${show(bad, 40, 'fr')})` : ` (faulty part: ${show(bad)})`) : '';
        env.cell(
          row,
          f,
          'opening-hours-value',
          fr
            ? `La valeur ${show(v, 40, 'fr')} n’est pas une définition d’horaires d’ouverture correcte (syntaxe OpenStreetMap)${part}.`
            : `${show(v)} is not a valid opening-hours definition (OpenStreetMap syntax)${part}.`,
        );
      },
    };
  },
};
