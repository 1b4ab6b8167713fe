// one-of-required: on each row at least one of two columns is filled; both columns absent
// is one table-level error (Validata's two error classes, same code).
import { stringParam, valued, type CustomCheck } from './check';

export const oneOfRequired: CustomCheck = {
  name: 'one-of-required',
  create(params, env) {
    const c1 = stringParam(params, 'column1', 'one-of-required', env);
    const c2 = stringParam(params, 'column2', 'one-of-required', env);
    if (c1 === null || c2 === null) return null;
    const f1 = env.field(c1);
    const f2 = env.field(c2);
    const fr = env.lang === 'fr';
    if (f1 < 0 && f2 < 0) {
      env.table(
        'one-of-required',
        fr
          ? `Une des deux colonnes requises : les deux colonnes « ${c1} » et « ${c2} » sont manquantes.`
          : `One of two columns required: both columns '${c1}' and '${c2}' are missing.`,
      );
      return null;
    }
    const message = fr
      ? `Au moins l’une des colonnes « ${c1} » ou « ${c2} » doit comporter une valeur.`
      : `At least one of the columns '${c1}' or '${c2}' must have a value.`;
    return {
      row(row, values) {
        if ((f1 >= 0 && valued(values[f1])) || (f2 >= 0 && valued(values[f2]))) return;
        env.row(row, 'one-of-required', message);
      },
    };
  },
};
