// sum-columns-value: `column` holds the sum of the integer `columns` (VOTE_REEL = POUR +
// CONTRE + ABSTENTION). Rows with an empty or non-integer cell are skipped.
import { stringParam, valued, type CustomCheck } from './check';
import { resolveColumns, stringList } from './columns';

const asInt = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;

export const sumColumnsValue: CustomCheck = {
  name: 'sum-columns-value',
  create(params, env) {
    const column = stringParam(params, 'column', this.name, env);
    const columns = stringList(params.columns);
    const fr = env.lang === 'fr';
    if (column === null) return null;
    if (!columns || columns.length < 2) {
      env.table(
        'check-error',
        fr
          ? `Contrôle « ${this.name} » : le nombre de colonnes est insuffisant pour l’addition.`
          : `Check “${this.name}”: at least two columns are needed to add.`,
        'warning',
      );
      return null;
    }
    const ix = resolveColumns([column, ...columns], this.name, env);
    if (!ix) return null;
    return {
      row(row, values) {
        let sum = 0;
        for (let k = 1; k < ix.length; k++) {
          const n = asInt(values[ix[k]]);
          if (n === null) return;
          sum += n;
        }
        const total = valued(values[ix[0]]) ? asInt(values[ix[0]]) : null;
        if (total === null || total === sum) return;
        const parts = columns.map((c, k) => `${c} (${asInt(values[ix[k + 1]])})`).join(', ');
        env.cell(
          row,
          ix[0],
          'sum-columns-value',
          fr
            ? `La somme des valeurs des colonnes ${parts} est ${sum}, différente de celle de la colonne ${column} (${total}).`
            : `The sum of columns ${parts} is ${sum}, not the value of column ${column} (${total}).`,
        );
      },
    };
  },
};
