// compare-columns-value: `column op column2` on rows where both are filled. Numbers (or
// numeric text) compare as numbers, text as text, dates chronologically; a number against
// text is "not comparable", as in Validata.
import { show } from '../rules/lib/util';
import { stringParam, valued, type CustomCheck } from './check';
import { resolveColumns } from './columns';

const OPS: Record<string, [(a: number | string, b: number | string) => boolean, string, string]> = {
  '>': [(a, b) => a > b, 'supérieure', 'greater than'],
  '>=': [(a, b) => a >= b, 'supérieure ou égale', 'greater than or equal to'],
  '==': [(a, b) => a === b, 'égale', 'equal to'],
  '<=': [(a, b) => a <= b, 'inférieure ou égale', 'less than or equal to'],
  '<': [(a, b) => a < b, 'inférieure', 'less than'],
};

const numeric = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;

export const compareColumnsValue: CustomCheck = {
  name: 'compare-columns-value',
  create(params, env) {
    const c1 = stringParam(params, 'column', this.name, env);
    const c2 = stringParam(params, 'column2', this.name, env);
    const op = params.op;
    if (c1 === null || c2 === null) return null;
    const ix = resolveColumns([c1, c2], this.name, env);
    const fr = env.lang === 'fr';
    if (typeof op !== 'string' || !OPS[op]) {
      env.table(
        'check-error',
        fr
          ? `Contrôle « ${this.name} » : l’opérateur ${JSON.stringify(op)} n’est pas géré.`
          : `Check “${this.name}”: operator ${JSON.stringify(op)} is not supported.`,
        'warning',
      );
      return null;
    }
    if (!ix) return null;
    const [test, opFr, opEn] = OPS[op];
    const [f1, f2] = ix;
    // Dates are numbers once cast, but messages quote the cells as written.
    const sameKind = env.typeOf(f1) === env.typeOf(f2);
    return {
      row(row, values) {
        const a = values[f1];
        const b = values[f2];
        if (!valued(a) || !valued(b)) return;
        const na = numeric(a);
        const nb = numeric(b);
        let ok: boolean;
        if (na !== null && nb !== null) ok = test(na, nb);
        else if (typeof a === 'string' && typeof b === 'string') ok = test(a, b);
        else if (sameKind) ok = test(String(a), String(b));
        else {
          const r1 = show(env.raw(row, f1), 40, env.lang);
          const r2 = show(env.raw(row, f2), 40, env.lang);
          env.cell(
            row,
            f1,
            'compare-columns-value',
            fr
              ? `La valeur de la colonne ${c1} ${r1} n’est pas comparable avec la valeur de la colonne ${c2} ${r2}.`
              : `The value of column ${c1} ${r1} cannot be compared with the value of column ${c2} ${r2}.`,
          );
          return;
        }
        if (ok) return;
        const r1 = show(env.raw(row, f1), 40, env.lang);
        const r2 = show(env.raw(row, f2), 40, env.lang);
        env.cell(
          row,
          f1,
          'compare-columns-value',
          fr
            ? `La valeur de la colonne ${c1} ${r1} devrait être ${opFr} à la valeur de la colonne ${c2} ${r2}.`
            : `The value of column ${c1} ${r1} should be ${opEn} the value of column ${c2} ${r2}.`,
        );
      },
    };
  },
};
