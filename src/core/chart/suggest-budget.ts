// The first chart of an SCDL budget file: a treemap of the amounts by chapter, then by
// nature inside each chapter, for the dépenses (summing recettes and dépenses together
// would count the budget twice). The amount is the realised one for a compte administratif,
// else the vote, else open credits. Labels are preferred to codes when the file has them.
import { DEFAULT_TOP_N, type ChartConfig } from './config';
import type { ColumnProfile } from './columns';

const AMOUNTS = ['BGT_MTREAL', 'BGT_MTPREV', 'BGT_CREDOUV', 'BGT_MTPROPNOUV', 'BGT_MTBUDGPREC'];

export function suggestBudgetChart(columns: ColumnProfile[]): ChartConfig | null {
  const col = (n: string) => columns.find((c) => c.name === n);
  const named = (label: string, code: string) => [col(label), col(code)].find((c) => c && c.filled > 0 && c.emptyShare < 0.5) ?? col(code);
  const category = named('BGT_CONTNAT_LABEL', 'BGT_CONTNAT');
  if (!category || !col('BGT_CODRD')) return null;
  const nature = named('BGT_NATURE_LABEL', 'BGT_NATURE');
  const value = AMOUNTS.map(col).find((c) => c && c.filled > 0 && c.emptyShare < 0.5);
  if (!value) return null;
  return {
    type: 'treemap',
    category: category.name,
    value: value.name,
    aggregation: 'sum',
    topN: DEFAULT_TOP_N,
    sort: 'value-desc',
    dateBucket: 'none',
    filter: { column: 'BGT_CODRD', value: 'dépense' },
    subcategory: nature?.name ?? null,
  };
}
