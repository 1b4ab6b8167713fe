// cohesive-columns-value: on each row the listed columns are all filled or all empty.
// Unlike other multi-column checks it looks at empty cells (that is its point).
import { stringParam, valued, type CustomCheck } from './check';
import { resolveColumns, stringList } from './columns';

export const cohesiveColumnsValue: CustomCheck = {
  name: 'cohesive-columns-value',
  create(params, env) {
    const column = stringParam(params, 'column', this.name, env);
    const others = stringList(params.othercolumns);
    if (column === null) return null;
    if (!others || others.length === 0) {
      env.table(
        'check-error',
        env.lang === 'fr'
          ? `Contrôle « ${this.name} » : la liste « othercolumns » est vide ou invalide.`
          : `Check “${this.name}”: “othercolumns” is empty or invalid.`,
        'warning',
      );
      return null;
    }
    const all = [column, ...others];
    const ix = resolveColumns(all, this.name, env);
    if (!ix) return null;
    const list = all.join(', ');
    const message =
      env.lang === 'fr'
        ? `Incohérence relevée : les colonnes ${list} doivent toutes comporter une valeur ou toutes être vides.`
        : `Inconsistent row: columns ${list} must all have a value or all be empty.`;
    return {
      row(row, values) {
        const status = valued(values[ix[0]]);
        for (let k = 1; k < ix.length; k++)
          if (valued(values[ix[k]]) !== status) {
            env.cell(row, ix[0], 'cohesive-columns-value', message);
            return;
          }
      },
    };
  },
};
