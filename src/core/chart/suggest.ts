// The first chart a file opens with, chosen from its columns (and its schema when known):
// a measure summed by the most telling category — `montant` by `nomBeneficiaire` for SCDL
// subsidies, amounts by section or chapter for a budget — or totals over time by month/year.
import { DEFAULT_TOP_N, type ChartConfig } from './config';
import type { ColumnProfile } from './columns';
import { suggestBudgetChart } from './suggest-budget';

/** What a Table Schema says about a field (only the parts that matter here). */
export interface FieldHint {
  name: string;
  type?: string;
}

/** Category names by how well they tell a story, strongest first; the best match counts. */
const CATEGORY_HINTS: [RegExp, number][] = [
  [/b[ée]n[ée]ficiaire|beneficiary|tiers|organisme|structure|association|chapitre|chapter|section/i, 4],
  [/fonction|rubrique|libell[ée]|label|intitul[ée]|cat[ée]gorie|category/i, 3],
  [/nature|type|secteur|th[èe]me|domaine|direction|service|commune|ville|d[ée]partement|r[ée]gion|objet|dispositif/i, 2],
  [/nom|name/i, 1],
];
const SUB_LEVEL = /^sous|^sub/i;
const MEASURE =
  /montant|amount|total|valeur|value|budget|^\s*bp\s*$|r[ée]alis|pr[ée]vu|prev|cr[ée]dit|d[ée]pense|recette|prix|co[uû]t|somme|(^|_)mt/i;
const SHARE = /pourcentage|percent|taux|rate|ratio/i;
/** Dates spanning up to this many months chart by month, longer ones by year. */
const MONTHLY_SPAN = 36;

export function suggestChart(columns: ColumnProfile[], fields: FieldHint[] = []): ChartConfig {
  const cols = columns.map((c) => withSchema(c, fields));
  const budget = suggestBudgetChart(cols);
  if (budget) return budget;
  const value = best(
    cols.filter((c) => c.kind === 'number' && !c.code),
    measureScore,
    0,
  );
  const category = best(
    cols.filter((c) => c.kind === 'text' || c.code),
    categoryScore,
    -Infinity,
  );
  const date = cols.find((c) => c.kind === 'date' && c.dateSpan);
  const aggregation = value ? 'sum' : 'count';
  const base = { value: value?.name ?? null, aggregation, topN: DEFAULT_TOP_N } as const;
  if (date && (!category || categoryScore(category) < 2)) {
    const [first, last] = date.dateSpan!;
    const months = (+last.slice(0, 4) - +first.slice(0, 4)) * 12 + (+last.slice(5, 7) - +first.slice(5, 7));
    return { ...base, type: 'line', category: date.name, sort: 'label', dateBucket: months <= MONTHLY_SPAN ? 'month' : 'year' };
  }
  if (!category) {
    const numbers = cols.filter((c) => c.kind === 'number');
    if (numbers.length >= 2)
      return {
        ...base,
        type: 'scatter',
        category: numbers[0].name,
        value: numbers[1].name,
        aggregation: 'sum',
        sort: 'file',
        dateBucket: 'none',
      };
  }
  const target = category ?? cols[0];
  return {
    ...base,
    type: target && target.meanLength > 14 ? 'bar-horizontal' : 'bar',
    category: target?.name ?? null,
    sort: 'value-desc',
    dateBucket: 'none',
  };
}

/** The schema's types win over what the sample looks like. */
function withSchema(c: ColumnProfile, fields: FieldHint[]): ColumnProfile {
  const f = fields.find((x) => x.name === c.name);
  switch (f?.type) {
    case 'number':
    case 'integer':
      return { ...c, kind: 'number' };
    case 'string':
      return c.kind === 'number' ? { ...c, kind: 'text', code: true } : c;
    case 'date':
    case 'datetime':
      return { ...c, kind: 'date' };
    case 'year':
      return { ...c, kind: 'number', code: true };
    default:
      return c;
  }
}

function best(cols: ColumnProfile[], score: (c: ColumnProfile) => number, min: number): ColumnProfile | null {
  let top: ColumnProfile | null = null;
  let topScore = min;
  for (const c of cols) {
    const s = score(c);
    if (s > topScore) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

function categoryScore(c: ColumnProfile): number {
  if (c.distinct < 2) return -Infinity;
  let s = Math.max(0, ...CATEGORY_HINTS.filter(([re]) => re.test(c.name)).map(([, w]) => w));
  if (SUB_LEVEL.test(c.name)) s -= 1;
  if (c.distinct >= 3 && c.distinct <= 50) s += 1;
  else if (c.distinct === 2) s += 0.5;
  if (c.meanLength > 60) s -= 2;
  if (c.emptyShare > 0.5) s -= 1;
  // A label beats its code; a unique identifier (SIRET) is no category at all.
  if (c.code) s -= c.filled > 0 && c.distinct / c.filled > 0.9 ? 2 : 0.5;
  return s;
}

function measureScore(c: ColumnProfile): number {
  let s = 2 * (1 - c.emptyShare);
  if (MEASURE.test(c.name)) s += 3;
  if (SHARE.test(c.name)) s -= 2;
  if (c.unitInterval) s -= 1;
  return s;
}
