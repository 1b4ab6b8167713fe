// The table operations the proposal suggests with the mapping, each with its reason in both
// languages: `drop.totals` when the rows read hold totals rows (totals.ts), so that the user does
// not have to find the operation, and a re-user summing the amounts counts each subsidy once.
import type { Text } from '../model';
import type { RowSet } from './ragged';
import type { TableOps } from './spec';
import type { ShapeReport } from './table-ops';

export interface OperationProposal {
  /** The operation as the recipe names it. */
  operation: 'drop.totals';
  /** The rows read that made it proposed. */
  rows: RowSet;
  /** Why, as the user reads it. */
  reason: Text;
}

const lineList = (r: RowSet) => r.lines.join(', ') + (r.count > r.lines.length ? '…' : '');

export function totalsReason(rows: RowSet): Text {
  const n = rows.count;
  const known = rows.lines.length > 0;
  const en = `${n} ${n === 1 ? 'totals row' : 'totals rows'} in the rows read${known ? ` (${n === 1 && rows.lines.length === 1 ? 'line' : 'lines'} ${lineList(rows)})` : ''}: a sum of the rows above is no record, and written as one it counts their amounts twice.`;
  const fr = `${n} ${n === 1 ? 'ligne de total' : 'lignes de total'} dans les lignes lues${known ? ` (${n === 1 && rows.lines.length === 1 ? 'ligne' : 'lignes'} ${lineList(rows)})` : ''} : une somme des lignes au-dessus n’est pas un enregistrement, et écrite comme tel elle compte leurs montants deux fois.`;
  return { en, fr };
}

/** The operations the sample's report calls for (none when it has nothing to drop). */
export function proposeOperations(report: ShapeReport | undefined): OperationProposal[] {
  const totals = report?.totalsWritten;
  if (!totals?.count) return [];
  return [{ operation: 'drop.totals', rows: totals, reason: totalsReason(totals) }];
}

/** The table operations of the proposals. */
export function tableOf(ops: readonly OperationProposal[]): TableOps | undefined {
  return ops.some((o) => o.operation === 'drop.totals') ? { drop: { totals: true } } : undefined;
}
