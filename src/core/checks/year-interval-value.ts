// year-interval-value: `AAAA/AAAA` with the first year before the second, or a single year
// when `allow-year-only` is "yes"/"true" (Délibérations' BUDGET_ANNEE).
import { show } from '../rules/lib/util';
import { columnParam, type CustomCheck } from './check';

const INTERVAL = /^(\d{4})\/(\d{4})$/;
const YEAR = /^\d{4}$/;

export const yearIntervalValue: CustomCheck = {
  name: 'year-interval-value',
  create(params, env) {
    const f = columnParam(params, 'column', this.name, env);
    if (f < 0) return null;
    const yearOnly = params['allow-year-only'] === 'yes' || params['allow-year-only'] === 'true';
    const fr = env.lang === 'fr';
    const say = (raw: string, why: string) =>
      fr
        ? `L’année ou l’intervalle d’années ${show(raw, 40, 'fr')} est incorrect (${why}).`
        : `Year or year interval ${show(raw)} is wrong (${why}).`;
    return {
      row(row, values) {
        const v = values[f];
        if (typeof v !== 'string' || v === '') return;
        const m = INTERVAL.exec(v);
        if (!m) {
          if (yearOnly && YEAR.test(v)) return;
          const expected = yearOnly
            ? fr
              ? 'format attendu : année (AAAA) ou intervalle (AAAA/AAAA)'
              : 'expected a year (YYYY) or an interval (YYYY/YYYY)'
            : fr
              ? 'format attendu : AAAA/AAAA'
              : 'expected YYYY/YYYY';
          env.cell(row, f, 'year-interval-value', say(v, expected));
          return;
        }
        if (m[1] === m[2])
          env.cell(row, f, 'year-interval-value', say(v, fr ? 'les deux années doivent être différentes' : 'the two years must differ'));
        else if (+m[1] > +m[2])
          env.cell(
            row,
            f,
            'year-interval-value',
            say(
              v,
              fr
                ? `la deuxième année (${m[2]}) doit être postérieure à la première (${m[1]})`
                : `the second year (${m[2]}) must come after the first (${m[1]})`,
            ),
          );
      },
    };
  },
};
